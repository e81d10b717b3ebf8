package jp.tsumugi.app.patient;

import java.time.Instant;

/** One kept state of a patient record (真正性): who wrote it, when and why. Revisions are never changed or deleted. */
public record PatientRevision(PatientRecord record, String author, Instant changedAt, String reason) {
}
