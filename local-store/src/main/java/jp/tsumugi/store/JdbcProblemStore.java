package jp.tsumugi.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tsumugi.app.chart.ChartRecordKind;
import jp.tsumugi.app.chart.Problem;
import jp.tsumugi.app.chart.ProblemCourse;
import jp.tsumugi.app.chart.ProblemOutcome;
import jp.tsumugi.app.chart.ProblemRevision;
import jp.tsumugi.app.chart.ProblemStore;
import jp.tsumugi.app.chart.RevisionState;

/**
 * Problems (傷病名) on the chart envelope (V16, V17): a PROBLEM {@code chart_record}, its
 * {@code chart_revision} rows and the typed {@code chart_problem_content} / {@code chart_problem_modifier}
 * rows, all insert-only (docs/adr/0025).
 */
final class JdbcProblemStore implements ProblemStore {
  private static final String SELECT = "SELECT r.id, r.record_id, c.patient_id, r.revision, r.state, r.author, r.at_ms, "
      + "r.terminal, r.reason, p.disease_code, p.display_name, p.main_disease, p.suspected, p.course, p.start_date, "
      + "p.outcome, p.outcome_date "
      + "FROM chart_revision r JOIN chart_record c ON c.id = r.record_id "
      + "LEFT JOIN chart_problem_content p ON p.revision_id = r.id ";

  private final JdbcTransactions tx;
  private final ChartEnvelope envelope;

  JdbcProblemStore(JdbcTransactions tx) {
    this.tx = tx;
    this.envelope = new ChartEnvelope(tx);
  }

  @Override
  public boolean patientExists(long patientId) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM patient WHERE id = ?")) {
        ps.setLong(1, patientId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  @Override
  public long createProblemRecord(long patientId, Instant at) {
    return tx.inTransaction(() -> tx.withConnection(c -> ChartEnvelope.insertRecord(c, ChartRecordKind.PROBLEM, patientId, null,
        null, at)));
  }

  @Override
  public Optional<Long> patientOfProblem(long recordId) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT patient_id FROM chart_record WHERE id = ? AND kind = ?")) {
        ps.setLong(1, recordId);
        ps.setString(2, ChartRecordKind.PROBLEM.name());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public boolean appendProblemRevision(ProblemRevision r) {
    return envelope.unlessDuplicate(c -> {
      long revisionId = ChartEnvelope.insertRevision(c, r.recordId(), r.revision(), r.state(), r.author(), r.terminal(), r.at(),
          r.reason());
      Problem p = r.problem();
      if (p == null) {
        return;
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_problem_content (revision_id, disease_code, display_name, "
          + "main_disease, suspected, course, start_date, outcome, outcome_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, revisionId);
        ps.setString(2, p.diseaseCode());
        ps.setString(3, p.displayName());
        ps.setBoolean(4, p.mainDisease());
        ps.setBoolean(5, p.suspected());
        ps.setString(6, p.course().name());
        ps.setDate(7, Date.valueOf(p.startDate()));
        ps.setString(8, p.outcome().name());
        ps.setDate(9, p.outcomeDate() == null ? null : Date.valueOf(p.outcomeDate()));
        ps.executeUpdate();
      }
      if (p.modifierCodes().isEmpty()) {
        return;
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_problem_modifier (revision_id, ordinal, modifier_code) "
          + "VALUES (?, ?, ?)")) {
        int ordinal = 1;
        for (String code : p.modifierCodes()) {
          ps.setLong(1, revisionId);
          ps.setInt(2, ordinal++);
          ps.setString(3, code);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    });
  }

  @Override
  public Optional<ProblemRevision> latestProblemRevision(long recordId) {
    return query(SELECT + "WHERE r.record_id = ? ORDER BY r.revision DESC FETCH FIRST 1 ROWS ONLY", recordId).stream().findFirst();
  }

  @Override
  public List<ProblemRevision> problemRevisions(long recordId) {
    return query(SELECT + "WHERE r.record_id = ? ORDER BY r.revision", recordId);
  }

  @Override
  public List<ProblemRevision> problemList(long patientId) {
    // The latest revision of each PROBLEM record; a tombstone has no content row, so the inner join drops it.
    String sql = SELECT.replace("LEFT JOIN chart_problem_content", "JOIN chart_problem_content")
        + "WHERE c.patient_id = ? AND c.kind = 'PROBLEM' "
        + "AND r.revision = (SELECT MAX(x.revision) FROM chart_revision x WHERE x.record_id = r.record_id) "
        + "ORDER BY CASE WHEN p.outcome = 'NONE' THEN 0 ELSE 1 END, p.start_date, r.record_id";
    return query(sql, patientId);
  }

  private List<ProblemRevision> query(String sql, long id) {
    return tx.withConnection(c -> {
      Map<Long, Row> rows = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.put(rs.getLong(1), Row.of(rs));
          }
        }
      }
      Map<Long, List<String>> modifiers = new LinkedHashMap<>();
      if (!rows.isEmpty()) {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
          in.append(i == 0 ? "?" : ", ?");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT revision_id, modifier_code FROM chart_problem_modifier "
            + "WHERE revision_id IN (" + in + ") ORDER BY revision_id, ordinal")) {
          int i = 1;
          for (Long revisionId : rows.keySet()) {
            ps.setLong(i++, revisionId);
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              modifiers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
          }
        }
      }
      List<ProblemRevision> out = new ArrayList<>();
      for (Map.Entry<Long, Row> e : rows.entrySet()) {
        out.add(e.getValue().toRevision(modifiers.getOrDefault(e.getKey(), List.of())));
      }
      return out;
    });
  }

  /** One result row before its modifiers are attached. */
  private record Row(long recordId, long patientId, int revision, RevisionState state, String author, long atMs,
      String terminal, String reason, String diseaseCode, String displayName, boolean main, boolean suspected, String course,
      LocalDate start, String outcome, LocalDate outcomeDate) {
    static Row of(ResultSet rs) throws SQLException {
      Date start = rs.getDate(15);
      Date ended = rs.getDate(17);
      return new Row(rs.getLong(2), rs.getLong(3), rs.getInt(4), RevisionState.valueOf(rs.getString(5)), rs.getString(6),
          rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getBoolean(12),
          rs.getBoolean(13), rs.getString(14), start == null ? null : start.toLocalDate(), rs.getString(16),
          ended == null ? null : ended.toLocalDate());
    }

    ProblemRevision toRevision(List<String> modifiers) {
      Problem problem = diseaseCode == null ? null : new Problem(diseaseCode, modifiers, displayName, main, suspected,
          ProblemCourse.valueOf(course), start, ProblemOutcome.valueOf(outcome), outcomeDate);
      return new ProblemRevision(recordId, patientId, revision, state, author, Instant.ofEpochMilli(atMs), terminal, reason,
          problem);
    }
  }
}
