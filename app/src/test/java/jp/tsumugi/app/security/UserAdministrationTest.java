package jp.tsumugi.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.testing.DirectTransactions;
import jp.tsumugi.app.testing.FakePasswordHasher;
import jp.tsumugi.app.testing.InMemoryAuditEntryStore;
import jp.tsumugi.app.testing.InMemoryUserRepository;
import jp.tsumugi.app.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UserAdministrationTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T00:00:00Z"));
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final InMemoryAuditEntryStore auditStore = new InMemoryAuditEntryStore();
  private int secretsMade;
  private UserAdministration admin;
  private Session adminSession;

  @BeforeEach
  void setUp() {
    admin = new UserAdministration(users, new FakePasswordHasher(), new HashChainedAuditLog(auditStore, clock),
        new DirectTransactions(), clock, length -> {
          secretsMade++;
          return new byte[length];
        });
    List<UserAdministration.Created> created = admin.createInitialUsers(List.of(
        new UserAdministration.NewUser("admin", "管理 太郎", Role.ADMIN, "admin-password".toCharArray())), "t1");
    adminSession = new Session(created.get(0).user(), "t1", clock.instant());
  }

  @Test
  void initialAdministratorGetsATwentyByteSecondFactor() {
    User stored = users.findByUsername("admin").orElseThrow();
    assertThat(stored.totpSecret()).hasSize(UserAdministration.TOTP_SECRET_BYTES);
    assertThat(auditStore.entries()).extracting(e -> e.action()).containsExactly(AuditAction.USER_CREATED);
  }

  @Test
  void initialUsersCannotBeCreatedTwice() {
    assertThatThrownBy(() -> admin.createInitialUsers(List.of(
        new UserAdministration.NewUser("admin2", "別の管理者", Role.ADMIN, "other-password".toCharArray())), "t1"))
        .isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DATA_DIR_ALREADY_INITIALISED));
    assertThat(users.count()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"DOCTOR", "NURSE", "CLERK"})
  void onlyAdministratorsManageAccountsAndNothingIsWrittenOtherwise(Role role) {
    User staff = admin.addUser(adminSession, new UserAdministration.NewUser("staff", "職員", role,
        "staff-password".toCharArray())).user();
    Session session = new Session(staff, "t2", clock.instant());
    long usersBefore = users.count();
    long auditBefore = auditStore.count();

    assertThatThrownBy(() -> admin.addUser(session, new UserAdministration.NewUser("sneaky", "不正", Role.ADMIN,
        "sneaky-password".toCharArray())))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_PERMITTED));
    assertThatThrownBy(() -> admin.changeRole(session, "staff", Role.ADMIN))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_PERMITTED));
    assertThatThrownBy(() -> admin.list(session)).isInstanceOf(TsumugiException.class);
    assertThatThrownBy(() -> admin.resetTotp(session, "admin")).isInstanceOf(TsumugiException.class);

    assertThat(users.count()).isEqualTo(usersBefore);
    assertThat(users.findByUsername("staff").orElseThrow().role()).isEqualTo(role);
    assertThat(auditStore.count()).isEqualTo(auditBefore);
  }

  @Test
  void theLastActiveAdministratorKeepsTheRole() {
    assertThatThrownBy(() -> admin.changeRole(adminSession, "admin", Role.DOCTOR))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.LAST_ADMIN));
    assertThat(users.findByUsername("admin").orElseThrow().role()).isEqualTo(Role.ADMIN);
  }

  @Test
  void promotingToAdministratorEnrolsASecondFactorAndIsAudited() {
    admin.addUser(adminSession, new UserAdministration.NewUser("doctor", "医師", Role.DOCTOR, "doctor-password".toCharArray()));
    assertThat(users.findByUsername("doctor").orElseThrow().hasTotp()).isFalse();

    admin.changeRole(adminSession, "doctor", Role.ADMIN);

    User promoted = users.findByUsername("doctor").orElseThrow();
    assertThat(promoted.role()).isEqualTo(Role.ADMIN);
    assertThat(promoted.hasTotp()).isTrue();
    assertThat(auditStore.entries().get(auditStore.entries().size() - 1).detail()).isEqualTo("DOCTOR->ADMIN");
  }

  @Test
  void duplicateNamesAndWeakPasswordsAreRefused() {
    assertThatThrownBy(() -> admin.addUser(adminSession, new UserAdministration.NewUser("admin", "二人目", Role.CLERK,
        "clerk-password".toCharArray())))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.USERNAME_TAKEN));
    assertThatThrownBy(() -> new UserAdministration.NewUser("clerk", "事務", Role.CLERK, "short".toCharArray()))
        .isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PASSWORD_TOO_WEAK));
    assertThatThrownBy(() -> new UserAdministration.NewUser("clerk", "事務", Role.CLERK, "aaaaaaaaaa".toCharArray()))
        .isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PASSWORD_TOO_WEAK));
    assertThatThrownBy(() -> new UserAdministration.NewUser("Clerk!", "事務", Role.CLERK, "clerk-password".toCharArray()))
        .isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.USERNAME_INVALID));
  }

  @Test
  void resetTotpReplacesTheSecretAndClearsTheLockout() {
    int before = secretsMade;
    User locked = users.findByUsername("admin").orElseThrow().withFailures(7, clock.instant().plusSeconds(600));
    users.update(locked);

    admin.resetTotp(adminSession, "admin");

    User after = users.findByUsername("admin").orElseThrow();
    assertThat(secretsMade).isEqualTo(before + 1);
    assertThat(after.failedAttempts()).isZero();
    assertThat(after.lockedUntil()).isNull();
  }
}
