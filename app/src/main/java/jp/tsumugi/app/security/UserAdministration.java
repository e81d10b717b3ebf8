package jp.tsumugi.app.security;

import java.time.Clock;
import java.util.List;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;

/** Account administration. Every operation checks {@link Permission#MANAGE_USERS} here, in the core. */
public final class UserAdministration {
  /** TOTP secrets are 20 random bytes (160 bits, as RFC 4226 recommends). */
  public static final int TOTP_SECRET_BYTES = 20;

  private final UserRepository users;
  private final PasswordHasher hasher;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;
  private final Secrets secrets;

  public UserAdministration(UserRepository users, PasswordHasher hasher, AuditLog audit, Transactions tx, Clock clock,
      Secrets secrets) {
    this.users = users;
    this.hasher = hasher;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.secrets = secrets;
  }

  /** A new account: validated on construction. */
  public record NewUser(String username, String displayName, Role role, char[] password) {
    public NewUser {
      PasswordPolicy.checkUsername(username);
      PasswordPolicy.checkDisplayName(displayName);
      if (role == null) {
        throw new TsumugiException(ErrorCode.NOT_PERMITTED, "role missing");
      }
      PasswordPolicy.check(username, password);
    }
  }

  /** The created account and, for roles that require one, its freshly made TOTP secret. */
  public record Created(User user, byte[] totpSecret) {
  }

  public Created addUser(Session actor, NewUser request) {
    actor.require(Permission.MANAGE_USERS);
    return tx.inTransaction(() -> insert(request, actor.username(), actor.terminal()));
  }

  /**
   * Creates the first accounts of a new clinic, without an acting session. Refused as soon as any
   * account exists, so it can never mint a further administrator.
   */
  public List<Created> createInitialUsers(List<NewUser> requests, String terminal) {
    return tx.inTransaction(() -> {
      if (users.count() != 0) {
        throw new TsumugiException(ErrorCode.DATA_DIR_ALREADY_INITIALISED, "users exist");
      }
      return requests.stream().map(r -> insert(r, r.username(), terminal)).toList();
    });
  }

  private Created insert(NewUser request, String actorName, String terminal) {
    if (users.findByUsername(request.username()).isPresent()) {
      throw new TsumugiException(ErrorCode.USERNAME_TAKEN);
    }
    byte[] secret = request.role().requiresTotp() ? secrets.randomBytes(TOTP_SECRET_BYTES) : null;
    User user = users.insert(new User(0, request.username(), request.displayName(), request.role(),
        hasher.hash(request.password()), secret, true, 0, null, clock.instant()));
    audit.record(new AuditEvent(actorName, terminal, AuditAction.USER_CREATED, user.username(),
        "role=" + user.role()));
    return new Created(user, secret);
  }

  public List<User> list(Session actor) {
    actor.require(Permission.MANAGE_USERS);
    audit.record(new AuditEvent(actor.username(), actor.terminal(), AuditAction.USERS_LISTED, "", ""));
    return users.findAll();
  }

  /** Replaces the user's second factor with a new secret (lost phone); returns the new secret. */
  public byte[] resetTotp(Session actor, String username) {
    actor.require(Permission.MANAGE_USERS);
    return tx.inTransaction(() -> {
      User user = users.findByUsername(username).orElseThrow(() -> new TsumugiException(ErrorCode.USER_NOT_FOUND));
      byte[] secret = secrets.randomBytes(TOTP_SECRET_BYTES);
      users.update(user.withTotpSecret(secret).withFailures(0, null));
      audit.record(new AuditEvent(actor.username(), actor.terminal(), AuditAction.USER_TOTP_RESET, username, ""));
      return secret;
    });
  }

  public void changeRole(Session actor, String username, Role role) {
    actor.require(Permission.MANAGE_USERS);
    tx.run(() -> {
      User user = users.findByUsername(username).orElseThrow(() -> new TsumugiException(ErrorCode.USER_NOT_FOUND));
      if (user.role() == Role.ADMIN && role != Role.ADMIN
          && users.findAll().stream().filter(u -> u.role() == Role.ADMIN && u.active()).count() <= 1) {
        throw new TsumugiException(ErrorCode.LAST_ADMIN);
      }
      User changed = user.withRole(role);
      if (role.requiresTotp() && !user.hasTotp()) {
        changed = changed.withTotpSecret(secrets.randomBytes(TOTP_SECRET_BYTES));
      }
      users.update(changed);
      audit.record(new AuditEvent(actor.username(), actor.terminal(), AuditAction.USER_ROLE_CHANGED, username,
          user.role() + "->" + role));
    });
  }

  /** A user enrols (or replaces) their own optional second factor. */
  public byte[] enrollOwnTotp(Session self) {
    return tx.inTransaction(() -> {
      User user = users.findByUsername(self.username()).orElseThrow(() -> new TsumugiException(ErrorCode.USER_NOT_FOUND));
      byte[] secret = secrets.randomBytes(TOTP_SECRET_BYTES);
      users.update(user.withTotpSecret(secret));
      audit.record(new AuditEvent(self.username(), self.terminal(), AuditAction.USER_TOTP_ENROLLED, self.username(), ""));
      return secret;
    });
  }
}
