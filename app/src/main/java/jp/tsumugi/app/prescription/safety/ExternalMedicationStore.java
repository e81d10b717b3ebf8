package jp.tsumugi.app.prescription.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: external medication records (他院処方); never deleted, a removal is a mark (docs/adr/0033). */
public interface ExternalMedicationStore {
  /** A record's removal: who, when and why. */
  record Removal(long id, Instant at, String by, String reason) {
  }

  boolean patientExists(long patientId);

  /** Stores the record and returns its id. */
  long add(ExternalMedication record);

  /** All of a patient's records, removed ones included, newest start first. */
  List<ExternalMedication> forPatient(long patientId);

  /** The records not removed whose period (start .. start + days - 1) contains {@code date}. */
  List<ExternalMedication> takenOn(long patientId, LocalDate date);

  /** One record, removed or not. */
  Optional<ExternalMedication> find(long id);

  /** Marks a record removed; false when it was already removed. */
  boolean markRemoved(Removal removal);

  /** The removals of a patient's records. */
  List<Removal> removals(long patientId);
}
