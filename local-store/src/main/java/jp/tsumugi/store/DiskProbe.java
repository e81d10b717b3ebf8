package jp.tsumugi.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the store checks about its folder before touching it. A seam, because the cases it guards
 * (read-only media, a full disk) cannot be staged for real in a test that runs as root.
 */
interface DiskProbe {
  /** Free space below which the store refuses to open: H2 needs room to write its log. */
  long MINIMUM_FREE_BYTES = 64L * 1024 * 1024;

  boolean canWrite(Path dir);

  long usableSpace(Path dir);

  DiskProbe REAL = new DiskProbe() {
    @Override
    public boolean canWrite(Path dir) {
      if (!Files.isWritable(dir)) {
        return false;
      }
      try {
        Path probe = Files.createTempFile(dir, ".write-probe", ".tmp");
        Files.delete(probe);
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public long usableSpace(Path dir) {
      try {
        return Files.getFileStore(dir).getUsableSpace();
      } catch (IOException e) {
        return 0;
      }
    }
  };
}
