package jp.tsumugi.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import jp.tsumugi.app.common.Base32;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Hex;
import jp.tsumugi.app.common.TsumugiException;

/**
 * The random 256-bit key of one database, kept in {@code <key dir>/<database id>.key} (hex, owner
 * only), apart from the data directory (docs/adr/0002). The recovery key is the same key in base32
 * with a 2-byte checksum, in groups of four, for a person to print and type back.
 */
final class DatabaseKey {
  static final int KEY_BYTES = 32;
  private static final int CHECK_BYTES = 2;
  private final byte[] key;

  private DatabaseKey(byte[] key) {
    this.key = key.clone();
  }

  static DatabaseKey random() {
    byte[] bytes = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(bytes);
    return new DatabaseKey(bytes);
  }

  static Path file(Path keyDir, String databaseId) {
    return keyDir.resolve(databaseId + ".key");
  }

  static DatabaseKey read(Path keyDir, String databaseId) {
    Path file = file(keyDir, databaseId);
    if (!Files.isRegularFile(file)) {
      throw new TsumugiException(ErrorCode.DB_KEY_MISSING, "no key file for this database");
    }
    try {
      String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
      byte[] bytes = Hex.decode(hex);
      if (bytes.length != KEY_BYTES) {
        throw new TsumugiException(ErrorCode.DB_KEY_WRONG, "key file has the wrong length");
      }
      return new DatabaseKey(bytes);
    } catch (IllegalArgumentException e) {
      throw new TsumugiException(ErrorCode.DB_KEY_WRONG, "key file is not hexadecimal", e);
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.DB_KEY_MISSING, "key file unreadable", e);
    }
  }

  /** Writes the key file atomically, readable by the owner only; refuses to replace another key. */
  void write(Path keyDir, String databaseId, boolean replace) {
    Path target = file(keyDir, databaseId);
    try {
      Files.createDirectories(keyDir);
      Path tmp = Files.createTempFile(keyDir, databaseId, ".tmp");
      try {
        restrictToOwner(tmp);
        Files.writeString(tmp, Hex.encode(key) + "\n", StandardCharsets.US_ASCII);
        if (!replace && Files.exists(target)) {
          throw new FileAlreadyExistsException(target.getFileName().toString());
        }
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.DATA_DIR_NOT_WRITABLE, "cannot write the key file", e);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  /** A check value of the key: HMAC-SHA256 of a constant, hex, first 16 bytes. Reveals nothing of the key. */
  String check() {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      return Hex.encode(Arrays.copyOf(mac.doFinal("tsumugi-key-check".getBytes(StandardCharsets.US_ASCII)), 16));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
    }
  }

  /** H2's password for this key: "file-password user-password". */
  char[] h2Password() {
    String filePassword = Hex.encode(key);
    String userPassword = Hex.encode(sha256("tsumugi-user".getBytes(StandardCharsets.US_ASCII), key));
    return (filePassword + " " + userPassword).toCharArray();
  }

  String recoveryKey() {
    byte[] withCheck = Arrays.copyOf(key, KEY_BYTES + CHECK_BYTES);
    System.arraycopy(sha256(key), 0, withCheck, KEY_BYTES, CHECK_BYTES);
    String text = Base32.encode(withCheck);
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < text.length(); i += 4) {
      if (i > 0) {
        grouped.append('-');
      }
      grouped.append(text, i, Math.min(text.length(), i + 4));
    }
    return grouped.toString();
  }

  static DatabaseKey fromRecoveryKey(String text) {
    byte[] bytes;
    try {
      bytes = Base32.decode(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TsumugiException(ErrorCode.DB_KEY_INVALID_RECOVERY, "not base32");
    }
    if (bytes.length != KEY_BYTES + CHECK_BYTES) {
      throw new TsumugiException(ErrorCode.DB_KEY_INVALID_RECOVERY, "wrong length");
    }
    byte[] key = Arrays.copyOf(bytes, KEY_BYTES);
    byte[] check = sha256(key);
    if (check[0] != bytes[KEY_BYTES] || check[1] != bytes[KEY_BYTES + 1]) {
      throw new TsumugiException(ErrorCode.DB_KEY_INVALID_RECOVERY, "checksum mismatch");
    }
    return new DatabaseKey(key);
  }

  private static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        sha.update(p);
      }
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
