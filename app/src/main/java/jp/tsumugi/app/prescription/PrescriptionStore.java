package jp.tsumugi.app.prescription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Port: prescription records on the chart envelope (docs/adr/0029). Revisions are only inserted; one record per visit.
 */
public interface PrescriptionStore extends UsageTable, ClinicMedications {
  /** The patient and date of a visit, if it exists. */
  record VisitRef(long patientId, LocalDate date) {
  }

  Optional<VisitRef> visit(long visitId);

  /** The id of the visit's prescription record, if one was signed. */
  Optional<Long> recordOfVisit(long visitId);

  /** Creates the visit's record; empty when another writer created it first (the surrounding transaction stays usable). */
  Optional<Long> createRecord(long patientId, long visitId, Instant at);

  /**
   * Appends a revision (content and overrides unless a tombstone) and moves the current-revision index. False, saving
   * nothing, when the record already has that revision number.
   */
  boolean append(PrescriptionRevision revision);

  Optional<PrescriptionRevision> latest(long recordId);

  /** All revisions, oldest first. */
  List<PrescriptionRevision> revisions(long recordId);

  /**
   * Do: the latest revision of the patient's most recent prescription on a visit before {@code visitId} (earlier date, or the
   * same date and a smaller visit id) whose latest revision is signed (not a tombstone).
   */
  Optional<PrescriptionRevision> previous(long visitId);
}
