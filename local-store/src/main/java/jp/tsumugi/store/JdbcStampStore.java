package jp.tsumugi.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.chart.Stamp;
import jp.tsumugi.app.chart.StampKind;
import jp.tsumugi.app.chart.StampStore;

/** Stamps (V20): a plain table, updated and deleted in place; a keyword clash is undone to a savepoint. */
final class JdbcStampStore implements StampStore {
  private static final String SELECT = "SELECT id, owner, kind, keyword, keyword_key, title, body, updated_at_ms, updated_by "
      + "FROM stamp ";

  private final JdbcTransactions tx;
  private final ChartEnvelope envelope;

  JdbcStampStore(JdbcTransactions tx) {
    this.tx = tx;
    this.envelope = new ChartEnvelope(tx);
  }

  @Override
  public List<Stamp> all() {
    return tx.list(SELECT + "ORDER BY id", ps -> { }, JdbcStampStore::read);
  }

  @Override
  public Optional<Stamp> byId(long id) {
    return tx.first(SELECT + "WHERE id = ?", ps -> ps.setLong(1, id), JdbcStampStore::read);
  }

  @Override
  public Optional<Long> insert(Stamp s) {
    long[] id = new long[1];
    boolean inserted = envelope.unlessDuplicate(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO stamp (owner, kind, keyword, keyword_key, title, body, "
          + "updated_at_ms, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, s.owner());
        ps.setString(2, s.kind().name());
        ps.setString(3, s.keyword());
        ps.setString(4, s.key());
        ps.setString(5, s.title());
        ps.setString(6, s.body());
        ps.setLong(7, s.updatedAt().toEpochMilli());
        ps.setString(8, s.updatedBy());
        ps.executeUpdate();
        id[0] = ChartEnvelope.generatedId(ps);
      }
    });
    return inserted ? Optional.of(id[0]) : Optional.empty();
  }

  @Override
  public boolean update(Stamp s) {
    return envelope.unlessDuplicate(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE stamp SET kind = ?, keyword = ?, keyword_key = ?, title = ?, "
          + "body = ?, updated_at_ms = ?, updated_by = ? WHERE id = ?")) {
        ps.setString(1, s.kind().name());
        ps.setString(2, s.keyword());
        ps.setString(3, s.key());
        ps.setString(4, s.title());
        ps.setString(5, s.body());
        ps.setLong(6, s.updatedAt().toEpochMilli());
        ps.setString(7, s.updatedBy());
        ps.setLong(8, s.id());
        ps.executeUpdate();
      }
    });
  }

  @Override
  public boolean delete(long id) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM stamp WHERE id = ?")) {
        ps.setLong(1, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  private static Stamp read(ResultSet rs) throws SQLException {
    return new Stamp(rs.getLong(1), rs.getString(2), StampKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)), rs.getString(9));
  }
}
