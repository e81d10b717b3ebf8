package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2PasswordHasherTest {
  private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

  @Test
  void hashIsAPhcStringWithTheOwaspParametersAndVerifies() {
    String encoded = hasher.hash("correct horse".toCharArray());
    assertThat(encoded).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(hasher.verify("correct horse".toCharArray(), encoded)).isTrue();
    assertThat(hasher.verify("correct horsf".toCharArray(), encoded)).isFalse();
  }

  @Test
  void sameHashTwiceDiffersBySalt() {
    assertThat(hasher.hash("pw-pw-pw-pw".toCharArray())).isNotEqualTo(hasher.hash("pw-pw-pw-pw".toCharArray()));
  }

  @Test
  void verifiesWithTheParametersWrittenInTheHash() {
    String cheap = new Argon2PasswordHasher(64, 1).hash("日本語のパスワード".toCharArray());
    assertThat(cheap).contains("m=64,t=1,p=1");
    assertThat(hasher.verify("日本語のパスワード".toCharArray(), cheap)).isTrue();
  }

  @Test
  void matchesAnIndependentlyKnownArgon2idValue() {
    // RFC 9106 §5.3 uses secret and associated data, which PHC strings do not carry; instead this
    // vector was produced by the reference argon2 CLI: echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32
    String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
    assertThat(hasher.verify("password".toCharArray(), reference)).isTrue();
    assertThat(hasher.verify("Password".toCharArray(), reference)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
      "$argon2id$v=19$m=64,t=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA", "$argon2id$v=19$m=999999999,t=1,p=1$c2FsdHNhbHQ$AAAA",
      "$argon2id$v=19$m=64,t=1,p=1$!!!$AAAAAAAAAAAAAAAAAAAAAA", "$argon2id$v=16$m=64,t=1,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA"})
  void malformedHashesNeverVerifyAndNeverThrow(String encoded) {
    assertThat(hasher.verify("password".toCharArray(), encoded)).isFalse();
  }

  @Test
  void tamperedHashFails() {
    String encoded = hasher.hash("secret-secret".toCharArray());
    String[] parts = encoded.split("\\$");
    byte[] hash = Base64.getDecoder().decode(parts[5]);
    hash[0] ^= 1;
    parts[5] = Base64.getEncoder().withoutPadding().encodeToString(hash);
    assertThat(hasher.verify("secret-secret".toCharArray(), String.join("$", parts))).isFalse();
    assertThat(new String(hash, StandardCharsets.ISO_8859_1)).isNotEmpty();
  }
}
