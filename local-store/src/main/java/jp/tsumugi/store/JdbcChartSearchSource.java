package jp.tsumugi.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import jp.tsumugi.app.chart.ChartSearchSource;
import jp.tsumugi.app.chart.SoapNote;

/**
 * Reads the latest revision of notes and problems for the chart search index (docs/adr/0027). The full scans
 * stream rows (a fetch size, so PostgreSQL uses a cursor inside the transaction) instead of listing 100,000 notes.
 */
final class JdbcChartSearchSource implements ChartSearchSource {
  private static final int FETCH = 500;
  private static final String LATEST = "r.revision = (SELECT MAX(r2.revision) FROM chart_revision r2 WHERE r2.record_id = c.id) ";
  private static final String NOTES = "SELECT c.id, c.patient_id, c.visit_id, v.visit_date, r.revision, r.state, "
      + "n.subjective, n.objective, n.assessment, n.plan FROM chart_record c JOIN visit v ON v.id = c.visit_id "
      + "JOIN chart_revision r ON r.record_id = c.id AND " + LATEST
      + "LEFT JOIN chart_note_content n ON n.revision_id = r.id WHERE c.kind = 'NOTE' ";
  private static final String PROBLEMS = "SELECT c.id, c.patient_id, p.start_date, r.revision, r.state, p.display_name, "
      + "c.created_at_ms FROM chart_record c JOIN chart_revision r ON r.record_id = c.id AND " + LATEST
      + "LEFT JOIN chart_problem_content p ON p.revision_id = r.id WHERE c.kind = 'PROBLEM' ";

  private final JdbcTransactions tx;

  JdbcChartSearchSource(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public void forEachNote(Consumer<SourceNote> sink) {
    stream(NOTES + "AND r.state = 'SIGNED'", JdbcChartSearchSource::note, sink);
  }

  @Override
  public void forEachProblem(Consumer<SourceProblem> sink) {
    stream(PROBLEMS + "AND r.state = 'SIGNED'", JdbcChartSearchSource::problem, sink);
  }

  @Override
  public Optional<SourceNote> note(long recordId) {
    return tx.first(NOTES + "AND c.id = ?", ps -> ps.setLong(1, recordId), JdbcChartSearchSource::note);
  }

  @Override
  public Optional<SourceProblem> problem(long recordId) {
    return tx.first(PROBLEMS + "AND c.id = ?", ps -> ps.setLong(1, recordId), JdbcChartSearchSource::problem);
  }

  @Override
  public Map<Long, PatientLabel> patients(Collection<Long> patientIds) {
    Map<Long, PatientLabel> out = new HashMap<>();
    List<Long> ids = new ArrayList<>(patientIds);
    for (int from = 0; from < ids.size(); from += 100) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 100));
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      tx.list("SELECT id, patient_number, family_name, given_name FROM patient WHERE id IN (" + marks + ")", ps -> {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setLong(i + 1, chunk.get(i));
        }
      }, rs -> out.put(rs.getLong(1), new PatientLabel(rs.getString(2), rs.getString(3) + "\u3000" + rs.getString(4))));
    }
    return out;
  }

  private <T> void stream(String sql, JdbcTransactions.RowReader<T> reader, Consumer<T> sink) {
    tx.inTransaction(() -> tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(FETCH);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sink.accept(reader.read(rs));
          }
        }
      }
      return null;
    }));
  }

  private static SourceNote note(ResultSet rs) throws SQLException {
    boolean tombstone = "TOMBSTONE".equals(rs.getString(6));
    SoapNote content = tombstone ? SoapNote.EMPTY : new SoapNote(rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
    return new SourceNote(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDate(4).toLocalDate(), rs.getInt(5), tombstone, content);
  }

  private static SourceProblem problem(ResultSet rs) throws SQLException {
    boolean tombstone = "TOMBSTONE".equals(rs.getString(5));
    Date start = rs.getDate(3);
    LocalDate date = start != null ? start.toLocalDate()
        : Instant.ofEpochMilli(rs.getLong(7)).atZone(ZoneOffset.UTC).toLocalDate();
    return new SourceProblem(rs.getLong(1), rs.getLong(2), date, rs.getInt(4), tombstone, tombstone ? "" : rs.getString(6));
  }
}
