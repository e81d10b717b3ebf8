package jp.tsumugi.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import jp.tsumugi.app.common.Base32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {
  private static final byte[] SEED20 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEED32 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEED64 =
      "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest(name = "RFC 6238 Appendix B: t={0} {1} -> {2}")
  @CsvSource(textBlock = """
      # RFC 6238, Appendix B (test vectors), 8 digits
      59,          SHA1,   94287082
      59,          SHA256, 46119246
      59,          SHA512, 90693936
      1111111109,  SHA1,   07081804
      1111111109,  SHA256, 68084774
      1111111109,  SHA512, 25091201
      1111111111,  SHA1,   14050471
      1111111111,  SHA256, 67062674
      1111111111,  SHA512, 99943326
      1234567890,  SHA1,   89005924
      1234567890,  SHA256, 91819424
      1234567890,  SHA512, 93441116
      2000000000,  SHA1,   69279037
      2000000000,  SHA256, 90698825
      2000000000,  SHA512, 38618901
      20000000000, SHA1,   65353130
      20000000000, SHA256, 77737706
      20000000000, SHA512, 47863826
      """)
  void matchesThePublishedVectors(long epochSeconds, Totp.Algorithm algorithm, String expected) {
    byte[] seed = switch (algorithm) {
      case SHA1 -> SEED20;
      case SHA256 -> SEED32;
      case SHA512 -> SEED64;
    };
    assertThat(new Totp(algorithm, 8).codeAt(seed, Instant.ofEpochSecond(epochSeconds))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "RFC 4226 Appendix D: counter {0} -> {1}")
  @CsvSource(textBlock = """
      # RFC 4226, Appendix D (HOTP, SHA-1, 6 digits)
      0, 755224
      1, 287082
      2, 359152
      5, 254676
      9, 520489
      """)
  void hotpMatchesRfc4226(long counter, String expected) {
    assertThat(Totp.standard().hotp(SEED20, counter)).isEqualTo(expected);
  }

  @Test
  void acceptsOneStepOfClockDriftEitherSideButNotTwo() {
    Totp totp = Totp.standard();
    Instant now = Instant.ofEpochSecond(1_700_000_010L);
    String previous = totp.codeAt(SEED20, now.minusSeconds(30));
    String next = totp.codeAt(SEED20, now.plusSeconds(30));
    String tooOld = totp.codeAt(SEED20, now.minusSeconds(60));
    String tooNew = totp.codeAt(SEED20, now.plusSeconds(60));

    assertThat(totp.verify(SEED20, totp.codeAt(SEED20, now), now)).isTrue();
    assertThat(totp.verify(SEED20, previous, now)).isTrue();
    assertThat(totp.verify(SEED20, next, now)).isTrue();
    assertThat(totp.verify(SEED20, tooOld, now)).as("two steps old").isFalse();
    assertThat(totp.verify(SEED20, tooNew, now)).as("two steps ahead").isFalse();
  }

  @Test
  void rejectsMalformedCodesWithoutComputing() {
    Totp totp = Totp.standard();
    Instant now = Instant.ofEpochSecond(59);
    assertThat(totp.verify(SEED20, null, now)).isFalse();
    assertThat(totp.verify(SEED20, "", now)).isFalse();
    assertThat(totp.verify(SEED20, "28708", now)).as("five digits").isFalse();
    assertThat(totp.verify(SEED20, "2870821", now)).as("seven digits").isFalse();
    assertThat(totp.verify(SEED20, "28708a", now)).isFalse();
  }

  @Test
  void refusesDigitCountsOutsideTheRfc() {
    assertThatThrownBy(() -> new Totp(Totp.Algorithm.SHA1, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Totp(Totp.Algorithm.SHA1, 9)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void otpauthUriCarriesTheBase32SecretAndIssuer() {
    String uri = Totp.otpauthUri("紡 Tsumugi", "admin", SEED20);
    assertThat(uri).startsWith("otpauth://totp/")
        .contains("secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        .contains("issuer=%E7%B4%A1%20Tsumugi")
        .contains("period=30");
    assertThat(Base32.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(SEED20);
  }
}
