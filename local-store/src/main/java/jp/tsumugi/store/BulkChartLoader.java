package jp.tsumugi.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import jp.tsumugi.app.chart.SoapNote;

/**
 * For benchmarks and large demo data only: inserts visits with one signed note (revision 1) each by JDBC batches,
 * bypassing the use cases (no audit entries, no leases, no drafts). Reception numbers are reserved from the day's
 * counter as check-in does, so later check-ins on those days continue after them. Never used by the application's
 * own flows: chart writes go through {@code ChartNotes}.
 */
public final class BulkChartLoader {
  /** One visit and its signed note. */
  public record Note(long patientId, LocalDate visitDate, String author, Instant at, SoapNote content) {
    public Note {
      Objects.requireNonNull(visitDate);
      Objects.requireNonNull(author);
      Objects.requireNonNull(at);
      Objects.requireNonNull(content);
    }
  }

  private BulkChartLoader() {
  }

  /** Inserts the notes in one transaction (the caller's, if one is open). */
  public static void insertSignedNotes(LocalStore store, List<Note> notes) {
    JdbcTransactions tx = store.jdbcTransactions();
    tx.inTransaction(() -> tx.withConnection(c -> {
      int[] numbers = receptionNumbers(c, notes);
      long[] visits = new long[notes.size()];
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO visit (patient_id, visit_date, reception_number, department, "
          + "doctor, combination_id, checked_in_at_ms) VALUES (?, ?, ?, '内科', ?, NULL, ?)", Statement.RETURN_GENERATED_KEYS)) {
        for (int i = 0; i < notes.size(); i++) {
          Note n = notes.get(i);
          ps.setLong(1, n.patientId());
          ps.setDate(2, Date.valueOf(n.visitDate()));
          ps.setInt(3, numbers[i]);
          ps.setString(4, n.author());
          ps.setLong(5, n.at().toEpochMilli());
          ps.addBatch();
        }
        ps.executeBatch();
        keys(ps, visits);
      }
      long[] records = new long[notes.size()];
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_record (kind, patient_id, visit_id, visit_note_key, "
          + "created_at_ms) VALUES ('NOTE', ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        for (int i = 0; i < notes.size(); i++) {
          ps.setLong(1, notes.get(i).patientId());
          ps.setLong(2, visits[i]);
          ps.setLong(3, visits[i]);
          ps.setLong(4, notes.get(i).at().toEpochMilli());
          ps.addBatch();
        }
        ps.executeBatch();
        keys(ps, records);
      }
      long[] revisions = new long[notes.size()];
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_revision (record_id, revision, state, author, terminal, "
          + "at_ms, reason) VALUES (?, 1, 'SIGNED', ?, 'bulk', ?, '')", Statement.RETURN_GENERATED_KEYS)) {
        for (int i = 0; i < notes.size(); i++) {
          ps.setLong(1, records[i]);
          ps.setString(2, notes.get(i).author());
          ps.setLong(3, notes.get(i).at().toEpochMilli());
          ps.addBatch();
        }
        ps.executeBatch();
        keys(ps, revisions);
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_note_content (revision_id, subjective, objective, "
          + "assessment, plan) VALUES (?, ?, ?, ?, ?)")) {
        for (int i = 0; i < notes.size(); i++) {
          SoapNote s = notes.get(i).content();
          ps.setLong(1, revisions[i]);
          ps.setString(2, s.subjective());
          ps.setString(3, s.objective());
          ps.setString(4, s.assessment());
          ps.setString(5, s.plan());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    }));
  }

  /** Reserves each day's block of reception numbers from its counter row (creating the row if needed). */
  private static int[] receptionNumbers(Connection c, List<Note> notes) throws SQLException {
    Map<LocalDate, Integer> perDay = new TreeMap<>();
    notes.forEach(n -> perDay.merge(n.visitDate(), 1, Integer::sum));
    Map<LocalDate, Integer> next = new TreeMap<>();
    for (Map.Entry<LocalDate, Integer> day : perDay.entrySet()) {
      int last;
      try (PreparedStatement up = c.prepareStatement("UPDATE reception_counter SET last_number = last_number + ? WHERE visit_date = ?")) {
        up.setInt(1, day.getValue());
        up.setDate(2, Date.valueOf(day.getKey()));
        if (up.executeUpdate() == 1) {
          try (PreparedStatement q = c.prepareStatement("SELECT last_number FROM reception_counter WHERE visit_date = ?")) {
            q.setDate(1, Date.valueOf(day.getKey()));
            try (ResultSet rs = q.executeQuery()) {
              rs.next();
              last = rs.getInt(1);
            }
          }
        } else {
          try (PreparedStatement in = c.prepareStatement("INSERT INTO reception_counter (visit_date, last_number) VALUES (?, ?)")) {
            in.setDate(1, Date.valueOf(day.getKey()));
            in.setInt(2, day.getValue());
            in.executeUpdate();
          }
          last = day.getValue();
        }
      }
      next.put(day.getKey(), last - day.getValue() + 1);
    }
    int[] numbers = new int[notes.size()];
    for (int i = 0; i < numbers.length; i++) {
      LocalDate d = notes.get(i).visitDate();
      numbers[i] = next.get(d);
      next.put(d, numbers[i] + 1);
    }
    return numbers;
  }

  private static void keys(PreparedStatement ps, long[] into) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      for (int i = 0; i < into.length; i++) {
        if (!keys.next()) {
          throw new SQLException("missing generated key " + i);
        }
        into[i] = keys.getLong(1);
      }
    }
  }
}
