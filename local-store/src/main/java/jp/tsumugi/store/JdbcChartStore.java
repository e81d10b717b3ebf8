package jp.tsumugi.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.chart.ChartRecordKind;
import jp.tsumugi.app.chart.ChartStore;
import jp.tsumugi.app.chart.EditLease;
import jp.tsumugi.app.chart.NoteDraft;
import jp.tsumugi.app.chart.NoteRevision;
import jp.tsumugi.app.chart.PreviousPlan;
import jp.tsumugi.app.chart.RevisionState;
import jp.tsumugi.app.chart.SoapNote;

/**
 * The chart tables (V14, V15): records and revisions are only inserted (the database refuses UPDATE and
 * DELETE on them); drafts and leases are written with conditional statements. A unique-key loss inside
 * a transaction is undone to a savepoint, so PostgreSQL's transaction stays usable (docs/adr/0025).
 */
final class JdbcChartStore implements ChartStore {
  private static final String REVISION_SELECT = "SELECT r.record_id, c.patient_id, c.visit_id, r.revision, r.state, r.author, "
      + "r.at_ms, r.terminal, r.reason, n.subjective, n.objective, n.assessment, n.plan "
      + "FROM chart_revision r JOIN chart_record c ON c.id = r.record_id "
      + "LEFT JOIN chart_note_content n ON n.revision_id = r.id ";

  private final JdbcTransactions tx;

  private final ChartEnvelope envelope;

  JdbcChartStore(JdbcTransactions tx) {
    this.tx = tx;
    this.envelope = new ChartEnvelope(tx);
  }

  private boolean unlessDuplicate(ChartEnvelope.Racy work) {
    return envelope.unlessDuplicate(work);
  }

