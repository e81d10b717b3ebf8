package jp.tsumugi.app.prescription.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An external medication record (他院処方): a drug another clinic prescribed, from お薬手帳 or the national feed.
 * {@code id} is 0 before it is stored. {@code toString} holds no drug names.
 *
 * @param clinicName the prescribing clinic's name as entered ("" when not given; docs/adr/0033)
 */
public record ExternalMedication(long id, long patientId, String drugCode, String yjCode, String name, LocalDate start, int days,
    ExternalSource source, LocalDate sourceDate, String enteredBy, Instant enteredAt, String clinicName) {
  public ExternalMedication {
    Objects.requireNonNull(source);
    drugCode = drugCode == null ? "" : drugCode.strip();
    yjCode = yjCode == null ? "" : yjCode.strip();
    name = name == null ? "" : name.strip();
    enteredBy = enteredBy == null ? "" : enteredBy;
    clinicName = clinicName == null ? "" : clinicName.strip();
  }

  /** A record without the prescribing clinic's name. */
  public ExternalMedication(long id, long patientId, String drugCode, String yjCode, String name, LocalDate start, int days,
      ExternalSource source, LocalDate sourceDate, String enteredBy, Instant enteredAt) {
    this(id, patientId, drugCode, yjCode, name, start, days, source, sourceDate, enteredBy, enteredAt, "");
  }

  /** As a drug the safety check compares with. */
  public CurrentDrug asCurrent() {
    return new CurrentDrug(OtherSource.EXTERNAL_RECORD, source.name(), sourceDate, id, drugCode, yjCode, name, start, days);
  }

  @Override
  public String toString() {
    return "ExternalMedication[id=" + id + ", patient=" + patientId + ", source=" + source + "]";
  }
}
