package jp.tsumugi.app.outbox;

/** Port: how many messages wait in the outbox for a national service (shown in the status bar). */
public interface OutboxStatus {
  long pendingCount();
}
