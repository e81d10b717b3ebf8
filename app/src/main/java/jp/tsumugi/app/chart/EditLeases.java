package jp.tsumugi.app.chart;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.Session;

/**
 * Editing leases (編集中) on chart sections across terminals. A lease lasts {@link #DEFAULT_DURATION}
 * and is renewed by the editing screen's heartbeat; a terminal that dies stops renewing, and the next
 * asker takes the expired lease over. Nothing is ever left for staff to clear (docs/adr/0025).
 * Every change is a compare-and-set on the stored row, so two askers never both get the lease.
 */
public final class EditLeases {
  public static final Duration DEFAULT_DURATION = Duration.ofSeconds(90);
  private static final int ATTEMPTS = 3;

  private final ChartStore store;
  private final Clock clock;
  private final Duration duration;

  public EditLeases(ChartStore store, Clock clock) {
    this(store, clock, DEFAULT_DURATION);
  }

  public EditLeases(ChartStore store, Clock clock, Duration duration) {
    this.store = store;
    this.clock = clock;
    this.duration = duration;
  }

  /** The section key of a visit's note. */
  public static String noteSection(long visitId) {
    return "note:visit:" + visitId;
  }

  /** Acquires, renews (same user at the same terminal) or takes over an expired lease. */
  public LeaseResult acquire(Session session, String section) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      EditLease mine = new EditLease(section, session.username(), session.terminal(), now.plus(duration));
      Optional<EditLease> current = store.lease(section);
      if (current.isEmpty()) {
        if (store.insertLease(mine)) {
          return new LeaseResult(true, mine);
        }
        continue;
      }
      EditLease held = current.get();
      if (!held.heldBy(session.username(), session.terminal()) && !held.isExpiredAt(now)) {
        return new LeaseResult(false, held);
      }
      if (store.replaceLease(held, mine)) {
        return new LeaseResult(true, mine);
      }
    }
    // Lost the race several times in a row: whoever won holds it now.
    return store.lease(section).map(l -> new LeaseResult(l.heldBy(session.username(), session.terminal()), l))
        .orElseThrow(() -> new TsumugiException(ErrorCode.CHART_BEING_EDITED, "lease contended"));
  }

  /** Renews a lease this terminal holds; TSU-9010 if it expired and someone else took it meanwhile. */
  public EditLease renew(Session session, String section) {
    Optional<EditLease> current = store.lease(section);
    if (current.isPresent() && !current.get().heldBy(session.username(), session.terminal())
        && !current.get().isExpiredAt(clock.instant())) {
      throw new TsumugiException(ErrorCode.CHART_LEASE_NOT_HELD, "section held elsewhere");
    }
    LeaseResult result = acquire(session, section);
    if (!result.granted()) {
      throw new TsumugiException(ErrorCode.CHART_LEASE_NOT_HELD, "section held elsewhere");
    }
    return result.lease();
  }

  /** Gives the lease back (closing the editor); does nothing if this terminal no longer holds it. */
  public void release(Session session, String section) {
    store.deleteLease(section, session.username(), session.terminal());
  }

  /** Who edits the section now, if anyone (an expired lease counts as nobody). */
  public Optional<EditLease> holder(String section) {
    Instant now = clock.instant();
    return store.lease(section).filter(l -> !l.isExpiredAt(now));
  }
}
