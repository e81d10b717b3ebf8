package jp.tsumugi.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.reception.ChangeToken;
import jp.tsumugi.app.reception.QueueEntry;
import jp.tsumugi.app.reception.StatusChange;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.reception.VisitRepository;
import jp.tsumugi.app.reception.VisitStatus;

/**
 * Visits and their append-only status and flag rows. Reception numbers come from a per-day counter
 * row updated under its row lock, so two terminals never draw the same number (docs/adr/0019).
 */
final class JdbcVisitRepository implements VisitRepository {
  private static final String ENTRY_SELECT = "SELECT v.id, v.patient_id, v.visit_date, v.reception_number, v.department, "
      + "v.doctor, v.combination_id, v.checked_in_at_ms, s.id, s.seq, s.status, s.reason, s.actor, s.terminal, s.at_ms, "
      + "(SELECT f.qualification_unverified FROM visit_flag f WHERE f.visit_id = v.id ORDER BY f.id DESC "
      + "FETCH FIRST 1 ROWS ONLY) "
      + "FROM visit v JOIN visit_status s ON s.visit_id = v.id "
      + "AND s.seq = (SELECT MAX(s2.seq) FROM visit_status s2 WHERE s2.visit_id = v.id) ";

  private final JdbcTransactions tx;

  JdbcVisitRepository(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Visit insert(Visit v) {
    return tx.inTransaction(() -> tx.withConnection(c -> {
      int number = nextNumber(c, v.visitDate());
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO visit (patient_id, visit_date, reception_number, department, "
          + "doctor, combination_id, checked_in_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, v.patientId());
        ps.setDate(2, Date.valueOf(v.visitDate()));
        ps.setInt(3, number);
        ps.setString(4, v.department());
        ps.setString(5, v.doctor());
        if (v.combinationId() == null) {
          ps.setNull(6, Types.BIGINT);
        } else {
          ps.setLong(6, v.combinationId());
        }
        ps.setLong(7, v.checkedInAt().toEpochMilli());
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          return new Visit(keys.getLong(1), v.patientId(), v.visitDate(), number, v.department(), v.doctor(),
              v.combinationId(), v.checkedInAt());
        }
      }
    }));
  }

  /** Increments the day's counter under its row lock; the first check-in of a day creates the row. */
  private static int nextNumber(Connection c, LocalDate date) throws SQLException {
    if (increment(c, date)) {
      return current(c, date);
    }
    Savepoint savepoint = c.setSavepoint();
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO reception_counter (visit_date, last_number) VALUES (?, 1)")) {
      ps.setDate(1, Date.valueOf(date));
      ps.executeUpdate();
      c.releaseSavepoint(savepoint);
      return 1;
    } catch (SQLException e) {
      if (!SqlErrors.isUniqueViolation(e)) {
        throw e;
      }
      // Another terminal created the day's row first: take the next number from it.
      c.rollback(savepoint);
    }
    if (!increment(c, date)) {
      throw new TsumugiException(ErrorCode.DB_ERROR, "reception counter row missing");
    }
    return current(c, date);
  }

  private static boolean increment(Connection c, LocalDate date) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE reception_counter SET last_number = last_number + 1 WHERE visit_date = ?")) {
      ps.setDate(1, Date.valueOf(date));
      return ps.executeUpdate() == 1;
    }
  }

  private static int current(Connection c, LocalDate date) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT last_number FROM reception_counter WHERE visit_date = ?")) {
      ps.setDate(1, Date.valueOf(date));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Override
  public boolean appendStatus(StatusChange change) {
    return tx.withConnection(c -> {
      boolean inTransaction = !c.getAutoCommit();
      Savepoint savepoint = inTransaction ? c.setSavepoint() : null;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO visit_status (visit_id, visit_date, seq, status, reason, actor, "
          + "terminal, at_ms) SELECT id, visit_date, ?, ?, ?, ?, ?, ? FROM visit WHERE id = ?")) {
        ps.setInt(1, change.sequence());
        ps.setString(2, change.status().name());
        ps.setString(3, change.reason());
        ps.setString(4, change.user());
        ps.setString(5, change.terminal());
        ps.setLong(6, change.at().toEpochMilli());
        ps.setLong(7, change.visitId());
        int rows = ps.executeUpdate();
        if (savepoint != null) {
          c.releaseSavepoint(savepoint);
        }
        if (rows != 1) {
          throw new TsumugiException(ErrorCode.VISIT_NOT_FOUND);
        }
        return true;
      } catch (SQLException e) {
        if (SqlErrors.isUniqueViolation(e)) {
          if (savepoint != null) {
            c.rollback(savepoint);
          }
          return false;
        }
        throw e;
      }
    });
  }

  @Override
  public void appendFlag(long visitId, boolean unverified, String user, String terminal, Instant at) {
    tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO visit_flag (visit_id, visit_date, qualification_unverified, "
          + "actor, terminal, at_ms) SELECT id, visit_date, ?, ?, ?, ? FROM visit WHERE id = ?")) {
        ps.setBoolean(1, unverified);
        ps.setString(2, user);
        ps.setString(3, terminal);
        ps.setLong(4, at.toEpochMilli());
        ps.setLong(5, visitId);
        if (ps.executeUpdate() != 1) {
          throw new TsumugiException(ErrorCode.VISIT_NOT_FOUND);
        }
        return null;
      }
    });
  }

  @Override
  public Optional<QueueEntry> find(long visitId) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(ENTRY_SELECT + "WHERE v.id = ?")) {
        ps.setLong(1, visitId);
        List<QueueEntry> found = entries(ps);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
      }
    });
  }

  @Override
  public List<QueueEntry> queue(LocalDate date) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(ENTRY_SELECT + "WHERE v.visit_date = ? ORDER BY v.reception_number")) {
        ps.setDate(1, Date.valueOf(date));
        return entries(ps);
      }
    });
  }

  private static List<QueueEntry> entries(PreparedStatement ps) throws SQLException {
    List<QueueEntry> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long combination = rs.getLong(7);
        Long combinationId = rs.wasNull() ? null : combination;
        Visit visit = new Visit(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getInt(4), rs.getString(5),
            rs.getString(6), combinationId, Instant.ofEpochMilli(rs.getLong(8)));
        StatusChange latest = new StatusChange(rs.getLong(9), visit.id(), rs.getInt(10), VisitStatus.valueOf(rs.getString(11)),
            rs.getString(12), rs.getString(13), rs.getString(14), Instant.ofEpochMilli(rs.getLong(15)));
        boolean flagged = rs.getBoolean(16);
        out.add(new QueueEntry(visit, latest, flagged));
      }
    }
    return out;
  }

  @Override
  public List<StatusChange> history(long visitId) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, visit_id, seq, status, reason, actor, terminal, at_ms "
          + "FROM visit_status WHERE visit_id = ? ORDER BY seq")) {
        ps.setLong(1, visitId);
        List<StatusChange> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new StatusChange(rs.getLong(1), rs.getLong(2), rs.getInt(3), VisitStatus.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8))));
          }
        }
        return out;
      }
    });
  }

  @Override
  public ChangeToken changeToken(LocalDate date) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM visit_status WHERE visit_date = ?), "
          + "(SELECT COUNT(*) FROM visit_flag WHERE visit_date = ?), (SELECT COUNT(*) FROM visit WHERE visit_date = ?)")) {
        Date d = Date.valueOf(date);
        ps.setDate(1, d);
        ps.setDate(2, d);
        ps.setDate(3, d);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return new ChangeToken(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
      }
    });
  }
}
