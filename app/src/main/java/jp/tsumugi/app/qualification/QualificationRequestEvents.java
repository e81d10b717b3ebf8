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

  /**
   * The request was answered and its result applied; {@code report} says what the result stated (its
   * validity). By default the same as {@link #answered(PendingRequest)}.
   */
  default void answered(PendingRequest request, ApplyReport report) {
    answered(request);
  }
}