  @Override
  public Optional<Long> patientOfVisit(long visitId) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT patient_id FROM visit WHERE id = ?")) {
        ps.setLong(1, visitId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public Optional<Long> noteRecordOfVisit(long visitId) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM chart_record WHERE visit_note_key = ?")) {
        ps.setLong(1, visitId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public Optional<Long> createNoteRecord(long patientId, long visitId, Instant at) {
    long[] id = new long[1];
    boolean created = unlessDuplicate(c -> {
      id[0] = ChartEnvelope.insertRecord(c, ChartRecordKind.NOTE, patientId, visitId, visitId, at);
    });
    return created ? Optional.of(id[0]) : Optional.empty();
  }

  @Override
  public boolean appendNoteRevision(NoteRevision r) {
    return unlessDuplicate(c -> {
      long revisionId = ChartEnvelope.insertRevision(c, r.recordId(), r.revision(), r.state(), r.author(), r.terminal(), r.at(),
          r.reason());
      if (r.isTombstone()) {
        return;
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_note_content (revision_id, subjective, objective, "
          + "assessment, plan) VALUES (?, ?, ?, ?, ?)")) {
        ps.setLong(1, revisionId);
        setContent(ps, 2, r.content());
        ps.executeUpdate();
      }
    });
  }

  @Override
  public Optional<NoteRevision> latestNoteRevision(long recordId) {
    List<NoteRevision> rows = revisions(REVISION_SELECT + "WHERE r.record_id = ? ORDER BY r.revision DESC FETCH FIRST 1 ROWS ONLY",
        recordId);
    return rows.stream().findFirst();
  }

  @Override
  public Optional<NoteRevision> noteRevision(long recordId, int revision) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(REVISION_SELECT + "WHERE r.record_id = ? AND r.revision = ?")) {
        ps.setLong(1, recordId);
        ps.setInt(2, revision);
        return read(ps).stream().findFirst();
      }
    });
  }

  @Override
  public List<NoteRevision> noteRevisions(long recordId) {
    return revisions(REVISION_SELECT + "WHERE r.record_id = ? ORDER BY r.revision", recordId);
  }

  @Override
  public List<NoteRevision> latestNotesOfPatient(long patientId, int limit) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(REVISION_SELECT + "WHERE c.patient_id = ? AND c.kind = 'NOTE' "
          + "AND r.revision = (SELECT MAX(r2.revision) FROM chart_revision r2 WHERE r2.record_id = r.record_id) "
          + "ORDER BY c.visit_id DESC FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY")) {
        ps.setLong(1, patientId);
        return read(ps);
      }
    });
  }

  @Override
  public Optional<PreviousPlan> previousPlan(long visitId) {
    // Newest first; the first with a non-blank P wins (blank is judged in Java: SQL TRIM keeps line breaks).
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT v.id, v.visit_date, r.revision, r.author, r.at_ms, n.plan "
          + "FROM visit cur JOIN visit v ON v.patient_id = cur.patient_id "
          + "AND (v.visit_date < cur.visit_date OR (v.visit_date = cur.visit_date AND v.id < cur.id)) "
          + "JOIN chart_record c ON c.visit_note_key = v.id "
          + "JOIN chart_revision r ON r.record_id = c.id "
          + "AND r.revision = (SELECT MAX(r2.revision) FROM chart_revision r2 WHERE r2.record_id = c.id) "
          + "JOIN chart_note_content n ON n.revision_id = r.id "
          + "WHERE cur.id = ? AND r.state = 'SIGNED' ORDER BY v.visit_date DESC, v.id DESC")) {
        ps.setLong(1, visitId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String plan = rs.getString(6);
            if (!plan.isBlank()) {
              return Optional.of(new PreviousPlan(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getInt(3), rs.getString(4),
                  Instant.ofEpochMilli(rs.getLong(5)), plan));
            }
          }
          return Optional.<PreviousPlan>empty();
        }
      }
    });
  }

  @Override
  public boolean saveDraft(NoteDraft d) {
    return tx.inTransaction(() -> {
      for (int attempt = 0; attempt < 2; attempt++) {
        if (updateDraft(d)) {
          return false;
        }
        boolean inserted = unlessDuplicate(c -> {
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_note_draft (visit_id, patient_id, author, "
              + "base_revision, terminal, saved_at_ms, subjective, objective, assessment, plan) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, d.visitId());
            ps.setLong(2, d.patientId());
            ps.setString(3, d.author());
            ps.setInt(4, d.baseRevision());
            ps.setString(5, d.terminal());
            ps.setLong(6, d.savedAt().toEpochMilli());
            setContent(ps, 7, d.content());
            ps.executeUpdate();
          }
        });
        if (inserted) {
          return true;
        }
        // The same author's other terminal inserted the row between our UPDATE and INSERT: update it.
      }
      throw SqlErrors.translate(new SQLException("draft upsert lost twice", "40001"));
    });
  }

  private boolean updateDraft(NoteDraft d) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE chart_note_draft SET base_revision = ?, terminal = ?, "
          + "saved_at_ms = ?, subjective = ?, objective = ?, assessment = ?, plan = ? WHERE visit_id = ? AND author = ?")) {
        ps.setInt(1, d.baseRevision());
        ps.setString(2, d.terminal());
        ps.setLong(3, d.savedAt().toEpochMilli());
        setContent(ps, 4, d.content());
        ps.setLong(8, d.visitId());
        ps.setString(9, d.author());
        return ps.executeUpdate() > 0;
      }
    });
  }

  @Override
  public Optional<NoteDraft> draft(long visitId, String author) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT patient_id, base_revision, terminal, saved_at_ms, subjective, "
          + "objective, assessment, plan FROM chart_note_draft WHERE visit_id = ? AND author = ?")) {
        ps.setLong(1, visitId);
        ps.setString(2, author);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(new NoteDraft(rs.getLong(1), visitId, rs.getInt(2), author, rs.getString(3),
              Instant.ofEpochMilli(rs.getLong(4)), new SoapNote(rs.getString(5), rs.getString(6), rs.getString(7),
              rs.getString(8))));
        }
      }
    });
  }

  @Override
  public void deleteDraft(long visitId, String author) {
    tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM chart_note_draft WHERE visit_id = ? AND author = ?")) {
        ps.setLong(1, visitId);
        ps.setString(2, author);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public Optional<EditLease> lease(String section) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT holder, terminal, expires_at_ms FROM chart_lease WHERE section = ?")) {
        ps.setString(1, section);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new EditLease(section, rs.getString(1), rs.getString(2),
              Instant.ofEpochMilli(rs.getLong(3)))) : Optional.empty();
        }
      }
    });
  }

  @Override
  public boolean insertLease(EditLease lease) {
    return unlessDuplicate(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_lease (section, holder, terminal, expires_at_ms) "
          + "VALUES (?, ?, ?, ?)")) {
        ps.setString(1, lease.section());
        ps.setString(2, lease.holder());
        ps.setString(3, lease.terminal());
        ps.setLong(4, lease.expiresAt().toEpochMilli());
        ps.executeUpdate();
      }
    });
  }

  @Override
  public boolean replaceLease(EditLease expected, EditLease next) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE chart_lease SET holder = ?, terminal = ?, expires_at_ms = ? "
          + "WHERE section = ? AND holder = ? AND terminal = ? AND expires_at_ms = ?")) {
        ps.setString(1, next.holder());
        ps.setString(2, next.terminal());
        ps.setLong(3, next.expiresAt().toEpochMilli());
        ps.setString(4, expected.section());
        ps.setString(5, expected.holder());
        ps.setString(6, expected.terminal());
        ps.setLong(7, expected.expiresAt().toEpochMilli());
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public void deleteLease(String section, String holder, String terminal) {
    tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM chart_lease WHERE section = ? AND holder = ? AND terminal = ?")) {
        ps.setString(1, section);
        ps.setString(2, holder);
        ps.setString(3, terminal);
        return ps.executeUpdate();
      }
    });
  }

  private List<NoteRevision> revisions(String sql, long recordId) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, recordId);
        return read(ps);
      }
    });
  }

  private static List<NoteRevision> read(PreparedStatement ps) throws SQLException {
    List<NoteRevision> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        RevisionState state = RevisionState.valueOf(rs.getString(5));
        SoapNote content = rs.getString(10) == null ? SoapNote.EMPTY
            : new SoapNote(rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13));
        out.add(new NoteRevision(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), state, rs.getString(6),
            Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8), rs.getString(9), content));
      }
    }
    return out;
  }

  private static void setContent(PreparedStatement ps, int first, SoapNote n) throws SQLException {
    ps.setString(first, n.subjective());
    ps.setString(first + 1, n.objective());
    ps.setString(first + 2, n.assessment());
    ps.setString(first + 3, n.plan());
  }
}
