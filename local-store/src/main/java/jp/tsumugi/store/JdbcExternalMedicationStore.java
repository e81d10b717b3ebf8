package jp.tsumugi.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.prescription.safety.ExternalMedication;
import jp.tsumugi.app.prescription.safety.ExternalMedicationStore;
import jp.tsumugi.app.prescription.safety.ExternalSource;

/** External medication records (他院処方, V23; removal marks V26). */
final class JdbcExternalMedicationStore implements ExternalMedicationStore {
  private static final String SELECT = "SELECT id, patient_id, drug_code, yj_code, name, start_date, days, source, source_date, "
      + "entered_by, entered_at_ms, clinic_name FROM external_medication ";

  private final JdbcTransactions tx;

  JdbcExternalMedicationStore(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public boolean patientExists(long patientId) {
    return tx.first("SELECT 1 FROM patient WHERE id = ?", ps -> ps.setLong(1, patientId), rs -> Boolean.TRUE).isPresent();
  }

  @Override
  public long add(ExternalMedication m) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO external_medication (patient_id, drug_code, yj_code, name, "
          + "start_date, days, source, source_date, entered_by, entered_at_ms, clinic_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, m.patientId());
        ps.setString(2, m.drugCode());
        ps.setString(3, m.yjCode());
        ps.setString(4, m.name());
        ps.setDate(5, Date.valueOf(m.start()));
        ps.setInt(6, m.days());
        ps.setString(7, m.source().name());
        ps.setDate(8, Date.valueOf(m.sourceDate()));
        ps.setString(9, m.enteredBy());
        ps.setLong(10, m.enteredAt().toEpochMilli());
        ps.setString(11, m.clinicName());
        ps.executeUpdate();
        return ChartEnvelope.generatedId(ps);
      }
    });
  }

  @Override
  public List<ExternalMedication> forPatient(long patientId) {
    return tx.list(SELECT + "WHERE patient_id = ? ORDER BY start_date DESC, id DESC", ps -> ps.setLong(1, patientId),
        JdbcExternalMedicationStore::read);
  }

  @Override
  public List<ExternalMedication> takenOn(long patientId, LocalDate date) {
    // start_date > date - 365 bounds the index range (days <= 365); the exact period test is in Java.
    List<ExternalMedication> near = tx.list(SELECT + "WHERE patient_id = ? AND start_date <= ? AND start_date > ? "
        + "AND removed_at_ms IS NULL ORDER BY id",
        ps -> {
          ps.setLong(1, patientId);
          ps.setDate(2, Date.valueOf(date));
          ps.setDate(3, Date.valueOf(date.minusDays(365)));
        }, JdbcExternalMedicationStore::read);
    return near.stream().filter(m -> date.isBefore(m.start().plusDays(m.days()))).toList();
  }

  @Override
  public Optional<ExternalMedication> find(long id) {
    return tx.first(SELECT + "WHERE id = ?", ps -> ps.setLong(1, id), JdbcExternalMedicationStore::read);
  }

  @Override
  public boolean markRemoved(Removal removal) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE external_medication SET removed_at_ms = ?, removed_by = ?, "
          + "removed_reason = ? WHERE id = ? AND removed_at_ms IS NULL")) {
        ps.setLong(1, removal.at().toEpochMilli());
        ps.setString(2, removal.by());
        ps.setString(3, removal.reason());
        ps.setLong(4, removal.id());
        return ps.executeUpdate() > 0;
      }
    });
  }

  @Override
  public List<Removal> removals(long patientId) {
    return tx.list("SELECT id, removed_at_ms, removed_by, removed_reason FROM external_medication WHERE patient_id = ? "
        + "AND removed_at_ms IS NOT NULL ORDER BY id", ps -> ps.setLong(1, patientId),
        rs -> new Removal(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4)));
  }

  private static ExternalMedication read(ResultSet rs) throws SQLException {
    return new ExternalMedication(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getDate(6).toLocalDate(), rs.getInt(7), ExternalSource.valueOf(rs.getString(8)), rs.getDate(9).toLocalDate(),
        rs.getString(10), Instant.ofEpochMilli(rs.getLong(11)), rs.getString(12));
  }
}
