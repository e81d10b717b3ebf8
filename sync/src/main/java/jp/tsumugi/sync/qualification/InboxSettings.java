package jp.tsumugi.sync.qualification;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of the inbox.
 *
 * @param pollInterval how often the folders are scanned even without a watch event (network shares miss events)
 * @param settleTime how long a file's size and modification time must stay unchanged before it is read
 * @param maxApplyAttempts how many times applying a well-formed result may fail before it is quarantined
 * @param requestTimeout how long a request in {@code req/} may wait for its result before it is TIMED_OUT
 */
public record InboxSettings(Duration pollInterval, Duration settleTime, int maxApplyAttempts, Duration requestTimeout) {
  /** Poll every 2 s, settle 1 s, 5 attempts, 30 s request timeout. */
  public static final InboxSettings DEFAULT = new InboxSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), 5, Duration.ofSeconds(30));

  public InboxSettings {
    Objects.requireNonNull(pollInterval);
    Objects.requireNonNull(settleTime);
    Objects.requireNonNull(requestTimeout);
    if (pollInterval.isNegative() || pollInterval.isZero() || settleTime.isNegative() || maxApplyAttempts < 1
        || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("intervals must be positive and attempts at least 1");
    }
  }
}
