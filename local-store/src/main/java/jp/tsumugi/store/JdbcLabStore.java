package jp.tsumugi.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.tsumugi.app.chart.AbnormalFlag;
import jp.tsumugi.app.chart.ChartRecordKind;
import jp.tsumugi.app.chart.LabCsvImport;
import jp.tsumugi.app.chart.LabItem;
import jp.tsumugi.app.chart.LabPoint;
import jp.tsumugi.app.chart.LabResult;
import jp.tsumugi.app.chart.LabRevision;
import jp.tsumugi.app.chart.LabStore;
import jp.tsumugi.app.chart.LabValue;
import jp.tsumugi.app.chart.ReferenceRange;
import jp.tsumugi.app.chart.RevisionState;
import jp.tsumugi.app.patient.Sex;

/**
 * Lab results on the chart envelope (V18, V19): insert-only {@code chart_lab_content}, plus the mutable
 * {@code chart_lab_current} index moved in the same transaction; and the {@code lab_item} catalogue
 * (docs/adr/0026).
 */
final class JdbcLabStore implements LabStore {
  private static final String COLUMNS = "SELECT r.record_id, c.patient_id, r.revision, r.state, r.author, r.at_ms, r.terminal, r.reason, "
      + "l.revision_id, l.local_code, l.test_name, l.jlac10, l.value_kind, l.value_text, l.unit, l.range_low, l.range_high, "
      + "l.range_text, l.given_flag, l.flag, l.specimen_date, l.visit_id ";
  private static final String SELECT = COLUMNS
      + "FROM chart_revision r JOIN chart_record c ON c.id = r.record_id LEFT JOIN chart_lab_content l ON l.revision_id = r.id ";
  private static final String ITEM_COLUMNS = "local_code, name, jlac10, unit, qualitative, range_low, range_high, range_text, "
      + "female_low, female_high, female_text, sort_order";

  private final JdbcTransactions tx;
  private final ChartEnvelope envelope;

  JdbcLabStore(JdbcTransactions tx) {
    this.tx = tx;
    this.envelope = new ChartEnvelope(tx);
  }

  @Override
  public boolean patientExists(long patientId) {
    return patient(patientId).isPresent();
  }

  @Override
  public Optional<PatientRef> patientByNumber(String patientNumber) {
    return tx.first("SELECT id, sex FROM patient WHERE patient_number = ?", ps -> ps.setString(1, patientNumber), JdbcLabStore::ref);
  }

  @Override
  public Optional<PatientRef> patient(long patientId) {
    return tx.first("SELECT id, sex FROM patient WHERE id = ?", ps -> ps.setLong(1, patientId), JdbcLabStore::ref);
  }

  private static PatientRef ref(ResultSet rs) throws SQLException {
    return new PatientRef(rs.getLong(1), "1".equals(rs.getString(2)) ? Sex.MALE : Sex.FEMALE);
  }

  @Override
  public List<LabItem> items() {
    return tx.list("SELECT " + ITEM_COLUMNS + " FROM lab_item ORDER BY sort_order, local_code", ps -> { }, JdbcLabStore::item);
  }

  @Override
  public Optional<LabItem> item(String localCode) {
    return tx.first("SELECT " + ITEM_COLUMNS + " FROM lab_item WHERE local_code = ?", ps -> ps.setString(1, localCode),
        JdbcLabStore::item);
  }

  @Override
  public void saveItem(LabItem item) {
    tx.run(() -> tx.withConnection(c -> {
      try (PreparedStatement del = c.prepareStatement("DELETE FROM lab_item WHERE local_code = ?")) {
        del.setString(1, item.localCode());
        del.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO lab_item (" + ITEM_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
          + "?, ?)")) {
        ps.setString(1, item.localCode());
        ps.setString(2, item.name());
        ps.setString(3, item.jlac10());
        ps.setString(4, item.unit());
        ps.setBoolean(5, item.qualitative());
        setRange(ps, 6, item.range());
        ReferenceRange female = item.femaleRange();
        ps.setString(9, female == null || female.low() == null ? null : female.low().toPlainString());
        ps.setString(10, female == null || female.high() == null ? null : female.high().toPlainString());
        ps.setString(11, female == null ? null : female.text());
        ps.setInt(12, item.sortOrder());
        ps.executeUpdate();
      }
      return null;
    }));
  }

