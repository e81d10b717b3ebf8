package jp.tsumugi.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import jp.tsumugi.app.chart.ChartOverviewStore;
import jp.tsumugi.app.chart.RevisionState;
import jp.tsumugi.app.chart.TimelineEntry;

/** The chart window's timeline in one query: visits, the latest note revision of each, and the reader's drafts. */
final class JdbcChartOverviewStore implements ChartOverviewStore {
  private static final int FETCHED = TimelineEntry.SUMMARY_LENGTH + 1;
  private static final String TIMELINE = "SELECT v.id, v.visit_date, v.department, v.doctor, r.revision, r.state, r.author, r.at_ms, "
      + "SUBSTRING(n.assessment FROM 1 FOR " + FETCHED + "), SUBSTRING(n.subjective FROM 1 FOR " + FETCHED + "), "
      + "CASE WHEN EXISTS (SELECT 1 FROM chart_note_draft d WHERE d.visit_id = v.id AND d.author = ?) THEN 1 ELSE 0 END "
      + "FROM visit v "
      + "LEFT JOIN chart_record c ON c.visit_note_key = v.id "
      + "LEFT JOIN chart_revision r ON r.record_id = c.id "
      + "AND r.revision = (SELECT MAX(r2.revision) FROM chart_revision r2 WHERE r2.record_id = c.id) "
      + "LEFT JOIN chart_note_content n ON n.revision_id = r.id "
      + "WHERE v.patient_id = ? AND (c.id IS NOT NULL "
      + "OR NOT EXISTS (SELECT 1 FROM visit_status s WHERE s.visit_id = v.id AND s.status = 'CANCELLED')) "
      + "ORDER BY v.visit_date DESC, v.id DESC";

  private final JdbcTransactions tx;

  JdbcChartOverviewStore(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public List<TimelineEntry> timeline(long patientId, String reader) {
    return tx.list(TIMELINE, ps -> {
      ps.setString(1, reader);
      ps.setLong(2, patientId);
    }, JdbcChartOverviewStore::entry);
  }

  @Override
  public java.util.Optional<Long> patientOfVisit(long visitId) {
    return tx.first("SELECT patient_id FROM visit WHERE id = ?", ps -> ps.setLong(1, visitId), rs -> rs.getLong(1));
  }

  private static TimelineEntry entry(ResultSet rs) throws SQLException {
    int revision = rs.getInt(5);
    String state = rs.getString(6);
    long atMs = rs.getLong(8);
    Instant at = rs.wasNull() ? null : Instant.ofEpochMilli(atMs);
    String assessment = rs.getString(9);
    String summary = assessment == null || assessment.isBlank() ? rs.getString(10) : assessment;
    Date date = rs.getDate(2);
    return new TimelineEntry(rs.getLong(1), date.toLocalDate(), rs.getString(3), rs.getString(4), revision,
        state == null ? null : RevisionState.valueOf(state), rs.getString(7), at, summary(summary), rs.getInt(11) == 1);
  }

  /** One line, at most {@link TimelineEntry#SUMMARY_LENGTH} characters, never half an emoji. */
  static String summary(String text) {
    if (text == null) {
      return "";
    }
    String line = text.strip().replaceAll("\\s+", " ");
    if (line.length() > TimelineEntry.SUMMARY_LENGTH) {
      int end = TimelineEntry.SUMMARY_LENGTH;
      if (Character.isHighSurrogate(line.charAt(end - 1))) {
        end--;
      }
      line = line.substring(0, end) + "…";
    }
    return line;
  }
}
