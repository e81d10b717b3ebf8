package jp.tsumugi.app.reception;

import java.util.Objects;

/** A queue entry with who the patient is, for the 受付 screen. */
public record QueueRow(QueueEntry entry, PatientSummary patient) {
  public QueueRow {
    Objects.requireNonNull(entry);
    Objects.requireNonNull(patient);
  }
}
