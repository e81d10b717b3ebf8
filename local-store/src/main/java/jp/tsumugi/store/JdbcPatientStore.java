package jp.tsumugi.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.PatientDetails;
import jp.tsumugi.app.patient.PatientRecord;
import jp.tsumugi.app.patient.PatientRevision;
import jp.tsumugi.app.patient.PatientStore;
import jp.tsumugi.app.patient.Sex;

/** Patient records: the current state in {@code patient}, every state in {@code patient_revision}. */
final class JdbcPatientStore implements PatientStore {
  private static final String COLUMNS = "p.id, p.patient_number, p.family_name, p.given_name, p.family_kana, p.given_kana, p.sex, "
      + "p.birth_date, p.postal_code, p.address, p.phone, p.alias_name, p.mobile_phone, p.emergency_contact, p.emergency_phone, "
      + "p.memo, p.revision";
  /**
   * Revisions re-read behind the cursor: on PostgreSQL a transaction that took a lower identity value
   * may commit after one with a higher value, so a revision can appear behind a cursor already passed.
   * Re-reading the last few keeps such late commits from being missed by other terminals' indexes.
   */
  static final long CURSOR_OVERLAP = 50;
  private final JdbcTransactions tx;

  JdbcPatientStore(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public long nextPatientSequence() {
    return tx.inTransaction(() -> tx.withConnection(c -> {
      try (PreparedStatement up = c.prepareStatement("UPDATE patient_number_sequence SET next_value = next_value + 1 WHERE id = 1")) {
        up.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT next_value FROM patient_number_sequence WHERE id = 1");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) - 1;
      }
    }));
  }

  @Override
  public boolean patientNumberExists(String patientNumber) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM patient WHERE patient_number = ?")) {
        ps.setString(1, patientNumber);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  @Override
  public PatientRecord insertRecord(PatientRecord record, Change change) {
    return tx.inTransaction(() -> tx.withConnection(c -> {
      Patient p = record.patient();
      PatientDetails d = record.details();
      long id;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO patient (patient_number, family_name, given_name, family_kana, "
          + "given_kana, sex, birth_date, postal_code, address, phone, created_at_ms, alias_name, mobile_phone, emergency_contact, "
          + "emergency_phone, memo, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
          Statement.RETURN_GENERATED_KEYS)) {
        int i = setCore(ps, p, d);
        ps.setLong(i, change.atMillis());
        ps.setString(i + 1, d.alias());
        ps.setString(i + 2, d.mobilePhone());
        ps.setString(i + 3, d.emergencyContact());
        ps.setString(i + 4, d.emergencyPhone());
        ps.setString(i + 5, d.memo());
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      } catch (SQLException e) {
        if (SqlErrors.isUniqueViolation(e)) {
          throw new TsumugiException(ErrorCode.PATIENT_NUMBER_TAKEN);
        }
        throw e;
      }
      PatientRecord stored = new PatientRecord(record.withId(id).patient(), d, 1);
      insertRevision(c, stored, change);
      bumpSequencePast(c, p.patientNumber());
      return stored;
    }));
  }

  @Override
  public PatientRecord appendRevision(PatientRecord record, Change change) {
    return tx.inTransaction(() -> tx.withConnection(c -> {
      Patient p = record.patient();
      PatientDetails d = record.details();
      try (PreparedStatement ps = c.prepareStatement("UPDATE patient SET patient_number = ?, family_name = ?, given_name = ?, "
          + "family_kana = ?, given_kana = ?, sex = ?, birth_date = ?, postal_code = ?, address = ?, phone = ?, alias_name = ?, "
          + "mobile_phone = ?, emergency_contact = ?, emergency_phone = ?, memo = ?, revision = ? WHERE id = ? AND revision = ?")) {
        int i = setCore(ps, p, d);
        ps.setString(i, d.alias());
        ps.setString(i + 1, d.mobilePhone());
        ps.setString(i + 2, d.emergencyContact());
        ps.setString(i + 3, d.emergencyPhone());
        ps.setString(i + 4, d.memo());
        ps.setInt(i + 5, record.revision());
        ps.setLong(i + 6, p.id());
        ps.setInt(i + 7, record.revision() - 1);
        if (ps.executeUpdate() != 1) {
          throw new TsumugiException(ErrorCode.REVISION_CONFLICT, "patient revision");
        }
      }
      insertRevision(c, record, change);
      return record;
    }));
  }

