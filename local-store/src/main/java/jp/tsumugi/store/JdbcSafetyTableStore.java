package jp.tsumugi.store;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import jp.tsumugi.app.prescription.safety.DemoSafetyData;
import jp.tsumugi.app.prescription.safety.SafetyTableStore;

/** The clinic-kept safety tables (V23) with their editors' writes (docs/adr/0033). Callers run writes in a transaction. */
final class JdbcSafetyTableStore implements SafetyTableStore {
  private final JdbcTransactions tx;

  JdbcSafetyTableStore(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public List<ClinicLimitRow> clinicLimitRows() {
    return tx.list("SELECT code, days, updated_at_ms, updated_by FROM drug_days_limit ORDER BY code", ps -> { },
        rs -> new ClinicLimitRow(rs.getString(1), rs.getInt(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)));
  }

  @Override
  public void putClinicLimit(ClinicLimitRow row) {
    tx.withConnection(c -> {
      try (PreparedStatement up = c.prepareStatement("UPDATE drug_days_limit SET days = ?, updated_at_ms = ?, updated_by = ? "
          + "WHERE code = ?")) {
        up.setInt(1, row.days());
        up.setLong(2, row.updatedAt().toEpochMilli());
        up.setString(3, row.updatedBy());
        up.setString(4, row.code());
        if (up.executeUpdate() > 0) {
          return null;
        }
      }
      try (PreparedStatement in = c.prepareStatement("INSERT INTO drug_days_limit (code, days, updated_at_ms, updated_by) "
          + "VALUES (?, ?, ?, ?)")) {
        in.setString(1, row.code());
        in.setInt(2, row.days());
        in.setLong(3, row.updatedAt().toEpochMilli());
        in.setString(4, row.updatedBy());
        in.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public boolean removeClinicLimit(String code) {
    return delete("DELETE FROM drug_days_limit WHERE code = ?", code) > 0;
  }

  @Override
  public List<DemoSafetyData.CombinationRow> combinationRows() {
    return tx.list("SELECT product_key, product_name, ingredient_key, ingredient_name FROM drug_combination_ingredient "
        + "ORDER BY product_key, ingredient_key", ps -> { },
        rs -> new DemoSafetyData.CombinationRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
  }

  @Override
  public void replaceCombination(String productKey, List<DemoSafetyData.CombinationRow> rows) {
    delete("DELETE FROM drug_combination_ingredient WHERE product_key = ?", productKey);
    tx.withConnection(c -> {
      try (PreparedStatement in = c.prepareStatement("INSERT INTO drug_combination_ingredient (product_key, product_name, "
          + "ingredient_key, ingredient_name) VALUES (?, ?, ?, ?)")) {
        for (DemoSafetyData.CombinationRow r : rows) {
          in.setString(1, r.productKey());
          in.setString(2, r.productName());
          in.setString(3, r.ingredientKey());
          in.setString(4, r.ingredientName());
          in.executeUpdate();
        }
      }
      return null;
    });
  }

  @Override
  public int removeCombination(String productKey) {
    return delete("DELETE FROM drug_combination_ingredient WHERE product_key = ?", productKey);
  }

  @Override
  public List<DemoSafetyData.ControlledRow> controlledRows() {
    return tx.list("SELECT ingredient_key, ingredient_name, drug_class, days FROM drug_controlled_limit ORDER BY ingredient_key",
        ps -> { }, rs -> new DemoSafetyData.ControlledRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
  }

  @Override
  public void putControlled(DemoSafetyData.ControlledRow row) {
    delete("DELETE FROM drug_controlled_limit WHERE ingredient_key = ?", row.ingredientKey());
    tx.withConnection(c -> {
      try (PreparedStatement in = c.prepareStatement("INSERT INTO drug_controlled_limit (ingredient_key, ingredient_name, drug_class, "
          + "days) VALUES (?, ?, ?, ?)")) {
        in.setString(1, row.ingredientKey());
        in.setString(2, row.ingredientName());
        in.setString(3, row.drugClass());
        in.setInt(4, row.days());
        in.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public boolean removeControlled(String ingredientKey) {
    return delete("DELETE FROM drug_controlled_limit WHERE ingredient_key = ?", ingredientKey) > 0;
  }

  private int delete(String sql, String key) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, key);
        return ps.executeUpdate();
      }
    });
  }
}
