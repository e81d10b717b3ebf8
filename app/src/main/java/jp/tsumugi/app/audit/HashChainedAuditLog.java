package jp.tsumugi.app.audit;

import java.time.Clock;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/** Appends events to the store as a hash chain, retrying when another terminal appended first. */
public final class HashChainedAuditLog implements AuditLog {
  private static final int MAX_ATTEMPTS = 50;
  private final AuditEntryStore store;
  private final Clock clock;

  public HashChainedAuditLog(AuditEntryStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public synchronized void record(AuditEvent event) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      AuditEntry next = AuditChain.next(store.last().orElse(null), clock.instant(), event);
      if (store.tryAppend(next)) {
        return;
      }
    }
    throw new TsumugiException(ErrorCode.DB_ERROR, "audit append contended " + MAX_ATTEMPTS + " times");
  }
}
