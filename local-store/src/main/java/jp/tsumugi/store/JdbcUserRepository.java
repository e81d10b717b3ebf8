package jp.tsumugi.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Hex;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.security.UserRepository;

/** Staff accounts in {@code app_user}. */
final class JdbcUserRepository implements UserRepository {
  private static final String COLUMNS = "id, username, display_name, role, password_hash, totp_secret_hex, active, "
      + "failed_attempts, locked_until_ms, created_at_ms";
  private final JdbcTransactions tx;

  JdbcUserRepository(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<User> findByUsername(String username) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM app_user WHERE username = ?")) {
        ps.setString(1, username);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<User> findAll() {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM app_user ORDER BY username");
          ResultSet rs = ps.executeQuery()) {
        List<User> out = new ArrayList<>();
        while (rs.next()) {
          out.add(map(rs));
        }
        return out;
      }
    });
  }

  @Override
  public User insert(User u) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (username, display_name, role, password_hash, "
          + "totp_secret_hex, active, failed_attempts, locked_until_ms, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, u.username());
        ps.setString(2, u.displayName());
        ps.setString(3, u.role().name());
        ps.setString(4, u.passwordHash());
        setSecret(ps, 5, u.totpSecret());
        ps.setBoolean(6, u.active());
        ps.setInt(7, u.failedAttempts());
        setInstant(ps, 8, u.lockedUntil());
        ps.setLong(9, u.createdAt().toEpochMilli());
        try {
          ps.executeUpdate();
        } catch (SQLException e) {
          if (SqlErrors.isUniqueViolation(e)) {
            throw new TsumugiException(ErrorCode.USERNAME_TAKEN);
          }
          throw e;
        }
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          long id = keys.getLong(1);
          return new User(id, u.username(), u.displayName(), u.role(), u.passwordHash(), u.totpSecret(), u.active(),
              u.failedAttempts(), u.lockedUntil(), u.createdAt());
        }
      }
    });
  }

  @Override
  public void update(User u) {
    tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET display_name = ?, role = ?, password_hash = ?, "
          + "totp_secret_hex = ?, active = ?, failed_attempts = ?, locked_until_ms = ? WHERE id = ?")) {
        ps.setString(1, u.displayName());
        ps.setString(2, u.role().name());
        ps.setString(3, u.passwordHash());
        setSecret(ps, 4, u.totpSecret());
        ps.setBoolean(5, u.active());
        ps.setInt(6, u.failedAttempts());
        setInstant(ps, 7, u.lockedUntil());
        ps.setLong(8, u.id());
        if (ps.executeUpdate() != 1) {
          throw new TsumugiException(ErrorCode.USER_NOT_FOUND);
        }
        return null;
      }
    });
  }

  @Override
  public long count() {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM app_user"); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  private static void setSecret(PreparedStatement ps, int index, byte[] secret) throws SQLException {
    if (secret == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, Hex.encode(secret));
    }
  }

  private static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, instant.toEpochMilli());
    }
  }

  private static User map(ResultSet rs) throws SQLException {
    String secret = rs.getString("totp_secret_hex");
    long locked = rs.getLong("locked_until_ms");
    Instant lockedUntil = rs.wasNull() ? null : Instant.ofEpochMilli(locked);
    return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
        rs.getString("password_hash"), secret == null ? null : Hex.decode(secret), rs.getBoolean("active"),
        rs.getInt("failed_attempts"), lockedUntil, Instant.ofEpochMilli(rs.getLong("created_at_ms")));
  }
}
