package jp.tsumugi.app.qualification;

/**
 * Port: told when a request times out or is answered, so that reception can flag the visit
 * 資格未確認 and clear the flag again. Called outside any transaction; must not throw.
 */
public interface QualificationRequestEvents {
  /** Does nothing. */
  QualificationRequestEvents NONE = new QualificationRequestEvents() {
  };

  default void timedOut(PendingRequest request) {
  }

  default void answered(PendingRequest request) {
  }
}
