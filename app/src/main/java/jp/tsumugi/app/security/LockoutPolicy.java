package jp.tsumugi.app.security;

import java.time.Duration;

/**
 * Growing delay after repeated failures: the first {@code freeAttempts} failures cost nothing; each
 * later one locks the account for {@code base} doubled per further failure, capped at {@code max}.
 * The lock expires by itself, so nobody has to clear it by hand.
 */
public record LockoutPolicy(int freeAttempts, Duration base, Duration max) {
  public static final LockoutPolicy DEFAULT = new LockoutPolicy(4, Duration.ofSeconds(30), Duration.ofMinutes(30));

  /** The lock to impose after {@code failures} consecutive failures (zero: none). */
  public Duration lockFor(int failures) {
    if (failures <= freeAttempts) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - freeAttempts - 1, 20);
    Duration lock = base.multipliedBy(1L << doublings);
    return lock.compareTo(max) > 0 ? max : lock;
  }
}
