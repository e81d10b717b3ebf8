package jp.tsumugi.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Optional;
import jp.tsumugi.app.patient.PatientNumberFormat;
import jp.tsumugi.app.reception.Departments;
import jp.tsumugi.app.reception.ReceptionSettings;

/**
 * Reception settings on the single clinic row: the departments column (V11, one name per line) and the patient
 * number prefix and width (V13); each NULL until set.
 */
final class JdbcReceptionSettings implements ReceptionSettings {
  private final JdbcTransactions tx;

  JdbcReceptionSettings(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<Departments> findDepartments() {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT departments FROM clinic WHERE id = 1");
          ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String text = rs.getString(1);
        if (text == null || text.isBlank()) {
          return Optional.empty();
        }
        return Optional.of(new Departments(Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList()));
      }
    });
  }

  @Override
  public boolean saveDepartments(Departments departments) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE clinic SET departments = ? WHERE id = 1")) {
        ps.setString(1, departments.asText());
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public Optional<PatientNumberFormat> findPatientNumberFormat() {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT patient_number_prefix, patient_number_width FROM clinic WHERE id = 1");
          ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String prefix = rs.getString(1);
        int width = rs.getInt(2);
        if (rs.wasNull()) {
          return Optional.empty();
        }
        return Optional.of(new PatientNumberFormat(prefix == null ? "" : prefix, width));
      }
    });
  }

  @Override
  public boolean savePatientNumberFormat(PatientNumberFormat format) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE clinic SET patient_number_prefix = ?, patient_number_width = ? WHERE id = 1")) {
        ps.setString(1, format.prefix());
        ps.setInt(2, format.width());
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public long upcomingPatientSequence() {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT next_value FROM patient_number_sequence WHERE id = 1");
          ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 1;
      }
    });
  }
}
