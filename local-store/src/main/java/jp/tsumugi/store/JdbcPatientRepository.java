package jp.tsumugi.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.insurance.Insurance;
import jp.tsumugi.app.insurance.InsuranceCombination;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.InsuranceStore;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.PatientDetails;
import jp.tsumugi.app.patient.PatientRecord;
import jp.tsumugi.app.patient.PatientStore;
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

  /** Inserts as revision 1 (author "-"), so every patient has a history however it was created. */
  @Override
  public Patient insert(Patient p) {
    PatientRecord stored = new JdbcPatientStore(tx).insertRecord(new PatientRecord(p, PatientDetails.NONE, 1),
        new PatientStore.Change("-", clock.millis(), "registered"));
    return stored.patient();
  }

  /** Inserts as revision 1 (author "-") with no certificates, and its 保険単独 combination. */
  @Override
  public Insurance insertInsurance(Insurance i) {
    return tx.inTransaction(() -> {
      JdbcInsuranceStore store = new JdbcInsuranceStore(tx);
      InsuranceStore.Change change = new InsuranceStore.Change("-", clock.millis(), "created");
      Insurance stored = store.insertInsurance(InsuranceRecord.of(i), change).insurance();
      store.insertCombination(new InsuranceCombination(0, stored.patientId(), stored.id(), List.of()), change);
      return stored;
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

  private static LocalDate toLocalDate(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
