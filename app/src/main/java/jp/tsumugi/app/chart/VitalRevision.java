package jp.tsumugi.app.chart;

import java.time.Instant;
import java.util.Objects;

/** One immutable, stored state of a vitals record; a tombstone has no vitals. */
public record VitalRevision(long recordId, long patientId, int revision, RevisionState state, String author, Instant at,
    String terminal, String reason, Vitals vitals) {
  public VitalRevision {
    Objects.requireNonNull(state);
    Objects.requireNonNull(author);
    Objects.requireNonNull(at);
    Objects.requireNonNull(terminal);
    reason = reason == null ? "" : reason;
    if ((state == RevisionState.TOMBSTONE) != (vitals == null)) {
      throw new IllegalArgumentException("a tombstone, and only a tombstone, has no content");
    }
  }

  public boolean isTombstone() {
    return state == RevisionState.TOMBSTONE;
  }

  @Override
  public String toString() {
    return "VitalRevision[record=" + recordId + ", revision=" + revision + ", state=" + state + "]";
  }
}
