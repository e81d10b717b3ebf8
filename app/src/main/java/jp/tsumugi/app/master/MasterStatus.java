package jp.tsumugi.app.master;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What is loaded, per master (every kind is listed, loaded or not). */
public record MasterStatus(List<KindStatus> kinds) {
  public MasterStatus {
    kinds = List.copyOf(kinds);
  }

  /**
   * @param latestFileDate date in the name of the newest imported file, null when none
   * @param effectiveDate the latest 変更年月日 of any revision, null when none
   * @param recordCount distinct codes
   * @param revisionCount stored revisions
   */
  public record KindStatus(MasterKind kind, LocalDate latestFileDate, LocalDate effectiveDate, int recordCount,
      int revisionCount, List<ImportedFile> files) {
    public KindStatus {
      files = List.copyOf(files);
    }
  }

  /** One imported file (or zip entry), by name and content hash. */
  public record ImportedFile(String name, String sha256, LocalDate fileDate, boolean full, int rows, Instant importedAt) {
  }

  public KindStatus of(MasterKind kind) {
    return kinds.stream().filter(k -> k.kind() == kind).findFirst().orElseThrow();
  }
}
