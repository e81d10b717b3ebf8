package jp.tsumugi.app.prescription.safety;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A drug the patient takes: from this clinic's prescriptions or an external record.
 *
 * @param source {@link OtherSource#CLINIC_PRESCRIPTION} or {@link OtherSource#EXTERNAL_RECORD}
 * @param sourceName for external records the record's source (NOTEBOOK, NATIONAL, OTHER), else ""
 * @param sourceDate for external records the date of the source (お薬手帳 entry date), else the start
 * @param reference the prescription record id or the external record id
 * @param days the days the drug counts as taken; for a 頓用 group without days its covered days (docs/adr/0029, 0033)
 * @param asNeeded 頓用 (頓服 group): the finding says so
 */
public record CurrentDrug(OtherSource source, String sourceName, LocalDate sourceDate, long reference, String drugCode,
    String yjCode, String name, LocalDate start, int days, boolean asNeeded) {
  public CurrentDrug {
    Objects.requireNonNull(source);
    Objects.requireNonNull(start);
    sourceName = sourceName == null ? "" : sourceName;
    sourceDate = sourceDate == null ? start : sourceDate;
    drugCode = drugCode == null ? "" : drugCode;
    yjCode = yjCode == null ? "" : yjCode;
    name = name == null ? "" : name;
  }

  /** A regular (not 頓用) drug. */
  public CurrentDrug(OtherSource source, String sourceName, LocalDate sourceDate, long reference, String drugCode, String yjCode,
      String name, LocalDate start, int days) {
    this(source, sourceName, sourceDate, reference, drugCode, yjCode, name, start, days, false);
  }

  /** Whether the period start .. start + days - 1 contains {@code date}: a drug finished yesterday is not taken today. */
  public boolean takenOn(LocalDate date) {
    return days > 0 && !date.isBefore(start) && date.isBefore(start.plusDays(days));
  }
}
