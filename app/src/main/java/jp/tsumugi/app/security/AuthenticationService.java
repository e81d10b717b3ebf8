package jp.tsumugi.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;

/**
 * Login with password and, where required or enrolled, a TOTP second factor; lockout with growing
 * delay; lock and unlock of an idle terminal; logout. Every outcome is audited.
 */
public final class AuthenticationService {
  /** How long a password-verified login may wait for its one-time code. */
  public static final Duration PENDING_TTL = Duration.ofMinutes(5);

  private final UserRepository users;
  private final PasswordHasher hasher;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;
  private final LockoutPolicy lockout;
  private final Totp totp = Totp.standard();
  private volatile String dummyHash;

  public AuthenticationService(UserRepository users, PasswordHasher hasher, AuditLog audit, Transactions tx, Clock clock,
      LockoutPolicy lockout) {
    this.users = users;
    this.hasher = hasher;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.lockout = lockout;
  }

  /** First step: user name and password. */
  public LoginResult login(String username, char[] password, String terminal) {
    return tx.inTransaction(() -> {
      Instant now = clock.instant();
      Optional<User> found = users.findByUsername(username == null ? "" : username.trim());
      if (found.isEmpty()) {
        // Spend the same effort as a real check so timing does not reveal which names exist.
        hasher.verify(password, dummyHash());
        audit.record(new AuditEvent("-", terminal, AuditAction.LOGIN_FAILURE, "", "unknown-user"));
        return new LoginResult.Failure(ErrorCode.LOGIN_FAILED, null);
      }
      User user = found.get();
      if (!user.active()) {
        audit.record(new AuditEvent(user.username(), terminal, AuditAction.LOGIN_FAILURE, user.username(), "inactive"));
        return new LoginResult.Failure(ErrorCode.USER_INACTIVE, null);
      }
      if (user.lockedUntil() != null && now.isBefore(user.lockedUntil())) {
        audit.record(new AuditEvent(user.username(), terminal, AuditAction.LOGIN_FAILURE, user.username(), "locked"));
        return new LoginResult.Failure(ErrorCode.ACCOUNT_LOCKED, user.lockedUntil());
      }
      if (!hasher.verify(password, user.passwordHash())) {
        return fail(user, terminal, now, "bad-password", ErrorCode.LOGIN_FAILED);
      }
      if (user.hasTotp() || user.role().requiresTotp()) {
        return new LoginResult.TotpRequired(new LoginResult.PendingLogin(user.username(), terminal, now));
      }
      return succeed(user, terminal, now);
    });
  }

  /** Second step: the one-time code for a pending login. */
  public LoginResult verifyTotp(LoginResult.PendingLogin pending, String code) {
    return tx.inTransaction(() -> {
      Instant now = clock.instant();
      User user = users.findByUsername(pending.username()).orElse(null);
      if (user == null || now.isAfter(pending.passwordVerifiedAt().plus(PENDING_TTL))) {
        return new LoginResult.Failure(ErrorCode.LOGIN_FAILED, null);
      }
      if (user.lockedUntil() != null && now.isBefore(user.lockedUntil())) {
        audit.record(new AuditEvent(user.username(), pending.terminal(), AuditAction.LOGIN_FAILURE, user.username(),
            "locked"));
        return new LoginResult.Failure(ErrorCode.ACCOUNT_LOCKED, user.lockedUntil());
      }
      if (!user.hasTotp()) {
        // An administrator without an enrolled factor cannot finish: an admin must reset it (reset-2fa) to enrol.
        audit.record(new AuditEvent(user.username(), pending.terminal(), AuditAction.LOGIN_FAILURE, user.username(),
            "totp-not-enrolled"));
        return new LoginResult.Failure(ErrorCode.TOTP_REQUIRED, null);
      }
      if (!totp.verify(user.totpSecret(), code == null ? "" : code.trim(), now)) {
        return fail(user, pending.terminal(), now, "bad-totp", ErrorCode.TOTP_INVALID);
      }
      return succeed(user, pending.terminal(), now);
    });
  }

  /** Locks the session's screen (idle or by hand); the work underneath stays as it is. */
  public void lock(Session session, String reason) {
    audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.LOCK, session.username(), reason));
  }

  /** Unlocks with the same user's password; failures count towards the lockout like a login. */
  public LoginResult unlock(Session session, char[] password) {
    return tx.inTransaction(() -> {
      Instant now = clock.instant();
      User user = users.findByUsername(session.username()).orElse(null);
      if (user == null || !user.active()) {
        return new LoginResult.Failure(ErrorCode.USER_INACTIVE, null);
      }
      if (user.lockedUntil() != null && now.isBefore(user.lockedUntil())) {
        audit.record(new AuditEvent(user.username(), session.terminal(), AuditAction.UNLOCK_FAILURE, user.username(),
            "locked"));
        return new LoginResult.Failure(ErrorCode.ACCOUNT_LOCKED, user.lockedUntil());
      }
      if (!hasher.verify(password, user.passwordHash())) {
        int failures = user.failedAttempts() + 1;
        Duration lock = lockout.lockFor(failures);
        Instant until = lock.isZero() ? null : now.plus(lock);
        users.update(user.withFailures(failures, until));
        audit.record(new AuditEvent(user.username(), session.terminal(), AuditAction.UNLOCK_FAILURE, user.username(),
            "bad-password"));
        return new LoginResult.Failure(until == null ? ErrorCode.LOGIN_FAILED : ErrorCode.ACCOUNT_LOCKED, until);
      }
      if (user.failedAttempts() > 0) {
        users.update(user.withFailures(0, null));
      }
      audit.record(new AuditEvent(user.username(), session.terminal(), AuditAction.UNLOCK, user.username(), ""));
      return new LoginResult.Success(new Session(user, session.terminal(), session.startedAt()));
    });
  }

  public void logout(Session session) {
    audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.LOGOUT, session.username(), ""));
  }

  private LoginResult fail(User user, String terminal, Instant now, String why, ErrorCode code) {
    int failures = user.failedAttempts() + 1;
    Duration lock = lockout.lockFor(failures);
    Instant until = lock.isZero() ? null : now.plus(lock);
    users.update(user.withFailures(failures, until));
    audit.record(new AuditEvent(user.username(), terminal, AuditAction.LOGIN_FAILURE, user.username(),
        why + ";failures=" + failures));
    return new LoginResult.Failure(until == null ? code : ErrorCode.ACCOUNT_LOCKED, until);
  }

  private LoginResult succeed(User user, String terminal, Instant now) {
    User fresh = user.withFailures(0, null);
    if (user.failedAttempts() != 0 || user.lockedUntil() != null) {
      users.update(fresh);
    }
    audit.record(new AuditEvent(user.username(), terminal, AuditAction.LOGIN_SUCCESS, user.username(), ""));
    return new LoginResult.Success(new Session(fresh, terminal, now));
  }

  /** Hash of a fixed password, for constant-effort failures on unknown names. */
  private String dummyHash() {
    String h = dummyHash;
    if (h == null) {
      h = hasher.hash("tsumugi-no-such-user".toCharArray());
      dummyHash = h;
    }
    return h;
  }
}
