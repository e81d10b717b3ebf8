package jp.tsumugi.app.master;

/** Progress of an import, for a progress bar or a progress line. Called on the importing thread. */
@FunctionalInterface
public interface MasterImportProgress {
  MasterImportProgress NONE = (phase, item, done, total) -> { };

  /** Phases in order; {@code done} of {@code total} steps of the phase are finished. */
  enum Phase { READING, APPLYING, WRITING, DONE }

  void update(Phase phase, String item, long done, long total);
}
