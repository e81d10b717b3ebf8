package jp.tsumugi.app.chart;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: allergies, drug contraindications and infections on the shared chart envelope (docs/adr/0025).
 * Revisions are only inserted.
 */
public interface PatientFactStore {

  /** The patient and kind of a record. */
  record Owner(long patientId, ChartRecordKind kind) {
  }

  boolean patientExists(long patientId);

  /** Creates a record of {@code kind} (ALLERGY, CONTRAINDICATION or INFECTION) and returns its id. */
  long createFactRecord(ChartRecordKind kind, long patientId, Instant at);

  /** The owner of an ALLERGY, CONTRAINDICATION or INFECTION record; empty otherwise. */
  Optional<Owner> ownerOf(long recordId);

  /** Appends a revision with its content. False, saving nothing, when that revision number exists already. */
  boolean appendFactRevision(FactRevision revision);

  Optional<FactRevision> latestFactRevision(long recordId);

  /** All revisions of the record, oldest first. */
  List<FactRevision> factRevisions(long recordId);

  /** The latest revision of each of the patient's records of {@code kind} that is not tombstoned, oldest record first. */
  List<FactRevision> currentFacts(long patientId, ChartRecordKind kind);
}
