package jp.tsumugi.app.chart;

import java.time.Instant;
import java.util.Objects;

/**
 * One immutable, stored state of a problem record. A {@link RevisionState#TOMBSTONE} has no content
 * ({@code problem} is null); the reason is empty for revision 1 and required from revision 2 on.
 */
public record ProblemRevision(long recordId, long patientId, int revision, RevisionState state, String author, Instant at,
    String terminal, String reason, Problem problem) {
  public ProblemRevision {
    Objects.requireNonNull(state);
    Objects.requireNonNull(author);
    Objects.requireNonNull(at);
    Objects.requireNonNull(terminal);
    reason = reason == null ? "" : reason;
    if ((state == RevisionState.TOMBSTONE) != (problem == null)) {
      throw new IllegalArgumentException("a tombstone, and only a tombstone, has no content");
    }
  }

  public boolean isTombstone() {
    return state == RevisionState.TOMBSTONE;
  }

  @Override
  public String toString() {
    return "ProblemRevision[record=" + recordId + ", revision=" + revision + ", state=" + state + "]";
  }
}
