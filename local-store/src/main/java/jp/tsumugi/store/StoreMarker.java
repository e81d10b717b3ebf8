package jp.tsumugi.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.UUID;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * {@code tsumugi-store.properties}: says that a folder is a Tsumugi store and names its database
 * id and a check value of its key (an HMAC of a constant: it tells a wrong key from a damaged file
 * without revealing the key). Holds no secret. Written last when a store is created, so a half-made store has no marker.
 */
record StoreMarker(String databaseId, int format, String keyCheck, long epoch) {
  static final String FILE = "tsumugi-store.properties";
  static final int FORMAT = 1;

  /** A marker for a new database whose key is {@code key}. */
  static StoreMarker fresh(DatabaseKey key) {
    return new StoreMarker(UUID.randomUUID().toString(), FORMAT, key.check(), 0);
  }

  static boolean exists(Path dataDir) {
    return Files.isRegularFile(dataDir.resolve(FILE));
  }

  static StoreMarker read(Path dataDir) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(dataDir.resolve(FILE), StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new TsumugiException(ErrorCode.DATA_DIR_INVALID, "marker unreadable", e);
    }
    String id = p.getProperty("databaseId", "");
    String format = p.getProperty("format", "");
    String keyCheck = p.getProperty("keyCheck", "");
    try {
      UUID.fromString(id);
      return new StoreMarker(id, Integer.parseInt(format), keyCheck, Long.parseLong(p.getProperty("epoch", "0")));
    } catch (IllegalArgumentException e) {
      throw new TsumugiException(ErrorCode.DATA_DIR_INVALID, "marker malformed", e);
    }
  }

  /** The same marker recording the database's epoch after an open or a close (docs/adr/0002). */
  StoreMarker withEpoch(long newEpoch) {
    return new StoreMarker(databaseId, format, keyCheck, newEpoch);
  }

  void write(Path dataDir) {
    Properties p = new Properties();
    p.setProperty("databaseId", databaseId);
    p.setProperty("format", Integer.toString(format));
    p.setProperty("keyCheck", keyCheck);
    p.setProperty("epoch", Long.toString(epoch));
    try {
      Path tmp = Files.createTempFile(dataDir, "marker", ".tmp");
      try {
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          p.store(out, "Tsumugi data directory. The database key is kept elsewhere (see docs/adr/0002).");
        }
        try {
          Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, dataDir.resolve(FILE));
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.DATA_DIR_NOT_WRITABLE, "cannot write the marker", e);
    }
  }
}
