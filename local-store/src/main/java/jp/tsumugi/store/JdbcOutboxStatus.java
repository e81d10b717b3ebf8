package jp.tsumugi.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import jp.tsumugi.app.outbox.OutboxStatus;

/** Counts the outbox messages still waiting for delivery. */
final class JdbcOutboxStatus implements OutboxStatus {
  private final JdbcTransactions tx;

  JdbcOutboxStatus(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public long pendingCount() {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE state = 'PENDING'");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }
}