  @Override
  public Optional<PatientRecord> findRecord(long id) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM patient p WHERE p.id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<PatientRevision> history(long id) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT p.patient_id, p.patient_number, p.family_name, p.given_name, "
          + "p.family_kana, p.given_kana, p.sex, p.birth_date, p.postal_code, p.address, p.phone, p.alias_name, p.mobile_phone, "
          + "p.emergency_contact, p.emergency_phone, p.memo, p.revision, p.author, p.changed_at_ms, p.reason "
          + "FROM patient_revision p WHERE p.patient_id = ? ORDER BY p.revision")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          List<PatientRevision> out = new ArrayList<>();
          while (rs.next()) {
            out.add(new PatientRevision(read(rs), rs.getString(18), Instant.ofEpochMilli(rs.getLong(19)), rs.getString(20)));
          }
          return out;
        }
      }
    });
  }

  @Override
  public List<PatientRecord> bornOn(LocalDate birthDate) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM patient p WHERE p.birth_date = ? ORDER BY p.id")) {
        ps.setDate(1, Date.valueOf(birthDate));
        return readAll(ps);
      }
    });
  }

  @Override
  public Changes changedSince(long cursor) {
    return tx.inTransaction(() -> tx.withConnection(c -> {
      long latest;
      try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM patient_revision");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        latest = rs.getLong(1);
      }
      if (cursor <= 0) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM patient p ORDER BY p.id")) {
          return new Changes(readAll(ps), latest);
        }
      }
      if (latest <= cursor - CURSOR_OVERLAP) {
        return new Changes(List.of(), cursor);
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM patient p WHERE p.id IN "
          + "(SELECT r.patient_id FROM patient_revision r WHERE r.id > ? AND r.id <= ?) ORDER BY p.id")) {
        ps.setLong(1, Math.max(0, cursor - CURSOR_OVERLAP));
        ps.setLong(2, latest);
        return new Changes(readAll(ps), latest);
      }
    }));
  }

  /** Keeps the sequence ahead of numbers given from outside (demo clinic, imports), so it never hands them out. */
  private static void bumpSequencePast(Connection c, String patientNumber) throws SQLException {
    String digits = patientNumber.replaceAll("[^0-9]", "");
    if (digits.isEmpty() || digits.length() > 15) {
      return;
    }
    long next = Long.parseLong(digits) + 1;
    try (PreparedStatement ps = c.prepareStatement("UPDATE patient_number_sequence SET next_value = ? WHERE id = 1 AND next_value < ?")) {
      ps.setLong(1, next);
      ps.setLong(2, next);
      ps.executeUpdate();
    }
  }

  private static void insertRevision(Connection c, PatientRecord r, Change change) throws SQLException {
    Patient p = r.patient();
    PatientDetails d = r.details();
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO patient_revision (patient_number, family_name, given_name, "
        + "family_kana, given_kana, sex, birth_date, postal_code, address, phone, patient_id, revision, alias_name, mobile_phone, "
        + "emergency_contact, emergency_phone, memo, author, changed_at_ms, reason) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int i = setCore(ps, p, d);
      ps.setLong(i, p.id());
      ps.setInt(i + 1, r.revision());
      ps.setString(i + 2, d.alias());
      ps.setString(i + 3, d.mobilePhone());
      ps.setString(i + 4, d.emergencyContact());
      ps.setString(i + 5, d.emergencyPhone());
      ps.setString(i + 6, d.memo());
      ps.setString(i + 7, change.author());
      ps.setLong(i + 8, change.atMillis());
      ps.setString(i + 9, change.reason());
      ps.executeUpdate();
    }
  }

  /** Sets the ten core columns from parameter 1; returns the next parameter index. */
  private static int setCore(PreparedStatement ps, Patient p, PatientDetails d) throws SQLException {
    ps.setString(1, p.patientNumber());
    ps.setString(2, p.familyName());
    ps.setString(3, p.givenName());
    ps.setString(4, p.familyKana());
    ps.setString(5, p.givenKana());
    ps.setString(6, p.sex().claimCode());
    ps.setDate(7, Date.valueOf(p.birthDate()));
    ps.setString(8, p.postalCode());
    ps.setString(9, p.address());
    ps.setString(10, p.phone());
    return 11;
  }

  private static List<PatientRecord> readAll(PreparedStatement ps) throws SQLException {
    ps.setFetchSize(1000);
    try (ResultSet rs = ps.executeQuery()) {
      List<PatientRecord> out = new ArrayList<>();
      while (rs.next()) {
        out.add(read(rs));
      }
      return out;
    }
  }

  private static PatientRecord read(ResultSet rs) throws SQLException {
    Patient p = new Patient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        "1".equals(rs.getString(7)) ? Sex.MALE : Sex.FEMALE, rs.getDate(8).toLocalDate(), rs.getString(9), rs.getString(10),
        rs.getString(11));
    PatientDetails d = new PatientDetails(rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16));
    return new PatientRecord(p, d, rs.getInt(17));
  }
}
