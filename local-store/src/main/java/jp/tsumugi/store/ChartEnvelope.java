package jp.tsumugi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import jp.tsumugi.app.chart.ChartRecordKind;
import jp.tsumugi.app.chart.RevisionState;

/**
 * The part every chart kind shares (docs/adr/0025): inserting a {@code chart_record} and a
 * {@code chart_revision} envelope row, and undoing only a unique-key loss to a savepoint so the
 * surrounding (PostgreSQL) transaction stays usable. Each kind adds its own typed content rows.
 */
final class ChartEnvelope {
  private final JdbcTransactions tx;

  ChartEnvelope(JdbcTransactions tx) {
    this.tx = tx;
  }

  /** Work that may lose a unique-key race. */
  interface Racy {
    void run(Connection c) throws SQLException;
  }

  /** Runs {@code work} in the transaction; false (and only it undone) when it hit a unique key. */
  boolean unlessDuplicate(Racy work) {
    return tx.inTransaction(() -> tx.withConnection(c -> {
      Savepoint savepoint = c.setSavepoint();
      try {
        work.run(c);
        c.releaseSavepoint(savepoint);
        return true;
      } catch (SQLException e) {
        c.rollback(savepoint);
        if (SqlErrors.isUniqueViolation(e)) {
          return false;
        }
        throw e;
      }
    }));
  }

  /** Inserts a record's identity row; {@code visitNoteKey} is the visit id for a NOTE, else null. */
  static long insertRecord(Connection c, ChartRecordKind kind, long patientId, Long visitId, Long visitNoteKey, Instant at)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_record (kind, patient_id, visit_id, visit_note_key, "
        + "created_at_ms) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, kind.name());
      ps.setLong(2, patientId);
      ps.setObject(3, visitId, java.sql.Types.BIGINT);
      ps.setObject(4, visitNoteKey, java.sql.Types.BIGINT);
      ps.setLong(5, at.toEpochMilli());
      ps.executeUpdate();
      return generatedId(ps);
    }
  }

  /** Inserts the envelope of one revision and returns its id (the key of the kind's content rows). */
  static long insertRevision(Connection c, long recordId, int revision, RevisionState state, String author, String terminal,
      Instant at, String reason) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_revision (record_id, revision, state, author, terminal, "
        + "at_ms, reason) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, recordId);
      ps.setInt(2, revision);
      ps.setString(3, state.name());
      ps.setString(4, author);
      ps.setString(5, terminal);
      ps.setLong(6, at.toEpochMilli());
      ps.setString(7, reason);
      ps.executeUpdate();
      return generatedId(ps);
    }
  }

  static long generatedId(PreparedStatement ps) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }
}
