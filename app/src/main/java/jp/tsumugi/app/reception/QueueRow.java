package jp.tsumugi.app.reception;

import java.util.Objects;

/**
 * A queue entry with who the patient is, for the 受付 screen. {@code insuranceLabel} names the visit's
 * insurance combination (empty for 自費; {@code #id} when the combination is no longer offered).
 */
public record QueueRow(QueueEntry entry, PatientSummary patient, String insuranceLabel) {
  public QueueRow {
    Objects.requireNonNull(entry);
    Objects.requireNonNull(patient);
    insuranceLabel = insuranceLabel == null ? "" : insuranceLabel;
  }
}
