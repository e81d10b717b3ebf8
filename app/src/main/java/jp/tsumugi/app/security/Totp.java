package jp.tsumugi.app.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, RFC 6238 (HOTP of RFC 4226 over 30-second steps). Authenticator
 * apps use HMAC-SHA1 with 6 digits; the other algorithms exist for the RFC's test vectors.
 */
public final class Totp {
  public static final int STEP_SECONDS = 30;

  /** The MAC algorithms RFC 6238 names. */
  public enum Algorithm {
    SHA1("HmacSHA1"), SHA256("HmacSHA256"), SHA512("HmacSHA512");

    private final String jcaName;

    Algorithm(String jcaName) {
      this.jcaName = jcaName;
    }
  }

  private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

  private final Algorithm algorithm;
  private final int digits;

  public Totp(Algorithm algorithm, int digits) {
    if (digits < 6 || digits > 8) {
      throw new IllegalArgumentException("digits must be 6 to 8");
    }
    this.algorithm = algorithm;
    this.digits = digits;
  }

  /** The authenticator-app default: SHA-1, 6 digits. */
  public static Totp standard() {
    return new Totp(Algorithm.SHA1, 6);
  }

  public String codeAt(byte[] secret, Instant instant) {
    return hotp(secret, Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS));
  }

  /** Accepts the code of the current step or one step either side (clock drift). */
  public boolean verify(byte[] secret, String code, Instant instant) {
    if (code == null || !code.matches("\\d{" + digits + "}")) {
      return false;
    }
    long step = Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
    boolean ok = false;
    for (long s = step - 1; s <= step + 1; s++) {
      ok |= MessageDigest.isEqual(hotp(secret, s).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
          code.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    return ok;
  }

  String hotp(byte[] secret, long counter) {
    byte[] mac;
    try {
      Mac hmac = Mac.getInstance(algorithm.jcaName);
      hmac.init(new SecretKeySpec(secret, "RAW"));
      mac = hmac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC unavailable in this JVM", e);
    }
    int offset = mac[mac.length - 1] & 0xf;
    int binary = ((mac[offset] & 0x7f) << 24) | ((mac[offset + 1] & 0xff) << 16)
        | ((mac[offset + 2] & 0xff) << 8) | (mac[offset + 3] & 0xff);
    int otp = binary % POWERS[digits];
    StringBuilder text = new StringBuilder(Integer.toString(otp));
    while (text.length() < digits) {
      text.insert(0, '0');
    }
    return text.toString();
  }

  /** The otpauth URI an authenticator app scans; issuer and account are not patient data. */
  public static String otpauthUri(String issuer, String account, byte[] secret) {
    String label = urlEncode(issuer) + ":" + urlEncode(account);
    return "otpauth://totp/" + label + "?secret=" + jp.tsumugi.app.common.Base32.encode(secret)
        + "&issuer=" + urlEncode(issuer) + "&algorithm=SHA1&digits=6&period=" + STEP_SECONDS;
  }

  private static String urlEncode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }
}
