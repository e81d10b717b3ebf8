package jp.tsumugi.app.master;

import java.nio.file.Path;

/**
 * Port: imports official master files atomically (every file is validated before anything is
 * written, then all is written in one transaction) and idempotently (files already imported, by
 * SHA-256, are skipped). Errors are {@code TsumugiException}s with codes TSU-6001…, naming file and line.
 */
public interface MasterImporter {
  /** A folder (searched recursively), one master file, or a zip of master files. */
  MasterImportReport importPath(Path path, MasterImportProgress progress);

  /** The master files bundled with the application (docs/adr/0008). */
  MasterImportReport importBundled(MasterImportProgress progress);
}
