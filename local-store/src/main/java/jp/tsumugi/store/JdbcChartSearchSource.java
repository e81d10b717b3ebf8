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
import java.util.function.ToLongFunction;
import jp.tsumugi.app.chart.ChartSearchSource;
import jp.tsumugi.app.chart.SoapNote;

/**
 * Reads the latest revision of notes and problems for the chart search index (docs/adr/0027). The full scans
 * stream rows (a fetch size, so PostgreSQL uses a cursor inside the transaction) instead of listing 100,000 notes.
 */
final class JdbcChartSearchSource implements ChartSearchSource {
  private static final int FETCH = 500;
  private static final int CHUNK = 100;
  /** Every revision of the chosen notes, by record then revision: the last row of each record is its latest revision. */
  private static final String NOTES = "SELECT c.id, c.patient_id, c.visit_id, v.visit_date, r.revision, r.state, "
      + "n.subjective, n.objective, n.assessment, n.plan FROM chart_record c JOIN visit v ON v.id = c.visit_id "
      + "JOIN chart_revision r ON r.record_id = c.id "
      + "LEFT JOIN chart_note_content n ON n.revision_id = r.id WHERE c.kind = 'NOTE' ";
  private static final String PROBLEMS = "SELECT c.id, c.patient_id, p.start_date, r.revision, r.state, p.display_name, "
      + "c.created_at_ms FROM chart_record c JOIN chart_revision r ON r.record_id = c.id "
      + "LEFT JOIN chart_problem_content p ON p.revision_id = r.id WHERE c.kind = 'PROBLEM' ";
  private static final String ORDER = " ORDER BY c.id, r.revision";

  private final JdbcTransactions tx;

  JdbcChartSearchSource(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public void forEachNote(Consumer<SourceNote> sink) {
    latest(NOTES + ORDER, ps -> { }, JdbcChartSearchSource::note, SourceNote::recordId, n -> {
      if (!n.tombstone()) {
        sink.accept(n);
      }
    });
  }

  @Override
  public void forEachProblem(Consumer<SourceProblem> sink) {
    latest(PROBLEMS + ORDER, ps -> { }, JdbcChartSearchSource::problem, SourceProblem::recordId, p -> {
      if (!p.tombstone()) {
        sink.accept(p);
      }
    });
  }

  @Override
  public Optional<SourceNote> note(long recordId) {
    return Optional.ofNullable(notes(List.of(recordId)).get(recordId));
  }

  @Override
  public Map<Long, SourceNote> notes(Collection<Long> recordIds) {
    Map<Long, SourceNote> out = new HashMap<>();
    List<Long> ids = new ArrayList<>(recordIds);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      latest(NOTES + "AND c.id IN (" + marks(chunk.size()) + ")" + ORDER, ps -> setIds(ps, chunk), JdbcChartSearchSource::note,
          SourceNote::recordId, n -> out.put(n.recordId(), n));
    }
    return out;
  }

  @Override
  public Optional<SourceProblem> problem(long recordId) {
    List<SourceProblem> found = new ArrayList<>();
    latest(PROBLEMS + "AND c.id = ?" + ORDER, ps -> ps.setLong(1, recordId), JdbcChartSearchSource::problem,
        SourceProblem::recordId, found::add);
    return found.stream().findFirst();
  }

  @Override
  public long lastRevisionId() {
    return tx.first("SELECT MAX(id) FROM chart_revision", ps -> { }, rs -> rs.getLong(1)).orElse(0L);
  }

  @Override
  public List<Change> changesAfter(long revisionId, int limit) {
    return tx.list("SELECT r.id, r.record_id, c.kind, r.revision FROM chart_revision r JOIN chart_record c ON c.id = r.record_id "
        + "WHERE r.id > ? AND c.kind IN ('NOTE', 'PROBLEM') ORDER BY r.id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
        ps -> ps.setLong(1, revisionId), rs -> new Change(rs.getLong(1), rs.getLong(2), "PROBLEM".equals(rs.getString(3)),
            rs.getInt(4)));
  }

  @Override
  public Map<Long, PatientLabel> patients(Collection<Long> patientIds) {
    Map<Long, PatientLabel> out = new HashMap<>();
    List<Long> ids = new ArrayList<>(patientIds);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      tx.list("SELECT id, patient_number, family_name, given_name FROM patient WHERE id IN (" + marks(chunk.size()) + ")",
          ps -> setIds(ps, chunk),
          rs -> out.put(rs.getLong(1), new PatientLabel(rs.getString(2), rs.getString(3) + "\u3000" + rs.getString(4))));
    }
    return out;
  }

  /** Streams the rows (ordered by record, then revision) and hands on the last row of each record. */
  private <T> void latest(String sql, JdbcTransactions.Parameters parameters, JdbcTransactions.RowReader<T> reader,
      ToLongFunction<T> recordOf, Consumer<T> sink) {
    tx.inTransaction(() -> tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(FETCH);
        parameters.set(ps);
        try (ResultSet rs = ps.executeQuery()) {
          T pending = null;
          while (rs.next()) {
            T row = reader.read(rs);
            if (pending != null && recordOf.applyAsLong(pending) != recordOf.applyAsLong(row)) {
              sink.accept(pending);
            }
            pending = row;
          }
          if (pending != null) {
            sink.accept(pending);
          }
        }
      }
      return null;
    }));
  }

  private static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  private static void setIds(PreparedStatement ps, List<Long> ids) throws SQLException {
    for (int i = 0; i < ids.size(); i++) {
      ps.setLong(i + 1, ids.get(i));
    }
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
