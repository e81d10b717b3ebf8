package jp.tsumugi.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tsumugi.app.prescription.safety.DemoSafetyData;
import jp.tsumugi.app.prescription.safety.Interaction;
import jp.tsumugi.app.prescription.safety.InteractionCsv;
import jp.tsumugi.app.prescription.safety.InteractionStore;
import jp.tsumugi.app.prescription.safety.InteractionTableVersion;

/** The versioned interaction table and the combination/limit tables (V23, docs/adr/0030). */
final class JdbcInteractionStore implements InteractionStore {
  private static final String VERSION = "SELECT version, name, imported_at_ms, source_sha256, demo, imported_by "
      + "FROM interaction_table_version ";

  private final JdbcTransactions tx;

  JdbcInteractionStore(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public InteractionTableVersion saveVersion(String name, Instant importedAt, String sourceSha256, boolean demo, String importedBy,
      List<InteractionCsv.Row> rows) {
    return tx.inTransaction(() -> tx.withConnection(c -> {
      long version;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO interaction_table_version (name, imported_at_ms, source_sha256, "
          + "demo, imported_by, row_count) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, name);
        ps.setLong(2, importedAt.toEpochMilli());
        ps.setString(3, sourceSha256);
        ps.setBoolean(4, demo);
        ps.setString(5, importedBy);
        ps.setInt(6, rows.size());
        ps.executeUpdate();
        version = ChartEnvelope.generatedId(ps);
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO interaction_row (version, line_no, key_a, key_b, name_a, name_b, "
          + "severity, mechanism, source_reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (InteractionCsv.Row r : rows) {
          Interaction x = r.interaction();
          ps.setLong(1, version);
          ps.setInt(2, r.line());
          ps.setString(3, x.keyA());
          ps.setString(4, x.keyB());
          ps.setString(5, r.nameA());
          ps.setString(6, r.nameB());
          ps.setString(7, x.severity().name());
          ps.setString(8, x.mechanism());
          ps.setString(9, x.sourceReference());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return new InteractionTableVersion(version, name, Instant.ofEpochMilli(importedAt.toEpochMilli()), sourceSha256, demo,
          importedBy);
    }));
  }

  @Override
  public Optional<InteractionTableVersion> currentVersion() {
    return tx.first(VERSION + "ORDER BY version DESC", ps -> { }, JdbcInteractionStore::version);
  }

  @Override
  public List<InteractionTableVersion> versions() {
    return tx.list(VERSION + "ORDER BY version DESC", ps -> { }, JdbcInteractionStore::version);
  }

  @Override
  public List<InteractionCsv.Row> rows(long version) {
    return tx.list("SELECT line_no, key_a, key_b, severity, mechanism, source_reference, name_a, name_b FROM interaction_row "
        + "WHERE version = ? ORDER BY line_no, key_a, key_b", ps -> ps.setLong(1, version),
        rs -> new InteractionCsv.Row(rs.getInt(1), new Interaction(rs.getString(2), rs.getString(3),
            Interaction.Severity.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6)), rs.getString(7), rs.getString(8)));
  }

  @Override
  public List<DemoSafetyData.CombinationRow> combinations() {
    return tx.list("SELECT product_key, product_name, ingredient_key, ingredient_name FROM drug_combination_ingredient "
        + "ORDER BY product_key, ingredient_key", ps -> { },
        rs -> new DemoSafetyData.CombinationRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
  }

  @Override
  public List<DemoSafetyData.ControlledRow> controlledLimits() {
    return tx.list("SELECT ingredient_key, ingredient_name, drug_class, days FROM drug_controlled_limit ORDER BY ingredient_key",
        ps -> { }, rs -> new DemoSafetyData.ControlledRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
  }

  @Override
  public Map<String, Integer> clinicLimits() {
    Map<String, Integer> out = new LinkedHashMap<>();
    tx.list("SELECT code, days FROM drug_days_limit ORDER BY code", ps -> { }, rs -> out.put(rs.getString(1), rs.getInt(2)));
    return out;
  }

  private static InteractionTableVersion version(ResultSet rs) throws SQLException {
    return new InteractionTableVersion(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4),
        rs.getBoolean(5), rs.getString(6));
  }
}
