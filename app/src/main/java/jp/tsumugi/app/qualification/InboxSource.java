package jp.tsumugi.app.qualification;

/** Where a result file came from: the answer folder, the card reader's folder, or a manual ingest. */
public enum InboxSource {
  /** {@code res/}: the answer to a request Tsumugi wrote into {@code req/}. */
  RES,
  /** {@code face/}: unsolicited, written when a patient confirms with a My Number card. */
  FACE,
  /** {@code tsumugi qualification ingest FILE}: support staff or tests. */
  INGEST
}
