package jp.tsumugi.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.prescription.memo.DrugMemo;
import jp.tsumugi.app.prescription.memo.DrugMemoStore;

/** Drug memos (V25): one row per key, replaced in place (update, else insert). */
final class JdbcDrugMemoStore implements DrugMemoStore {
  private static final String SELECT = "SELECT memo_key, drug_name, effects, cautions, updated_at_ms, updated_by FROM drug_memo ";

  private final JdbcTransactions tx;

  JdbcDrugMemoStore(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<DrugMemo> find(String key) {
    return tx.first(SELECT + "WHERE memo_key = ?", ps -> ps.setString(1, key), JdbcDrugMemoStore::read);
  }

  @Override
  public void save(DrugMemo m) {
    tx.withConnection(c -> {
      int updated;
      try (PreparedStatement ps = c.prepareStatement("UPDATE drug_memo SET drug_name = ?, effects = ?, cautions = ?, "
          + "updated_at_ms = ?, updated_by = ? WHERE memo_key = ?")) {
        bind(ps, m);
        updated = ps.executeUpdate();
      }
      if (updated == 0) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drug_memo (drug_name, effects, cautions, updated_at_ms, "
            + "updated_by, memo_key) VALUES (?, ?, ?, ?, ?, ?)")) {
          bind(ps, m);
          ps.executeUpdate();
        }
      }
      return null;
    });
  }

  @Override
  public List<DrugMemo> all() {
    return tx.list(SELECT + "ORDER BY memo_key", ps -> { }, JdbcDrugMemoStore::read);
  }

  private static void bind(PreparedStatement ps, DrugMemo m) throws SQLException {
    ps.setString(1, m.drugName());
    ps.setString(2, m.effects());
    ps.setString(3, m.cautions());
    ps.setLong(4, m.updatedAt().toEpochMilli());
    ps.setString(5, m.updatedBy());
    ps.setString(6, m.key());
  }

  private static DrugMemo read(ResultSet rs) throws SQLException {
    return new DrugMemo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)),
        rs.getString(6));
  }
}
