package jp.tsumugi.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.chart.ChartRecordKind;
import jp.tsumugi.app.chart.RevisionState;
import jp.tsumugi.app.prescription.DispensingKind;
import jp.tsumugi.app.prescription.Prescription;
import jp.tsumugi.app.prescription.PrescriptionRevision;
import jp.tsumugi.app.prescription.PrescriptionStore;
import jp.tsumugi.app.prescription.RouteKind;
import jp.tsumugi.app.prescription.RpGroup;
import jp.tsumugi.app.prescription.RxItem;
import jp.tsumugi.app.prescription.SafetyOverride;
import jp.tsumugi.app.prescription.Usage;
import jp.tsumugi.app.prescription.UsageTiming;

/**
 * Prescriptions on the chart envelope (V21, V22): insert-only content, group, item and override rows, the one-per-visit
 * {@code chart_rx_visit} key, the {@code chart_rx_current} index behind {@link #takenOn}, and the mutable usage table.
 */
final class JdbcPrescriptionStore implements PrescriptionStore {
  private static final String ENVELOPE = "SELECT r.id, r.record_id, c.patient_id, x.visit_id, v.visit_date, r.revision, r.state, "
      + "r.author, r.at_ms, r.terminal, r.reason FROM chart_revision r JOIN chart_record c ON c.id = r.record_id "
      + "JOIN chart_rx_visit x ON x.record_id = c.id JOIN visit v ON v.id = x.visit_id ";

  private final JdbcTransactions tx;
  private final ChartEnvelope envelope;

  JdbcPrescriptionStore(JdbcTransactions tx) {
    this.tx = tx;
    this.envelope = new ChartEnvelope(tx);
  }

  @Override
  public Optional<VisitRef> visit(long visitId) {
    return tx.first("SELECT patient_id, visit_date FROM visit WHERE id = ?", ps -> ps.setLong(1, visitId),
        rs -> new VisitRef(rs.getLong(1), rs.getDate(2).toLocalDate()));
  }

  @Override
  public Optional<Long> recordOfVisit(long visitId) {
    return tx.first("SELECT record_id FROM chart_rx_visit WHERE visit_id = ?", ps -> ps.setLong(1, visitId), rs -> rs.getLong(1));
  }

