package jp.tsumugi.app.patient;

import java.util.List;
import java.util.Optional;

/**
 * Port: patient records with their revisions. Nothing is updated in place without a revision: the
 * store keeps the current state for fast reads and every state ever written in a revision table.
 */
public interface PatientStore {
  /** Who wrote a revision and why; {@code atMillis} from the use case's clock. */
  record Change(String author, long atMillis, String reason) {
  }

  /** A page of records changed after a cursor, with the cursor to ask from next time. */
  record Changes(List<PatientRecord> records, long cursor) {
  }

  /** Reserves the next value of the patient number sequence (1, 2, …), never handed out twice. */
  long nextPatientSequence();

  boolean patientNumberExists(String patientNumber);

  /** Stores a new record as revision 1 and returns it with its id. */
  PatientRecord insertRecord(PatientRecord record, Change change);

  /**
   * Stores {@code record} as the next revision, provided the current revision is still
   * {@code record.revision() - 1}; otherwise {@link jp.tsumugi.app.common.ErrorCode#REVISION_CONFLICT}.
   */
  PatientRecord appendRevision(PatientRecord record, Change change);

  Optional<PatientRecord> findRecord(long id);

  /** Every revision of the patient, oldest first. */
  List<PatientRevision> history(long id);

  /** Current records of patients born on the date (duplicate check). */
  List<PatientRecord> bornOn(java.time.LocalDate birthDate);

  /**
   * Current records changed (registered or revised) after the cursor; cursor 0 gives all. A store may
   * return a few records again (late commits behind the cursor); the index just re-files them.
   */
  Changes changedSince(long cursor);
}
