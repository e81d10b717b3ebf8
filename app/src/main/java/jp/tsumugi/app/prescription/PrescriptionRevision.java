package jp.tsumugi.app.prescription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.tsumugi.app.chart.RevisionState;

/**
 * One saved state of a visit's prescription record: the envelope, the content (null for a tombstone) and the safety
 * findings overridden when it was signed.
 */
public record PrescriptionRevision(long recordId, long patientId, long visitId, LocalDate visitDate, int revision,
    RevisionState state, String author, Instant at, String terminal, String reason, Prescription content,
    List<SafetyOverride> overrides) {
  public PrescriptionRevision {
    overrides = List.copyOf(overrides);
  }

  public boolean isTombstone() {
    return state == RevisionState.TOMBSTONE;
  }
}
