package jp.tsumugi.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Optional;
import jp.tsumugi.app.reception.DepartmentSettings;
import jp.tsumugi.app.reception.Departments;

/** The departments column of the single clinic row (V11): one name per line, NULL until set. */
final class JdbcDepartmentSettings implements DepartmentSettings {
  private final JdbcTransactions tx;

  JdbcDepartmentSettings(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<Departments> find() {
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
  public boolean save(Departments departments) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE clinic SET departments = ? WHERE id = 1")) {
        ps.setString(1, departments.asText());
        return ps.executeUpdate() == 1;
      }
    });
  }
}
