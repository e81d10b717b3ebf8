package jp.tsumugi.app.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock tests move by hand; zone Asia/Tokyo like the clinic's. */
public final class MutableClock extends Clock {
  private Instant now;
  private final ZoneId zone;

  public MutableClock(Instant start) {
    this(start, ZoneId.of("Asia/Tokyo"));
  }

  private MutableClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  public void set(Instant instant) {
    now = instant;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new MutableClock(now, other);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
