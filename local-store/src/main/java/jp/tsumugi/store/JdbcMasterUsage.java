package jp.tsumugi.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import jp.tsumugi.app.master.MasterKind;
import jp.tsumugi.app.master.MasterUsage;

/** Usage counts per master item in {@code master_usage}; an update, or an insert for a first use. */
final class JdbcMasterUsage implements MasterUsage {
  private final JdbcTransactions tx;

  JdbcMasterUsage(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Map<String, Integer> counts(MasterKind kind) {
    return tx.withConnection(c -> {
      Map<String, Integer> counts = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT code, uses FROM master_usage WHERE kind = ?")) {
        ps.setString(1, String.valueOf(kind.letter()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            counts.put(rs.getString(1), rs.getInt(2));
          }
        }
      }
      return counts;
    });
  }

  @Override
  public void recordUse(MasterKind kind, String code) {
    tx.inTransaction(() -> tx.withConnection(c -> {
      try (PreparedStatement update = c.prepareStatement("UPDATE master_usage SET uses = uses + 1 WHERE kind = ? AND code = ?")) {
        update.setString(1, String.valueOf(kind.letter()));
        update.setString(2, code);
        if (update.executeUpdate() == 1) {
          return null;
        }
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO master_usage (kind, code, uses) VALUES (?, ?, 1)")) {
        insert.setString(1, String.valueOf(kind.letter()));
        insert.setString(2, code);
        insert.executeUpdate();
      }
      return null;
    }));
  }
}
