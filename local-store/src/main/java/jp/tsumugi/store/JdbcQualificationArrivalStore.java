package jp.tsumugi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.qualification.ApplyWarning;
import jp.tsumugi.app.qualification.InboxSource;
import jp.tsumugi.app.qualification.QualificationArrival;
import jp.tsumugi.app.qualification.QualificationArrivalStore;

/** Card-reader arrivals waiting at reception (V10, docs/adr/0021). */
final class JdbcQualificationArrivalStore implements QualificationArrivalStore {
  private static final String COLUMNS = "id, ledger_id, source, patient_id, proposal_id, insurance_id, warning, state, created_at_ms,"
      + " resolved_by, resolved_at_ms, resolution_reason, visit_id, warning_seen_by, warning_seen_at_ms";
  private final JdbcTransactions tx;

  JdbcQualificationArrivalStore(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public QualificationArrival insert(QualificationArrival a) {
    return tx.inTransaction(() -> tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO qualification_arrival (ledger_id, source, patient_id, proposal_id,"
          + " insurance_id, warning, state, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, a.ledgerId());
        ps.setString(2, a.source().name());
        setId(ps, 3, a.patientId());
        setId(ps, 4, a.proposalId());
        setId(ps, 5, a.insuranceId());
        if (a.warning().isPresent()) {
          ps.setString(6, a.warning().get().name());
        } else {
          ps.setNull(6, Types.VARCHAR);
        }
        ps.setString(7, a.state().name());
        ps.setLong(8, a.createdAtMillis());
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          return a.withId(keys.getLong(1));
        }
      }
    }));
  }

  @Override
  public Optional<QualificationArrival> find(long id) {
    return tx.withConnection(c -> {
      List<QualificationArrival> found = select(c, "WHERE id = ?", id, 0);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    });
  }

  @Override
  public List<QualificationArrival> createdBetween(long fromMillis, long toMillis) {
    return tx.withConnection(c -> select(c, "WHERE created_at_ms >= ? AND created_at_ms < ? ORDER BY created_at_ms, id", fromMillis,
        toMillis));
  }

  @Override
  public boolean resolve(long id, QualificationArrival.State state, String by, long atMillis, long visitId, String reason) {
    if (state == QualificationArrival.State.PENDING) {
      throw new IllegalArgumentException("resolve to CHECKED_IN or DISMISSED");
    }
    return tx.inTransaction(() -> tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE qualification_arrival SET state = ?, resolved_by = ?, resolved_at_ms = ?,"
          + " visit_id = ?, resolution_reason = ? WHERE id = ? AND state = 'PENDING'")) {
        ps.setString(1, state.name());
        ps.setString(2, by);
        ps.setLong(3, atMillis);
        setId(ps, 4, visitId);
        ps.setString(5, reason == null || reason.isEmpty() ? null : reason);
        ps.setLong(6, id);
        return ps.executeUpdate() == 1;
      }
    }));
  }

  @Override
  public boolean markWarningSeen(long id, String by, long atMillis) {
    return tx.inTransaction(() -> tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE qualification_arrival SET warning_seen_by = ?, warning_seen_at_ms = ?"
          + " WHERE id = ? AND warning IS NOT NULL AND warning_seen_at_ms IS NULL")) {
        ps.setString(1, by);
        ps.setLong(2, atMillis);
        ps.setLong(3, id);
        return ps.executeUpdate() == 1;
      }
    }));
  }

  @Override
  public Token token(long fromMillis, long toMillis) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COUNT(resolved_at_ms), COUNT(warning_seen_at_ms)"
          + " FROM qualification_arrival WHERE created_at_ms >= ? AND created_at_ms < ?")) {
        ps.setLong(1, fromMillis);
        ps.setLong(2, toMillis);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return new Token(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
      }
    });
  }

  private static List<QualificationArrival> select(Connection c, String where, long a, long b) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM qualification_arrival " + where)) {
      ps.setLong(1, a);
      if (where.indexOf('?') != where.lastIndexOf('?')) {
        ps.setLong(2, b);
      }
      List<QualificationArrival> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String warning = rs.getString("warning");
          out.add(new QualificationArrival(rs.getLong("id"), rs.getLong("ledger_id"), InboxSource.valueOf(rs.getString("source")),
              rs.getLong("patient_id"), rs.getLong("proposal_id"), rs.getLong("insurance_id"),
              warning == null ? Optional.empty() : Optional.of(ApplyWarning.valueOf(warning)),
              QualificationArrival.State.valueOf(rs.getString("state")), rs.getLong("created_at_ms"), rs.getString("resolved_by"),
              rs.getLong("resolved_at_ms"), rs.getString("resolution_reason"), rs.getLong("visit_id"), rs.getString("warning_seen_by"),
              rs.getLong("warning_seen_at_ms")));
        }
      }
      return out;
    }
  }

  private static void setId(PreparedStatement ps, int index, long id) throws SQLException {
    if (id == 0) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, id);
    }
  }
}
