package jp.tsumugi.app.qualification;

/**
 * Port: applies a parsed result (patient matching, insurance revisions, consents). It is called inside
 * the store transaction that also marks the file APPLIED, so it must do all its writing through the
 * same store and must not commit on its own. Throwing rolls everything back; the file stays RECEIVED
 * and is tried again (docs/adr/0018).
 */
public interface QualificationResultHandler {
  ApplyReport apply(QualificationResult result, ResultOrigin origin);
}