  @Override
  public Optional<Long> createRecord(long patientId, long visitId, Instant at) {
    long[] id = new long[1];
    boolean created = envelope.unlessDuplicate(c -> {
      id[0] = ChartEnvelope.insertRecord(c, ChartRecordKind.PRESCRIPTION, patientId, visitId, null, at);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_rx_visit (visit_id, record_id) VALUES (?, ?)")) {
        ps.setLong(1, visitId);
        ps.setLong(2, id[0]);
        ps.executeUpdate();
      }
    });
    return created ? Optional.of(id[0]) : Optional.empty();
  }

  @Override
  public boolean append(PrescriptionRevision r) {
    return envelope.unlessDuplicate(c -> {
      long id = ChartEnvelope.insertRevision(c, r.recordId(), r.revision(), r.state(), r.author(), r.terminal(), r.at(), r.reason());
      Prescription p = r.content();
      if (p == null) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM chart_rx_current WHERE record_id = ?")) {
          ps.setLong(1, r.recordId());
          ps.executeUpdate();
        }
        return;
      }
      LocalDate start = r.visitDate();
      int covered = p.groups().stream().mapToInt(RpGroup::coveredDays).max().orElse(1);
      LocalDate last = start.plusDays(covered - 1L);
      insertContent(c, id, p, start, last);
      insertOverrides(c, id, r.overrides());
      String sql = r.revision() == 1
          ? "INSERT INTO chart_rx_current (patient_id, visit_id, start_date, last_date, revision_id, record_id) VALUES (?, ?, ?, ?, ?, ?)"
          : "UPDATE chart_rx_current SET patient_id = ?, visit_id = ?, start_date = ?, last_date = ?, revision_id = ? WHERE record_id = ?";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, r.patientId());
        ps.setLong(2, r.visitId());
        ps.setDate(3, Date.valueOf(start));
        ps.setDate(4, Date.valueOf(last));
        ps.setLong(5, id);
        ps.setLong(6, r.recordId());
        ps.executeUpdate();
      }
    });
  }

  private static void insertContent(Connection c, long id, Prescription p, LocalDate start, LocalDate last) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_rx_content (revision_id, kind, refills, remark, start_date, "
        + "last_date) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, p.kind().name());
      ps.setInt(3, p.refills());
      ps.setString(4, p.comment());
      ps.setDate(5, Date.valueOf(start));
      ps.setDate(6, Date.valueOf(last));
      ps.executeUpdate();
    }
    try (PreparedStatement groups = c.prepareStatement("INSERT INTO chart_rx_group (revision_id, group_no, route, usage_code, "
        + "usage_text, usage_note, days, times, covered_days, remark) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement items = c.prepareStatement("INSERT INTO chart_rx_item (revision_id, group_no, item_no, drug_code, "
            + "drug_name, yj_code, by_generic, generic_code, generic_name, dose, per_day, unit, no_substitution, patient_request, "
            + "selected_care, remark) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int g = 0; g < p.groups().size(); g++) {
        RpGroup group = p.groups().get(g);
        groups.setLong(1, id);
        groups.setInt(2, g + 1);
        groups.setString(3, group.route().name());
        groups.setString(4, group.usageCode());
        groups.setString(5, group.usageText());
        groups.setString(6, group.usageNote());
        groups.setObject(7, group.days(), Types.INTEGER);
        groups.setObject(8, group.times(), Types.INTEGER);
        groups.setInt(9, group.coveredDays());
        groups.setString(10, group.comment());
        groups.executeUpdate();
        for (int i = 0; i < group.items().size(); i++) {
          RxItem item = group.items().get(i);
          items.setLong(1, id);
          items.setInt(2, g + 1);
          items.setInt(3, i + 1);
          items.setString(4, item.drugCode());
          items.setString(5, item.name());
          items.setString(6, item.yjCode());
          items.setBoolean(7, item.generic());
          items.setString(8, item.genericCode());
          items.setString(9, item.genericName());
          items.setString(10, item.dose() == null ? null : item.dose().toPlainString());
          items.setString(11, item.perDay() == null ? null : item.perDay().toPlainString());
          items.setString(12, item.unit());
          items.setBoolean(13, item.noSubstitution());
          items.setBoolean(14, item.patientRequest());
          items.setBoolean(15, item.selectedCare());
          items.setString(16, item.comment());
          items.addBatch();
        }
      }
      items.executeBatch();
    }
  }

  private static void insertOverrides(Connection c, long id, List<SafetyOverride> overrides) throws SQLException {
    if (overrides.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_rx_override (revision_id, seq, finding_code, finding_level, "
        + "drug_code, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < overrides.size(); i++) {
        SafetyOverride o = overrides.get(i);
        ps.setLong(1, id);
        ps.setInt(2, i + 1);
        ps.setString(3, o.findingCode());
        ps.setString(4, o.level());
        ps.setString(5, o.drugCode());
        ps.setString(6, o.reason());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Override
  public Optional<PrescriptionRevision> latest(long recordId) {
    return tx.withConnection(c -> {
      List<PrescriptionRevision> rows = read(c, ENVELOPE + "WHERE r.record_id = ? ORDER BY r.revision DESC FETCH FIRST 1 ROWS ONLY",
          recordId);
      return rows.stream().findFirst();
    });
  }

  @Override
  public List<PrescriptionRevision> revisions(long recordId) {
    return tx.withConnection(c -> read(c, ENVELOPE + "WHERE r.record_id = ? ORDER BY r.revision", recordId));
  }

  @Override
  public Optional<PrescriptionRevision> previous(long visitId) {
    return tx.first("SELECT x.record_id FROM visit cur JOIN visit v ON v.patient_id = cur.patient_id "
        + "AND (v.visit_date < cur.visit_date OR (v.visit_date = cur.visit_date AND v.id < cur.id)) "
        + "JOIN chart_rx_current x ON x.visit_id = v.id WHERE cur.id = ? ORDER BY v.visit_date DESC, v.id DESC FETCH FIRST 1 ROWS ONLY",
        ps -> ps.setLong(1, visitId), rs -> rs.getLong(1)).flatMap(this::latest);
  }

  @Override
  public List<Taken> takenOn(long patientId, LocalDate date) {
    List<Taken> rows = tx.list("SELECT x.record_id, x.visit_id, i.drug_code, i.yj_code, i.drug_name, i.by_generic, i.generic_name, "
        + "x.start_date, g.covered_days, g.route FROM chart_rx_current x "
        + "JOIN chart_rx_group g ON g.revision_id = x.revision_id "
        + "JOIN chart_rx_item i ON i.revision_id = g.revision_id AND i.group_no = g.group_no "
        + "WHERE x.patient_id = ? AND x.last_date >= ? AND x.start_date <= ? "
        + "ORDER BY x.start_date, x.record_id, g.group_no, i.item_no", ps -> {
          ps.setLong(1, patientId);
          ps.setDate(2, Date.valueOf(date));
          ps.setDate(3, Date.valueOf(date));
        }, rs -> new Taken(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getBoolean(6) ? rs.getString(7) : rs.getString(5), rs.getDate(8).toLocalDate(), rs.getInt(9),
            RouteKind.valueOf(rs.getString(10)) == RouteKind.AS_NEEDED));
    return rows.stream().filter(t -> !t.start().plusDays(t.days() - 1L).isBefore(date)).toList();
  }

  @Override
  public List<Usage> usages() {
    return tx.list("SELECT code, display_text, timing, doses_per_day, sort_order FROM rx_usage ORDER BY sort_order, code", ps -> {
    }, JdbcPrescriptionStore::usage);
  }

  @Override
  public Optional<Usage> usage(String code) {
    return tx.first("SELECT code, display_text, timing, doses_per_day, sort_order FROM rx_usage WHERE code = ?",
        ps -> ps.setString(1, code), JdbcPrescriptionStore::usage);
  }

  @Override
  public void save(Usage u) {
    tx.inTransaction(() -> tx.withConnection(c -> {
      try (PreparedStatement up = c.prepareStatement("UPDATE rx_usage SET display_text = ?, timing = ?, doses_per_day = ?, "
          + "sort_order = ? WHERE code = ?")) {
        up.setString(1, u.text());
        up.setString(2, u.timing().name());
        up.setInt(3, u.dosesPerDay());
        up.setInt(4, u.sortOrder());
        up.setString(5, u.code());
        if (up.executeUpdate() > 0) {
          return null;
        }
      }
      try (PreparedStatement in = c.prepareStatement("INSERT INTO rx_usage (display_text, timing, doses_per_day, sort_order, code) "
          + "VALUES (?, ?, ?, ?, ?)")) {
        in.setString(1, u.text());
        in.setString(2, u.timing().name());
        in.setInt(3, u.dosesPerDay());
        in.setInt(4, u.sortOrder());
        in.setString(5, u.code());
        in.executeUpdate();
      }
      return null;
    }));
  }

  private static Usage usage(ResultSet rs) throws SQLException {
    return new Usage(rs.getString(1), rs.getString(2), UsageTiming.valueOf(rs.getString(3)), rs.getInt(4), rs.getInt(5));
  }

  private static List<PrescriptionRevision> read(Connection c, String sql, long recordId) throws SQLException {
    List<PrescriptionRevision> out = new ArrayList<>();
    List<long[]> ids = new ArrayList<>();
    List<Object[]> envelopes = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, recordId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)});
          envelopes.add(new Object[] {rs.getDate(5).toLocalDate(), rs.getInt(6), RevisionState.valueOf(rs.getString(7)),
              rs.getString(8), Instant.ofEpochMilli(rs.getLong(9)), rs.getString(10), rs.getString(11)});
        }
      }
    }
    for (int k = 0; k < ids.size(); k++) {
      long[] id = ids.get(k);
      Object[] e = envelopes.get(k);
      RevisionState state = (RevisionState) e[2];
      Prescription content = state == RevisionState.TOMBSTONE ? null : content(c, id[0], id[3]);
      List<SafetyOverride> overrides = state == RevisionState.TOMBSTONE ? List.of() : overrides(c, id[0]);
      out.add(new PrescriptionRevision(id[1], id[2], id[3], (LocalDate) e[0], (Integer) e[1], state, (String) e[3], (Instant) e[4],
          (String) e[5], (String) e[6], content, overrides));
    }
    return out;
  }

  private static Prescription content(Connection c, long revisionId, long visitId) throws SQLException {
    DispensingKind kind;
    int refills;
    String remark;
    try (PreparedStatement ps = c.prepareStatement("SELECT kind, refills, remark FROM chart_rx_content WHERE revision_id = ?")) {
      ps.setLong(1, revisionId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        kind = DispensingKind.valueOf(rs.getString(1));
        refills = rs.getInt(2);
        remark = rs.getString(3);
      }
    }
    List<List<RxItem>> itemsByGroup = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT group_no, drug_code, drug_name, yj_code, by_generic, generic_code, "
        + "generic_name, dose, per_day, unit, no_substitution, patient_request, selected_care, remark FROM chart_rx_item "
        + "WHERE revision_id = ? ORDER BY group_no, item_no")) {
      ps.setLong(1, revisionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int g = rs.getInt(1);
          while (itemsByGroup.size() < g) {
            itemsByGroup.add(new ArrayList<>());
          }
          itemsByGroup.get(g - 1).add(new RxItem(rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6),
              rs.getString(7), decimal(rs.getString(8)), decimal(rs.getString(9)), rs.getString(10), rs.getBoolean(11),
              rs.getBoolean(12), rs.getBoolean(13), rs.getString(14)));
        }
      }
    }
    List<RpGroup> groups = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT group_no, route, usage_code, usage_text, usage_note, days, times, remark "
        + "FROM chart_rx_group WHERE revision_id = ? ORDER BY group_no")) {
      ps.setLong(1, revisionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int g = rs.getInt(1);
          List<RxItem> items = g <= itemsByGroup.size() ? itemsByGroup.get(g - 1) : List.of();
          groups.add(new RpGroup(RouteKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
              (Integer) rs.getObject(6, Integer.class), (Integer) rs.getObject(7, Integer.class), rs.getString(8), items));
        }
      }
    }
    return new Prescription(visitId, kind, groups, refills, remark);
  }

  private static List<SafetyOverride> overrides(Connection c, long revisionId) throws SQLException {
    List<SafetyOverride> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT finding_code, finding_level, drug_code, reason FROM chart_rx_override "
        + "WHERE revision_id = ? ORDER BY seq")) {
      ps.setLong(1, revisionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new SafetyOverride(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return out;
  }

  private static BigDecimal decimal(String text) {
    return text == null ? null : new BigDecimal(text);
  }
}
