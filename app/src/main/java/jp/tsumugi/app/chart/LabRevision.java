package jp.tsumugi.app.chart;

import java.time.Instant;
import java.util.Objects;

/**
 * One immutable, stored state of a lab result record. {@code testName} is the catalogue name when saved;
 * {@code flag} is the effective 異常フラグ (the given one, else computed). A tombstone has no result.
 */
public record LabRevision(long recordId, long patientId, int revision, RevisionState state, String author, Instant at,
    String terminal, String reason, LabResult result, String testName, AbnormalFlag flag) {
  public LabRevision {
    Objects.requireNonNull(state);
    Objects.requireNonNull(author);
    Objects.requireNonNull(at);
    Objects.requireNonNull(terminal);
    reason = reason == null ? "" : reason;
    testName = testName == null ? "" : testName;
    if ((state == RevisionState.TOMBSTONE) != (result == null)) {
      throw new IllegalArgumentException("a tombstone, and only a tombstone, has no content");
    }
    if (result != null) {
      Objects.requireNonNull(flag);
    }
  }

  public boolean isTombstone() {
    return state == RevisionState.TOMBSTONE;
  }

  @Override
  public String toString() {
    return "LabRevision[record=" + recordId + ", revision=" + revision + ", state=" + state + "]";
  }
}
