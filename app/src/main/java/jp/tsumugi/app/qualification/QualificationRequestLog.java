package jp.tsumugi.app.qualification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the requests written into {@code req/}, so that answers, timeouts and retries survive a restart. */
public interface QualificationRequestLog {
  /** Records a request just written; returns it with its id. */
  PendingRequest insert(PendingRequest request);

  Optional<PendingRequest> findByIdentifier(String identifier);

  /**
   * Marks the request whose result file has this name ANSWERED (from PENDING, TIMED_OUT or RETRIED);
   * the request if there was one. Call it inside the transaction that applies the result.
   */
  Optional<PendingRequest> markAnswered(String resultFileName, Instant at);

  /** Moves every PENDING request whose deadline is at or before {@code now} to TIMED_OUT; returns them. */
  List<PendingRequest> expire(Instant now);

  /** PENDING → TIMED_OUT at once (the request could not even be written); false if it was no longer PENDING. */
  boolean markTimedOut(long id);

  /** TIMED_OUT requests, oldest first. */
  List<PendingRequest> timedOut();

  /** PENDING requests, oldest first. */
  List<PendingRequest> pending();

  /** TIMED_OUT → RETRIED; false if it was no longer TIMED_OUT (answered meanwhile, or retried by another terminal). */
  boolean markRetried(long id);
}
