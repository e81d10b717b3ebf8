package jp.tsumugi.app.security;

import java.time.Instant;
import java.util.Objects;

/**
 * A staff account. {@code totpSecret} is null until the user enrols a second factor.
 * {@code failedAttempts} and {@code lockedUntil} drive the growing lockout.
 */
public record User(
    long id,
    String username,
    String displayName,
    Role role,
    String passwordHash,
    byte[] totpSecret,
    boolean active,
    int failedAttempts,
    Instant lockedUntil,
    Instant createdAt) {

  public User {
    Objects.requireNonNull(username);
    Objects.requireNonNull(role);
    Objects.requireNonNull(passwordHash);
    totpSecret = totpSecret == null ? null : totpSecret.clone();
  }

  @Override
  public byte[] totpSecret() {
    return totpSecret == null ? null : totpSecret.clone();
  }

  public boolean hasTotp() {
    return totpSecret != null;
  }

  public User withFailures(int failures, Instant lockedUntil) {
    return new User(id, username, displayName, role, passwordHash, totpSecret, active, failures, lockedUntil, createdAt);
  }

  public User withTotpSecret(byte[] secret) {
    return new User(id, username, displayName, role, passwordHash, secret, active, failedAttempts, lockedUntil, createdAt);
  }

  public User withRole(Role newRole) {
    return new User(id, username, displayName, newRole, passwordHash, totpSecret, active, failedAttempts, lockedUntil, createdAt);
  }

  public User withPasswordHash(String hash) {
    return new User(id, username, displayName, role, hash, totpSecret, active, failedAttempts, lockedUntil, createdAt);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof User other && other.id == id && other.username.equals(username);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id) * 31 + username.hashCode();
  }

  @Override
  public String toString() {
    return "User[" + id + ", " + username + ", " + role + "]";
  }
}
