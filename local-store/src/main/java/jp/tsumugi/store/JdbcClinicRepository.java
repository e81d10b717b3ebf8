package jp.tsumugi.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import jp.tsumugi.app.clinic.Clinic;
import jp.tsumugi.app.clinic.ClinicRepository;

/** The single clinic row (id 1). */
final class JdbcClinicRepository implements ClinicRepository {
  private final JdbcTransactions tx;

  JdbcClinicRepository(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<Clinic> find() {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT institution_code, prefecture_code, name, postal_code, address, "
          + "phone, fee_table, idle_lock_minutes FROM clinic WHERE id = 1"); ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Clinic(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getInt(8)));
      }
    });
  }

  @Override
  public void save(Clinic clinic) {
    tx.withConnection(c -> {
      int updated;
      try (PreparedStatement ps = c.prepareStatement("UPDATE clinic SET institution_code = ?, prefecture_code = ?, name = ?, "
          + "postal_code = ?, address = ?, phone = ?, fee_table = ?, idle_lock_minutes = ? WHERE id = 1")) {
        bind(ps, clinic);
        updated = ps.executeUpdate();
      }
      if (updated == 0) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO clinic (institution_code, prefecture_code, name, "
            + "postal_code, address, phone, fee_table, idle_lock_minutes, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
          bind(ps, clinic);
          ps.executeUpdate();
        }
      }
      return null;
    });
  }

  private static void bind(PreparedStatement ps, Clinic clinic) throws java.sql.SQLException {
    ps.setString(1, clinic.institutionCode());
    ps.setString(2, clinic.prefectureCode());
    ps.setString(3, clinic.name());
    ps.setString(4, clinic.postalCode());
    ps.setString(5, clinic.address());
    ps.setString(6, clinic.phone());
    ps.setString(7, clinic.feeTable());
    ps.setInt(8, clinic.idleLockMinutes());
  }
}
