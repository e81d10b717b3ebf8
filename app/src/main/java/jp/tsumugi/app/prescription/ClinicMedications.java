package jp.tsumugi.app.prescription;

import java.time.LocalDate;
import java.util.List;

/** Port: the drugs a patient is taking on a date from this clinic's own prescriptions (start date + days). */
public interface ClinicMedications {
  /** One prescribed drug: where it comes from, its codes, and the period it covers. */
  record Taken(long prescriptionRecordId, long visitId, String drugCode, String yjCode, String name, LocalDate start, int days,
      boolean asNeeded) {
  }

  /** Nothing taken (for tests and until prescriptions are wired). */
  ClinicMedications NONE = (patientId, date) -> List.of();

  /** Drugs of signed, not deleted prescriptions whose period (start .. start + days - 1) contains {@code date}. */
  List<Taken> takenOn(long patientId, LocalDate date);
}
