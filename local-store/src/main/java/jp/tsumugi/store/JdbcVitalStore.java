package jp.tsumugi.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.chart.ChartRecordKind;
import jp.tsumugi.app.chart.RevisionState;
import jp.tsumugi.app.chart.VitalRevision;
import jp.tsumugi.app.chart.VitalStore;
import jp.tsumugi.app.chart.Vitals;

/** Vitals on the chart envelope (V18, V19): insert-only {@code chart_vital_content} and the {@code chart_vital_current} index. */
final class JdbcVitalStore implements VitalStore {
  private static final String COLUMNS = "SELECT r.record_id, c.patient_id, r.revision, r.state, r.author, r.at_ms, r.terminal, r.reason, "
      + "v.revision_id, v.measured_at_ms, v.systolic, v.diastolic, v.pulse, v.temperature, v.spo2, v.height_cm, v.weight_kg, v.visit_id ";
  private static final String SELECT = COLUMNS
      + "FROM chart_revision r JOIN chart_record c ON c.id = r.record_id LEFT JOIN chart_vital_content v ON v.revision_id = r.id ";
  /** Current revisions, driven from the small index table (H2 keeps the written join order). */
  private static final String SELECT_CURRENT = COLUMNS + "FROM chart_vital_current cur JOIN chart_revision r ON r.id = cur.revision_id "
      + "JOIN chart_record c ON c.id = r.record_id JOIN chart_vital_content v ON v.revision_id = r.id ";

  private final JdbcTransactions tx;
  private final ChartEnvelope envelope;

  JdbcVitalStore(JdbcTransactions tx) {
    this.tx = tx;
    this.envelope = new ChartEnvelope(tx);
  }

  @Override
  public boolean patientExists(long patientId) {
    return tx.first("SELECT 1 FROM patient WHERE id = ?", ps -> ps.setLong(1, patientId), rs -> Boolean.TRUE).isPresent();
  }

  @Override
  public long createVitalRecord(long patientId, Long visitId, Instant at) {
    return tx.inTransaction(() -> tx.withConnection(c -> ChartEnvelope.insertRecord(c, ChartRecordKind.VITAL, patientId, visitId, null,
        at)));
  }

  @Override
  public Optional<Long> vitalOwner(long recordId) {
    return tx.first("SELECT patient_id FROM chart_record WHERE id = ? AND kind = 'VITAL'", ps -> ps.setLong(1, recordId),
        rs -> rs.getLong(1));
  }

  @Override
  public boolean appendVitalRevision(VitalRevision r) {
    return envelope.unlessDuplicate(c -> {
      long id = ChartEnvelope.insertRevision(c, r.recordId(), r.revision(), r.state(), r.author(), r.terminal(), r.at(), r.reason());
      Vitals v = r.vitals();
      if (v == null) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM chart_vital_current WHERE record_id = ?")) {
          ps.setLong(1, r.recordId());
          ps.executeUpdate();
        }
        return;
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_vital_content (revision_id, measured_at_ms, systolic, diastolic, "
          + "pulse, temperature, spo2, height_cm, weight_kg, bmi, visit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, id);
        ps.setLong(2, v.measuredAt().toEpochMilli());
        ps.setObject(3, v.systolic(), Types.INTEGER);
        ps.setObject(4, v.diastolic(), Types.INTEGER);
        ps.setObject(5, v.pulse(), Types.INTEGER);
        ps.setBigDecimal(6, v.temperature());
        ps.setObject(7, v.spo2(), Types.INTEGER);
        ps.setBigDecimal(8, v.heightCm());
        ps.setBigDecimal(9, v.weightKg());
        ps.setBigDecimal(10, v.bmi());
        ps.setObject(11, v.visitId(), Types.BIGINT);
        ps.executeUpdate();
      }
      String sql = r.revision() == 1
          ? "INSERT INTO chart_vital_current (patient_id, measured_at_ms, revision_id, record_id) VALUES (?, ?, ?, ?)"
          : "UPDATE chart_vital_current SET patient_id = ?, measured_at_ms = ?, revision_id = ? WHERE record_id = ?";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, r.patientId());
        ps.setLong(2, v.measuredAt().toEpochMilli());
        ps.setLong(3, id);
        ps.setLong(4, r.recordId());
        ps.executeUpdate();
      }
    });
  }

  @Override
  public Optional<VitalRevision> latestVitalRevision(long recordId) {
    return tx.first(SELECT + "WHERE r.record_id = ? ORDER BY r.revision DESC FETCH FIRST 1 ROWS ONLY", ps -> ps.setLong(1, recordId),
        JdbcVitalStore::read);
  }

  @Override
  public List<VitalRevision> vitalRevisions(long recordId) {
    return tx.list(SELECT + "WHERE r.record_id = ? ORDER BY r.revision", ps -> ps.setLong(1, recordId), JdbcVitalStore::read);
  }

  @Override
  public List<VitalRevision> currentVitals(long patientId, int limit) {
    return tx.list(SELECT_CURRENT + "WHERE cur.patient_id = ? "
        + "ORDER BY cur.measured_at_ms DESC, cur.record_id DESC FETCH FIRST ? ROWS ONLY", ps -> {
          ps.setLong(1, patientId);
          ps.setInt(2, limit);
        }, JdbcVitalStore::read);
  }

  private static Integer integer(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static VitalRevision read(ResultSet rs) throws SQLException {
    Vitals vitals = null;
    if (rs.getObject(9) != null) {
      BigDecimal temperature = rs.getBigDecimal(14);
      Object visit = rs.getObject(18);
      vitals = new Vitals(Instant.ofEpochMilli(rs.getLong(10)), integer(rs, 11), integer(rs, 12), integer(rs, 13), temperature,
          integer(rs, 15), rs.getBigDecimal(16), rs.getBigDecimal(17), visit == null ? null : rs.getLong(18));
    }
    return new VitalRevision(rs.getLong(1), rs.getLong(2), rs.getInt(3), RevisionState.valueOf(rs.getString(4)), rs.getString(5),
        Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7), rs.getString(8), vitals);
  }
}
