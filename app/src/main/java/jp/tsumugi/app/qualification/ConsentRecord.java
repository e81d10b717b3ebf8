package jp.tsumugi.app.qualification;

import java.util.Objects;

/** One consent as recorded for a patient from a result (append-only; the newest row per kind counts). */
public record ConsentRecord(long patientId, ConsentKind kind, Consent consent, long ledgerId, long recordedAtMillis) {
  public ConsentRecord {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(consent);
  }
}
