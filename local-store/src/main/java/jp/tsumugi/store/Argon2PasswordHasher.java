package jp.tsumugi.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import jp.tsumugi.app.security.PasswordHasher;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (base64 without padding). Verification reads
 * the parameters from the string, so raising them later keeps old hashes valid.
 */
final class Argon2PasswordHasher implements PasswordHasher {
  /** OWASP's baseline for Argon2id: 19 MiB, 2 iterations, 1 lane. */
  static final int MEMORY_KIB = 19_456;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final SecureRandom random = new SecureRandom();
  private final int memoryKib;
  private final int iterations;

  Argon2PasswordHasher() {
    this(MEMORY_KIB, ITERATIONS);
  }

  Argon2PasswordHasher(int memoryKib, int iterations) {
    this.memoryKib = memoryKib;
    this.iterations = iterations;
  }

  @Override
  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, memoryKib, iterations, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt) + "$"
        + B64.encodeToString(hash);
  }

  @Override
  public boolean verify(char[] password, String encoded) {
    if (password == null || encoded == null) {
      return false;
    }
    String[] parts = encoded.split("\\$");
    // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
    if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
      return false;
    }
    try {
      int m = 0;
      int t = 0;
      int p = 0;
      for (String kv : parts[3].split(",")) {
        String[] pair = kv.split("=", 2);
        int value = Integer.parseInt(pair[1]);
        switch (pair[0]) {
          case "m" -> m = value;
          case "t" -> t = value;
          case "p" -> p = value;
          default -> {
            return false;
          }
        }
      }
      if (m < 8 || m > 4 * 1024 * 1024 || t < 1 || t > 100 || p < 1 || p > 16) {
        return false;
      }
      byte[] salt = B64D.decode(parts[4]);
      byte[] expected = B64D.decode(parts[5]);
      if (salt.length < 8 || expected.length < 16 || expected.length > 64) {
        return false;
      }
      byte[] actual = derive(password, salt, m, t, p, expected.length);
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      return false;
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
    Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKib)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    byte[] secret = toUtf8(password);
    try {
      generator.generateBytes(secret, out);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
    return out;
  }

  private static byte[] toUtf8(char[] password) {
    var buffer = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
