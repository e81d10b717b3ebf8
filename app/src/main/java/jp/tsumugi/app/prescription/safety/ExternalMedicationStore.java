package jp.tsumugi.app.prescription.safety;

import java.time.LocalDate;
import java.util.List;

/** Port: external medication records (他院処方). */
public interface ExternalMedicationStore {
  boolean patientExists(long patientId);

  /** Stores the record and returns its id. */
  long add(ExternalMedication record);

  /** All of a patient's records, newest start first. */
  List<ExternalMedication> forPatient(long patientId);

  /** The records whose period (start .. start + days - 1) contains {@code date}. */
  List<ExternalMedication> takenOn(long patientId, LocalDate date);
}
