package jp.tsumugi.app.chart;

import java.time.Instant;
import java.util.Objects;

/**
 * One immutable, stored state of an allergy, contraindication or infection record. A tombstone has no
 * content ({@code fact} is null).
 */
public record FactRevision(long recordId, long patientId, ChartRecordKind kind, int revision, RevisionState state, String author,
    Instant at, String terminal, String reason, PatientFact fact) {
  public FactRevision {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(state);
    Objects.requireNonNull(author);
    Objects.requireNonNull(at);
    Objects.requireNonNull(terminal);
    reason = reason == null ? "" : reason;
    if ((state == RevisionState.TOMBSTONE) != (fact == null)) {
      throw new IllegalArgumentException("a tombstone, and only a tombstone, has no content");
    }
    if (fact != null && fact.kind() != kind) {
      throw new IllegalArgumentException("content of another kind");
    }
  }

  public boolean isTombstone() {
    return state == RevisionState.TOMBSTONE;
  }

  @Override
  public String toString() {
    return "FactRevision[kind=" + kind + ", record=" + recordId + ", revision=" + revision + ", state=" + state + "]";
  }
}