  private static LabItem item(ResultSet rs) throws SQLException {
    ReferenceRange female = null;
    if (rs.getString(9) != null || rs.getString(10) != null || rs.getString(11) != null) {
      female = new ReferenceRange(decimal(rs.getString(9)), decimal(rs.getString(10)), rs.getString(11));
    }
    return new LabItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
        new ReferenceRange(decimal(rs.getString(6)), decimal(rs.getString(7)), rs.getString(8)), female, rs.getInt(12));
  }

  @Override
  public long createLabRecord(long patientId, Long visitId, Instant at) {
    return tx.inTransaction(() -> tx.withConnection(c -> ChartEnvelope.insertRecord(c, ChartRecordKind.LAB, patientId, visitId, null,
        at)));
  }

  @Override
  public Optional<Long> labOwner(long recordId) {
    return tx.first("SELECT patient_id FROM chart_record WHERE id = ? AND kind = 'LAB'", ps -> ps.setLong(1, recordId),
        rs -> rs.getLong(1));
  }

  @Override
  public boolean appendLabRevision(LabRevision r) {
    return envelope.unlessDuplicate(c -> {
      long id = ChartEnvelope.insertRevision(c, r.recordId(), r.revision(), r.state(), r.author(), r.terminal(), r.at(), r.reason());
      LabResult lab = r.result();
      if (lab == null) {
        update(c, "DELETE FROM chart_lab_current WHERE record_id = ?", r.recordId());
        return;
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_lab_content (revision_id, local_code, test_name, jlac10, "
          + "value_kind, value_text, unit, range_low, range_high, range_text, given_flag, flag, specimen_date, visit_id) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, id);
        ps.setString(2, lab.localCode());
        ps.setString(3, r.testName());
        ps.setString(4, lab.jlac10());
        ps.setString(5, lab.value().isNumeric() ? "NUMERIC" : "QUALITATIVE");
        ps.setString(6, lab.value().display());
        ps.setString(7, lab.unit());
        setRange(ps, 8, lab.range());
        ps.setString(11, lab.flag() == null ? null : lab.flag().name());
        ps.setString(12, r.flag().name());
        ps.setDate(13, Date.valueOf(lab.specimenDate()));
        ps.setObject(14, lab.visitId(), java.sql.Types.BIGINT);
        ps.executeUpdate();
      }
      if (r.revision() == 1) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_lab_current (record_id, patient_id, local_code, "
            + "specimen_date, revision_id) VALUES (?, ?, ?, ?, ?)")) {
          ps.setLong(1, r.recordId());
          ps.setLong(2, r.patientId());
          ps.setString(3, lab.localCode());
          ps.setDate(4, Date.valueOf(lab.specimenDate()));
          ps.setLong(5, id);
          ps.executeUpdate();
        }
      } else {
        try (PreparedStatement ps = c.prepareStatement("UPDATE chart_lab_current SET local_code = ?, specimen_date = ?, "
            + "revision_id = ? WHERE record_id = ?")) {
          ps.setString(1, lab.localCode());
          ps.setDate(2, Date.valueOf(lab.specimenDate()));
          ps.setLong(3, id);
          ps.setLong(4, r.recordId());
          ps.executeUpdate();
        }
      }
    });
  }

  private static void update(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }

  private static void setRange(PreparedStatement ps, int from, ReferenceRange range) throws SQLException {
    ps.setString(from, range.low() == null ? null : range.low().toPlainString());
    ps.setString(from + 1, range.high() == null ? null : range.high().toPlainString());
    ps.setString(from + 2, range.text());
  }

  @Override
  public Optional<LabRevision> latestLabRevision(long recordId) {
    return tx.first(SELECT + "WHERE r.record_id = ? ORDER BY r.revision DESC FETCH FIRST 1 ROWS ONLY", ps -> ps.setLong(1, recordId),
        JdbcLabStore::read);
  }

  @Override
  public List<LabRevision> labRevisions(long recordId) {
    return tx.list(SELECT + "WHERE r.record_id = ? ORDER BY r.revision", ps -> ps.setLong(1, recordId), JdbcLabStore::read);
  }

  @Override
  public List<LabRevision> latestPerTest(long patientId) {
    // Narrow pass over the covering index: the first row of each test is its latest; then read those few revisions.
    Map<String, Long> latest = new LinkedHashMap<>();
    tx.list("SELECT local_code, revision_id FROM chart_lab_current WHERE patient_id = ? "
        + "ORDER BY local_code, specimen_date DESC, record_id DESC", ps -> ps.setLong(1, patientId), rs -> {
          latest.putIfAbsent(rs.getString(1), rs.getLong(2));
          return null;
        });
    if (latest.isEmpty()) {
      return List.of();
    }
    String ids = latest.values().stream().map(String::valueOf).collect(Collectors.joining(", "));
    return tx.list(SELECT + "LEFT JOIN lab_item i ON i.local_code = l.local_code WHERE r.id IN (" + ids + ") "
        + "ORDER BY COALESCE(i.sort_order, 2147483647), l.local_code", ps -> { }, JdbcLabStore::read);
  }

  @Override
  public List<LabPoint> series(long patientId, String localCode) {
    return tx.list("SELECT cur.record_id, cur.specimen_date, l.value_kind, l.value_text, l.flag FROM chart_lab_current cur "
        + "JOIN chart_lab_content l ON l.revision_id = cur.revision_id WHERE cur.patient_id = ? AND cur.local_code = ? "
        + "ORDER BY cur.specimen_date, cur.record_id", ps -> {
          ps.setLong(1, patientId);
          ps.setString(2, localCode);
        }, rs -> {
          boolean numeric = "NUMERIC".equals(rs.getString(3));
          return new LabPoint(rs.getLong(1), rs.getDate(2).toLocalDate(), numeric ? new BigDecimal(rs.getString(4)) : null,
              rs.getString(4), AbnormalFlag.valueOf(rs.getString(5)));
        });
  }

  @Override
  public List<LabRevision> newest(long patientId, int limit) {
    // Narrow pass over the date index first, then read only those revisions.
    List<Long> ids = tx.list("SELECT revision_id FROM chart_lab_current WHERE patient_id = ? "
        + "ORDER BY specimen_date DESC, record_id DESC FETCH FIRST ? ROWS ONLY", ps -> {
          ps.setLong(1, patientId);
          ps.setInt(2, limit);
        }, rs -> rs.getLong(1));
    if (ids.isEmpty()) {
      return List.of();
    }
    String in = ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return tx.list(SELECT + "WHERE r.id IN (" + in + ") ORDER BY l.specimen_date DESC, r.record_id DESC", ps -> { },
        JdbcLabStore::read);
  }

  @Override
  public Set<String> resultKeys(long patientId) {
    Set<String> keys = new HashSet<>();
    tx.list("SELECT l.local_code, l.specimen_date, l.value_kind, l.value_text FROM chart_lab_current cur "
        + "JOIN chart_lab_content l ON l.revision_id = cur.revision_id WHERE cur.patient_id = ?", ps -> ps.setLong(1, patientId), rs -> {
          keys.add(LabCsvImport.key(rs.getString(1), rs.getDate(2).toLocalDate(), value(rs.getString(3), rs.getString(4))));
          return null;
        });
    return keys;
  }

  private static LabValue value(String kind, String text) {
    return "NUMERIC".equals(kind) ? LabValue.numeric(new BigDecimal(text)) : LabValue.qualitative(text);
  }

  private static BigDecimal decimal(String text) {
    return text == null ? null : new BigDecimal(text);
  }

  private static LabRevision read(ResultSet rs) throws SQLException {
    LabResult result = null;
    AbnormalFlag flag = null;
    String testName = "";
    if (rs.getObject(9) != null) {
      String given = rs.getString(19);
      Object visit = rs.getObject(22);
      result = new LabResult(rs.getString(10), rs.getString(12), value(rs.getString(13), rs.getString(14)), rs.getString(15),
          new ReferenceRange(decimal(rs.getString(16)), decimal(rs.getString(17)), rs.getString(18)),
          given == null ? null : AbnormalFlag.valueOf(given), rs.getDate(21).toLocalDate(), visit == null ? null : rs.getLong(22));
      flag = AbnormalFlag.valueOf(rs.getString(20));
      testName = rs.getString(11);
    }
    return new LabRevision(rs.getLong(1), rs.getLong(2), rs.getInt(3), RevisionState.valueOf(rs.getString(4)), rs.getString(5),
        Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7), rs.getString(8), result, testName, flag);
  }
}
