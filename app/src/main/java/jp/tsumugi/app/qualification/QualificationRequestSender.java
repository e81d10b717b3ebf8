package jp.tsumugi.app.qualification;

/**
 * Port: writes a 資格確認 request into the terminal's {@code req/} folder and records it (sync's
 * {@code QualificationRequests}). A folder that cannot be written gives back a TIMED_OUT request, not an error.
 */
@FunctionalInterface
public interface QualificationRequestSender {
  /**
   * Writes and records one request.
   *
   * @param reference the caller's key for what the request is about ({@code visit=ID}), never patient data
   */
  PendingRequest submit(QualificationRequest request, String reference);
}
