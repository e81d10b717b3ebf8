package jp.tsumugi.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.insurance.Insurance;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.PatientRepository;
import jp.tsumugi.app.patient.Sex;

/** Patients and their insurance. */
final class JdbcPatientRepository implements PatientRepository {
  private final JdbcTransactions tx;
  private final Clock clock;

  JdbcPatientRepository(JdbcTransactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public Patient insert(Patient p) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO patient (patient_number, family_name, given_name, family_kana, "
          + "given_kana, sex, birth_date, postal_code, address, phone, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
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
        ps.setLong(11, clock.millis());
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          return new Patient(keys.getLong(1), p.patientNumber(), p.familyName(), p.givenName(), p.familyKana(), p.givenKana(),
              p.sex(), p.birthDate(), p.postalCode(), p.address(), p.phone());
        }
      }
    });
  }

  @Override
  public Insurance insertInsurance(Insurance i) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO insurance (patient_id, insurer_number, symbol, number, branch, "
          + "insured, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, i.patientId());
        ps.setString(2, i.insurerNumber());
        ps.setString(3, i.symbol());
        ps.setString(4, i.number());
        ps.setString(5, i.branch());
        ps.setBoolean(6, i.insured());
        setDate(ps, 7, i.validFrom());
        setDate(ps, 8, i.validTo());
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          return new Insurance(keys.getLong(1), i.patientId(), i.insurerNumber(), i.symbol(), i.number(), i.branch(),
              i.insured(), i.validFrom(), i.validTo());
        }
      }
    });
  }

  @Override
  public Optional<Patient> findById(long id) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, patient_number, family_name, given_name, family_kana, given_kana, "
          + "sex, birth_date, postal_code, address, phone FROM patient WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(new Patient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), "1".equals(rs.getString(7)) ? Sex.MALE : Sex.FEMALE, rs.getDate(8).toLocalDate(),
              rs.getString(9), rs.getString(10), rs.getString(11)));
        }
      }
    });
  }

  @Override
  public List<Insurance> insurancesOf(long patientId) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, patient_id, insurer_number, symbol, number, branch, insured, "
          + "valid_from, valid_to FROM insurance WHERE patient_id = ? ORDER BY id")) {
        ps.setLong(1, patientId);
        try (ResultSet rs = ps.executeQuery()) {
          List<Insurance> out = new ArrayList<>();
          while (rs.next()) {
            out.add(new Insurance(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBoolean(7), toLocalDate(rs.getDate(8)), toLocalDate(rs.getDate(9))));
          }
          return out;
        }
      }
    });
  }

  @Override
  public long count() {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM patient"); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  private static void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
    if (date == null) {
      ps.setNull(index, Types.DATE);
    } else {
      ps.setDate(index, Date.valueOf(date));
    }
  }

  private static LocalDate toLocalDate(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
