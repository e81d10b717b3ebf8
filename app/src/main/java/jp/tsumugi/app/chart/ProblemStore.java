package jp.tsumugi.app.chart;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: problem (傷病名) records on the shared chart envelope ({@code chart_record} kind PROBLEM and
 * {@code chart_revision}, docs/adr/0025). Revisions are only inserted.
 */
public interface ProblemStore {

  /** True when the patient exists. */
  boolean patientExists(long patientId);

  /** Creates a PROBLEM record for the patient and returns its id. */
  long createProblemRecord(long patientId, Instant at);

  /** The patient of a PROBLEM record; empty if no such record (or it is another kind). */
  Optional<Long> patientOfProblem(long recordId);

  /** Appends a revision with its content. False, saving nothing, when that revision number exists already. */
  boolean appendProblemRevision(ProblemRevision revision);

  Optional<ProblemRevision> latestProblemRevision(long recordId);

  /** All revisions of the record, oldest first. */
  List<ProblemRevision> problemRevisions(long recordId);

  /**
   * The latest revision of each of the patient's problems that is not tombstoned: active ones (no 転帰)
   * first, then ended ones, each by start date, then by record id.
   */
  List<ProblemRevision> problemList(long patientId);
}
