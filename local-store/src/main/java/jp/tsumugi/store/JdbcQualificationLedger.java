package jp.tsumugi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.qualification.InboxSource;
import jp.tsumugi.app.qualification.LedgerEntry;
import jp.tsumugi.app.qualification.LedgerState;
import jp.tsumugi.app.qualification.QualificationLedger;

/** The result-file ledger in {@code qualification_file} (V6, docs/adr/0018). */
final class JdbcQualificationLedger implements QualificationLedger {
  private static final String COLUMNS = "id, file_name, sha256, source, state, size_bytes, attempts, received_at_ms, finished_at_ms,"
      + " reason_code, reason_detail, summary";
  private final JdbcTransactions tx;

  JdbcQualificationLedger(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<LedgerEntry> find(String fileName, String sha256) {
    return tx.withConnection(c -> select(c, fileName, sha256));
  }

  @Override
  public LedgerEntry receive(String fileName, String sha256, InboxSource source, long sizeBytes, Instant at) {
    try {
      return tx.inTransaction(() -> tx.withConnection(c -> {
        Optional<LedgerEntry> existing = select(c, fileName, sha256);
        if (existing.isPresent()) {
          return existing.get();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO qualification_file (file_name, sha256, source, state, size_bytes,"
            + " attempts, received_at_ms, reason_code, reason_detail, summary) VALUES (?, ?, ?, 'RECEIVED', ?, 0, ?, '', '', '')")) {
          ps.setString(1, fileName);
          ps.setString(2, sha256);
          ps.setString(3, source.name());
          ps.setLong(4, sizeBytes);
          ps.setLong(5, at.toEpochMilli());
          ps.executeUpdate();
        }
        return select(c, fileName, sha256).orElseThrow();
      }));
    } catch (RuntimeException e) {
      // Another process recorded the same file at the same moment: its entry is the one.
      Optional<LedgerEntry> raced = find(fileName, sha256);
      if (raced.isPresent()) {
        return raced.get();
      }
      throw e;
    }
  }

  @Override
  public boolean claimApplied(long id, String summary, Instant at) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE qualification_file SET state = 'APPLIED', finished_at_ms = ?, summary = ?"
          + " WHERE id = ? AND state = 'RECEIVED'")) {
        ps.setLong(1, at.toEpochMilli());
        ps.setString(2, clip(summary, 1000));
        ps.setLong(3, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean markQuarantined(long id, ErrorCode reason, String detail, Instant at) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE qualification_file SET state = 'QUARANTINED', finished_at_ms = ?,"
          + " reason_code = ?, reason_detail = ? WHERE id = ? AND state = 'RECEIVED'")) {
        ps.setLong(1, at.toEpochMilli());
        ps.setString(2, reason.code());
        ps.setString(3, clip(detail, 500));
        ps.setLong(4, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public int countFailedAttempt(long id) {
    return tx.inTransaction(() -> tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE qualification_file SET attempts = attempts + 1 WHERE id = ?")) {
        ps.setLong(1, id);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT attempts FROM qualification_file WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getInt(1) : 0;
        }
      }
    }));
  }

  /**
   * H2's MVStore has no redo log: a commit reaches the file when its background writer runs (WRITE_DELAY,
   * 500 ms by default), so a killed process loses the last commits. CHECKPOINT SYNC writes and syncs them
   * now. PostgreSQL commits are durable already.
   */
  @Override
  public void makeDurable() {
    tx.withConnection(c -> {
      if (c.getMetaData().getDatabaseProductName().toUpperCase(Locale.ROOT).contains("H2")) {
        try (Statement s = c.createStatement()) {
          s.execute("CHECKPOINT SYNC");
        }
      }
      return null;
    });
  }

  @Override
  public List<LedgerEntry> received() {
    return list("WHERE state = 'RECEIVED' ORDER BY received_at_ms, id");
  }

  @Override
  public List<LedgerEntry> quarantined() {
    return list("WHERE state = 'QUARANTINED' ORDER BY finished_at_ms DESC, id DESC");
  }

  private List<LedgerEntry> list(String where) {
    return tx.withConnection(c -> {
      List<LedgerEntry> entries = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM qualification_file " + where);
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          entries.add(map(rs));
        }
      }
      return entries;
    });
  }

  private static Optional<LedgerEntry> select(Connection c, String fileName, String sha256) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM qualification_file WHERE file_name = ? AND sha256 = ?")) {
      ps.setString(1, fileName);
      ps.setString(2, sha256);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    }
  }

  private static LedgerEntry map(ResultSet rs) throws SQLException {
    long finished = rs.getLong("finished_at_ms");
    Optional<Instant> finishedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(finished));
    return new LedgerEntry(rs.getLong("id"), rs.getString("file_name"), rs.getString("sha256"), InboxSource.valueOf(rs.getString("source")),
        LedgerState.valueOf(rs.getString("state")), rs.getLong("size_bytes"), rs.getInt("attempts"),
        Instant.ofEpochMilli(rs.getLong("received_at_ms")), finishedAt, rs.getString("reason_code"), rs.getString("reason_detail"),
        rs.getString("summary"));
  }

  private static String clip(String s, int max) {
    String t = s == null ? "" : s;
    return t.length() > max ? t.substring(0, max) : t;
  }
}
