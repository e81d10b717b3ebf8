package jp.tsumugi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.AuditEntryStore;

/**
 * The audit log table. Append and read only: this class has no UPDATE and no DELETE, and nothing
 * else in the application writes the table.
 */
final class JdbcAuditEntryStore implements AuditEntryStore {
  private static final String COLUMNS = "seq, occurred_at_ms, actor, terminal, action, target, detail, prev_hash, hash";
  private final JdbcTransactions tx;

  JdbcAuditEntryStore(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<AuditEntry> last() {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log WHERE seq = (SELECT MAX(seq) FROM "
          + "audit_log)"); ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        AuditRow row = map(rs);
        return row instanceof ReadableEntry r ? Optional.of(r.entry())
            // An unreadable newest row still fixes the next sequence number; the verifier reports it.
            : Optional.of(new AuditEntry(row.sequence(), Instant.EPOCH, "", "", AuditAction.LOGIN_FAILURE, "", "", "",
                rs.getString("hash")));
      }
    });
  }

  @Override
  public boolean tryAppend(AuditEntry e) {
    return tx.withConnection(c -> {
      // A savepoint keeps an enclosing PostgreSQL transaction usable after a duplicate-key failure.
      boolean inTransaction = !c.getAutoCommit();
      Savepoint savepoint = inTransaction ? c.setSavepoint() : null;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, e.sequence());
        ps.setLong(2, e.instant().toEpochMilli());
        ps.setString(3, e.actor());
        ps.setString(4, e.terminal());
        ps.setString(5, e.action().name());
        ps.setString(6, e.target());
        ps.setString(7, e.detail());
        ps.setString(8, e.previousHash());
        ps.setString(9, e.hash());
        ps.executeUpdate();
        release(c, savepoint);
        return true;
      } catch (SQLException ex) {
        if (SqlErrors.isUniqueViolation(ex)) {
          if (savepoint != null) {
            c.rollback(savepoint);
          }
          return false;
        }
        throw ex;
      }
    });
  }

  private static void release(Connection c, Savepoint savepoint) throws SQLException {
    if (savepoint != null) {
      c.releaseSavepoint(savepoint);
    }
  }

  @Override
  public void forEachInOrder(Consumer<AuditRow> consumer) {
    tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq")) {
        ps.setFetchSize(500);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            consumer.accept(map(rs));
          }
        }
      }
      return null;
    });
  }

  @Override
  public long count() {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log"); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  private static AuditRow map(ResultSet rs) throws SQLException {
    long seq = rs.getLong("seq");
    AuditAction action;
    try {
      action = AuditAction.valueOf(rs.getString("action"));
    } catch (IllegalArgumentException | NullPointerException e) {
      return new UnreadableEntry(seq, "unknown action");
    }
    return new ReadableEntry(new AuditEntry(seq, Instant.ofEpochMilli(rs.getLong("occurred_at_ms")), rs.getString("actor"),
        rs.getString("terminal"), action, rs.getString("target"), rs.getString("detail"), rs.getString("prev_hash").trim(),
        rs.getString("hash").trim()));
  }
}
