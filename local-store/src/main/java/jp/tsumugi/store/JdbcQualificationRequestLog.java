package jp.tsumugi.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.qualification.PendingRequest;
import jp.tsumugi.app.qualification.QualificationRequest;
import jp.tsumugi.app.qualification.QualificationRequestLog;
import jp.tsumugi.app.qualification.RequestState;

/** Requests written into {@code req/}, in {@code qualification_request} (V6, docs/adr/0018). */
final class JdbcQualificationRequestLog implements QualificationRequestLog {
  private static final String COLUMNS = "id, identifier, request_file, result_file, reference, confirmation_date, institution_code,"
      + " insurer_number, card_symbol, card_number, card_branch, birth_date, limit_consent, submitted_at_ms, deadline_ms, state,"
      + " answered_at_ms, retry_of";
  private final JdbcTransactions tx;

  JdbcQualificationRequestLog(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public PendingRequest insert(PendingRequest r) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO qualification_request (identifier, request_file, result_file, reference,"
          + " confirmation_date, institution_code, insurer_number, card_symbol, card_number, card_branch, birth_date, limit_consent,"
          + " submitted_at_ms, deadline_ms, state, answered_at_ms, retry_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        QualificationRequest q = r.request();
        ps.setString(1, r.identifier());
        ps.setString(2, r.requestFileName());
        ps.setString(3, r.resultFileName());
        ps.setString(4, r.reference());
        ps.setDate(5, Date.valueOf(q.confirmationDate()));
        ps.setString(6, q.institutionCode());
        ps.setString(7, q.insurerNumber());
        ps.setString(8, q.symbol());
        ps.setString(9, q.number());
        ps.setString(10, q.branch());
        ps.setDate(11, Date.valueOf(q.birthDate()));
        ps.setBoolean(12, q.limitCertificateConsent());
        ps.setLong(13, r.submittedAt().toEpochMilli());
        ps.setLong(14, r.deadline().toEpochMilli());
        ps.setString(15, r.state().name());
        if (r.answeredAt().isPresent()) {
          ps.setLong(16, r.answeredAt().get().toEpochMilli());
        } else {
          ps.setNull(16, java.sql.Types.BIGINT);
        }
        ps.setLong(17, r.retryOf());
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          return r.withId(keys.getLong(1));
        }
      }
    });
  }

  @Override
  public Optional<PendingRequest> findByIdentifier(String identifier) {
    return tx.withConnection(c -> one(c, "identifier", identifier));
  }

  @Override
  public Optional<PendingRequest> markAnswered(String resultFileName, Instant at) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE qualification_request SET state = 'ANSWERED', answered_at_ms = ?"
          + " WHERE result_file = ? AND state <> 'ANSWERED'")) {
        ps.setLong(1, at.toEpochMilli());
        ps.setString(2, resultFileName);
        ps.executeUpdate();
      }
      return one(c, "result_file", resultFileName);
    });
  }

  @Override
  public List<PendingRequest> expire(Instant now) {
    return tx.inTransaction(() -> tx.withConnection(c -> {
      List<PendingRequest> overdue = list(c, "WHERE state = 'PENDING' AND deadline_ms <= " + now.toEpochMilli() + " ORDER BY id");
      List<PendingRequest> expired = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE qualification_request SET state = 'TIMED_OUT' WHERE id = ? AND state = 'PENDING'")) {
        for (PendingRequest r : overdue) {
          ps.setLong(1, r.id());
          if (ps.executeUpdate() == 1) {
            expired.add(new PendingRequest(r.id(), r.identifier(), r.requestFileName(), r.resultFileName(), r.reference(), r.request(),
                r.submittedAt(), r.deadline(), RequestState.TIMED_OUT, r.answeredAt(), r.retryOf()));
          }
        }
      }
      return expired;
    }));
  }

  @Override
  public boolean markTimedOut(long id) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE qualification_request SET state = 'TIMED_OUT' WHERE id = ? AND state = 'PENDING'")) {
        ps.setLong(1, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public List<PendingRequest> timedOut() {
    return tx.withConnection(c -> list(c, "WHERE state = 'TIMED_OUT' ORDER BY id"));
  }

  @Override
  public List<PendingRequest> pending() {
    return tx.withConnection(c -> list(c, "WHERE state = 'PENDING' ORDER BY id"));
  }

  @Override
  public boolean markRetried(long id) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE qualification_request SET state = 'RETRIED' WHERE id = ? AND state = 'TIMED_OUT'")) {
        ps.setLong(1, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  private static Optional<PendingRequest> one(Connection c, String column, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM qualification_request WHERE " + column + " = ?")) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    }
  }

  private static List<PendingRequest> list(Connection c, String where) throws SQLException {
    List<PendingRequest> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM qualification_request " + where);
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(map(rs));
      }
    }
    return out;
  }

  private static PendingRequest map(ResultSet rs) throws SQLException {
    QualificationRequest q = new QualificationRequest(rs.getDate("confirmation_date").toLocalDate(), rs.getString("institution_code"),
        rs.getString("insurer_number"), rs.getString("card_symbol"), rs.getString("card_number"), rs.getString("card_branch"),
        rs.getDate("birth_date").toLocalDate(), rs.getBoolean("limit_consent"));
    long answered = rs.getLong("answered_at_ms");
    Optional<Instant> answeredAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(answered));
    return new PendingRequest(rs.getLong("id"), rs.getString("identifier"), rs.getString("request_file"), rs.getString("result_file"),
        rs.getString("reference"), q, Instant.ofEpochMilli(rs.getLong("submitted_at_ms")), Instant.ofEpochMilli(rs.getLong("deadline_ms")),
        RequestState.valueOf(rs.getString("state")), answeredAt, rs.getLong("retry_of"));
  }
}
