package jp.tsumugi.app.master;

import java.time.LocalDate;
import java.util.List;

/**
 * What an import did. Counts are revisions written: {@code added} for codes new to the store,
 * {@code abolished} for revisions that abolish or erase a code, {@code changed} for the rest. Rows
 * identical to the revision in force before are not written and not counted.
 */
public record MasterImportReport(List<KindReport> kinds, List<String> importedFiles, List<String> skippedFiles) {
  public MasterImportReport {
    kinds = List.copyOf(kinds);
    importedFiles = List.copyOf(importedFiles);
    skippedFiles = List.copyOf(skippedFiles);
  }

  /**
   * @param effectiveDate the latest 変更年月日 of the master after the import (null when nothing is loaded)
   * @param latestFileDate date of the newest file of this master after the import
   */
  public record KindReport(MasterKind kind, int added, int changed, int abolished, LocalDate effectiveDate,
      LocalDate latestFileDate) {
    public int total() {
      return added + changed + abolished;
    }
  }

  public boolean changedNothing() {
    return kinds.stream().allMatch(k -> k.total() == 0);
  }

  /** A short machine-readable summary for the audit log (no patient data exists here). */
  public String summary() {
    StringBuilder out = new StringBuilder("files=" + importedFiles.size() + " skipped=" + skippedFiles.size());
    for (KindReport k : kinds) {
      if (k.total() > 0) {
        out.append(' ').append(k.kind()).append(":+").append(k.added()).append('~').append(k.changed()).append('-')
            .append(k.abolished());
      }
    }
    return out.toString();
  }
}
