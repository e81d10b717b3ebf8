package jp.tsumugi.store;

import java.nio.file.Path;
import java.util.Objects;

/** Where an embedded store lives: its data directory, and the separate directory holding its key. */
public record StoreLocation(Path dataDir, Path keyDir) {
  public StoreLocation {
    Objects.requireNonNull(dataDir);
    Objects.requireNonNull(keyDir);
    dataDir = dataDir.toAbsolutePath().normalize();
    keyDir = keyDir.toAbsolutePath().normalize();
  }
}
