package jp.tsumugi.sync.qualification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A result file read once: its SHA-256 over every byte, its size, and its bytes when they fit under the
 * parser's cap (a larger file is hashed to the end but never held in memory).
 */
record FileSnapshot(String fileName, long size, String sha256, Optional<byte[]> bytes) {
  static FileSnapshot read(Path file, long maxBytes) throws IOException {
    MessageDigest digest = newDigest();
    byte[] kept = null;
    long total = 0;
    try (InputStream in = Files.newInputStream(file)) {
      ByteArrayOutputStream held = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
        if (total + n <= maxBytes) {
          held.write(buffer, 0, n);
        }
        total += n;
      }
      if (total <= maxBytes) {
        kept = held.toByteArray();
      }
    }
    return new FileSnapshot(file.getFileName().toString(), total, HexFormat.of().formatHex(digest.digest()), Optional.ofNullable(kept));
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the platform", e);
    }
  }
}
