package jp.tsumugi.app.qualification;

/** Where a request written into {@code req/} stands. */
public enum RequestState {
  /** Written; waiting for its result in {@code res/}. */
  PENDING,
  /** Its result arrived and was applied (possibly after it had timed out). */
  ANSWERED,
  /** No result within the timeout: the visit is 資格未確認 until a result arrives or a retry answers. */
  TIMED_OUT,
  /** Timed out and sent again as a new request; a late result for it is still applied. */
  RETRIED
}
