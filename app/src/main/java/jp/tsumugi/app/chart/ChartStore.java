package jp.tsumugi.app.chart;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the chart's record store (docs/adr/0025). Revisions are only ever inserted; the database
 * refuses UPDATE and DELETE on them. Drafts and leases are the mutable side tables.
 */
public interface ChartStore {

  /** The patient of a reception entry (visit), if it exists. */
  Optional<Long> patientOfVisit(long visitId);

  /** The id of the visit's note record, if the note has one (it gets one when first signed). */
  Optional<Long> noteRecordOfVisit(long visitId);

  /**
   * Creates the visit's note record. Returns empty when another writer created it first (one note per
   * visit is a unique key), leaving the surrounding transaction usable.
   */
  Optional<Long> createNoteRecord(long patientId, long visitId, Instant at);

  /**
   * Appends a revision (with its content unless it is a tombstone). Returns false, saving nothing, when
   * the record already has a revision with that number: someone else saved first.
   */
  boolean appendNoteRevision(NoteRevision revision);

  Optional<NoteRevision> latestNoteRevision(long recordId);

  Optional<NoteRevision> noteRevision(long recordId, int revision);

  /** All revisions of the record, oldest first. */
  List<NoteRevision> noteRevisions(long recordId);

  /** The latest revision of each of the patient's notes, newest visit first, at most {@code limit}. */
  List<NoteRevision> latestNotesOfPatient(long patientId, int limit);

  /**
   * Do (前回処方): the P column of the latest revision of the patient's most recent note on a visit before
   * {@code visitId} (earlier date, or the same date and a smaller visit id) whose latest revision is signed, not a
   * tombstone, and has a non-blank P. Empty if there is none.
   */
  Optional<PreviousPlan> previousPlan(long visitId);

  /** Inserts or overwrites the author's draft for the visit. Returns true when it was newly created. */
  boolean saveDraft(NoteDraft draft);

  Optional<NoteDraft> draft(long visitId, String author);

  void deleteDraft(long visitId, String author);

  Optional<EditLease> lease(String section);

  /** Inserts the lease if the section has none. False when another terminal inserted one first. */
  boolean insertLease(EditLease lease);

  /** Replaces {@code expected} by {@code next} only if the stored lease is still exactly {@code expected}. */
  boolean replaceLease(EditLease expected, EditLease next);

  /** Removes the lease if the holder at the terminal still holds it. */
  void deleteLease(String section, String holder, String terminal);
}
