package jp.tsumugi.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.testing.DirectTransactions;
import jp.tsumugi.app.testing.FakePasswordHasher;
import jp.tsumugi.app.testing.InMemoryAuditEntryStore;
import jp.tsumugi.app.testing.InMemoryUserRepository;
import jp.tsumugi.app.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationServiceTest {
  private static final String TERMINAL = "reception-1";
  private static final byte[] ADMIN_SECRET = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T00:00:00Z"));
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final InMemoryAuditEntryStore auditStore = new InMemoryAuditEntryStore();
  private final FakePasswordHasher hasher = new FakePasswordHasher();
  private AuthenticationService auth;

  @BeforeEach
  void setUp() {
    auth = new AuthenticationService(users, hasher, new HashChainedAuditLog(auditStore, clock), new DirectTransactions(),
        clock, LockoutPolicy.DEFAULT);
    users.insert(new User(0, "doctor", "医師", Role.DOCTOR, hasher.hash("right-password".toCharArray()), null, true, 0,
        null, clock.instant()));
    users.insert(new User(0, "admin", "管理", Role.ADMIN, hasher.hash("admin-password".toCharArray()), ADMIN_SECRET, true,
        0, null, clock.instant()));
  }

  @Test
  void doctorWithoutSecondFactorLogsInWithPasswordAlone() {
    LoginResult result = auth.login("doctor", "right-password".toCharArray(), TERMINAL);

    assertThat(result).isInstanceOf(LoginResult.Success.class);
    assertThat(((LoginResult.Success) result).session().role()).isEqualTo(Role.DOCTOR);
    assertThat(lastAudit().action()).isEqualTo(AuditAction.LOGIN_SUCCESS);
    assertThat(lastAudit().terminal()).isEqualTo(TERMINAL);
  }

  @Test
  void wrongPasswordFailsAndIsAuditedWithoutRevealingThePassword() {
    LoginResult result = auth.login("doctor", "wrong-password".toCharArray(), TERMINAL);

    assertThat(result).isEqualTo(new LoginResult.Failure(ErrorCode.LOGIN_FAILED, null));
    assertThat(lastAudit().action()).isEqualTo(AuditAction.LOGIN_FAILURE);
    assertThat(lastAudit().detail()).contains("bad-password").doesNotContain("wrong-password");
    assertThat(users.findByUsername("doctor").orElseThrow().failedAttempts()).isEqualTo(1);
  }

  @Test
  void unknownUserGetsTheSameAnswerAsAWrongPassword() {
    LoginResult result = auth.login("nobody", "whatever-pass".toCharArray(), TERMINAL);

    assertThat(result).isEqualTo(new LoginResult.Failure(ErrorCode.LOGIN_FAILED, null));
    assertThat(lastAudit().action()).isEqualTo(AuditAction.LOGIN_FAILURE);
  }

  @Test
  void fifthFailureLocksEvenTheRightPasswordUntilTheDelayPasses() {
    for (int i = 0; i < 4; i++) {
      assertThat(auth.login("doctor", "nope-nope".toCharArray(), TERMINAL))
          .isEqualTo(new LoginResult.Failure(ErrorCode.LOGIN_FAILED, null));
    }
    LoginResult fifth = auth.login("doctor", "nope-nope".toCharArray(), TERMINAL);
    assertThat(fifth).isEqualTo(new LoginResult.Failure(ErrorCode.ACCOUNT_LOCKED, clock.instant().plusSeconds(30)));

    clock.advance(Duration.ofSeconds(29));
    assertThat(auth.login("doctor", "right-password".toCharArray(), TERMINAL))
        .isInstanceOf(LoginResult.Failure.class)
        .extracting(r -> ((LoginResult.Failure) r).code()).isEqualTo(ErrorCode.ACCOUNT_LOCKED);

    clock.advance(Duration.ofSeconds(2));
    assertThat(auth.login("doctor", "right-password".toCharArray(), TERMINAL)).isInstanceOf(LoginResult.Success.class);
    User after = users.findByUsername("doctor").orElseThrow();
    assertThat(after.failedAttempts()).isZero();
    assertThat(after.lockedUntil()).isNull();
  }

  @Test
  void eachFurtherFailureDoublesTheLock() {
    for (int i = 0; i < 5; i++) {
      auth.login("doctor", "nope-nope".toCharArray(), TERMINAL);
    }
    clock.advance(Duration.ofSeconds(31));
    LoginResult sixth = auth.login("doctor", "nope-nope".toCharArray(), TERMINAL);
    assertThat(((LoginResult.Failure) sixth).lockedUntil()).isEqualTo(clock.instant().plusSeconds(60));
  }

  @Test
  void administratorNeedsTheOneTimeCode() {
    LoginResult first = auth.login("admin", "admin-password".toCharArray(), TERMINAL);
    assertThat(first).isInstanceOf(LoginResult.TotpRequired.class);
    assertThat(auditStore.entries()).noneMatch(e -> e.action() == AuditAction.LOGIN_SUCCESS);

    LoginResult.PendingLogin pending = ((LoginResult.TotpRequired) first).pending();
    String code = Totp.standard().codeAt(ADMIN_SECRET, clock.instant());
    LoginResult second = auth.verifyTotp(pending, code);

    assertThat(second).isInstanceOf(LoginResult.Success.class);
    assertThat(lastAudit().action()).isEqualTo(AuditAction.LOGIN_SUCCESS);
  }

  @Test
  void wrongOneTimeCodeFailsAndCountsTowardsTheLockout() {
    LoginResult.PendingLogin pending = ((LoginResult.TotpRequired) auth.login("admin", "admin-password".toCharArray(),
        TERMINAL)).pending();
    String right = Totp.standard().codeAt(ADMIN_SECRET, clock.instant());
    String wrong = right.equals("000000") ? "111111" : "000000";

    assertThat(auth.verifyTotp(pending, wrong)).isEqualTo(new LoginResult.Failure(ErrorCode.TOTP_INVALID, null));
    assertThat(users.findByUsername("admin").orElseThrow().failedAttempts()).isEqualTo(1);
    assertThat(lastAudit().detail()).startsWith("bad-totp");
  }

  @Test
  void aPendingLoginExpiresAfterFiveMinutes() {
    LoginResult.PendingLogin pending = ((LoginResult.TotpRequired) auth.login("admin", "admin-password".toCharArray(),
        TERMINAL)).pending();
    clock.advance(AuthenticationService.PENDING_TTL.plusSeconds(1));
    String code = Totp.standard().codeAt(ADMIN_SECRET, clock.instant());

    assertThat(auth.verifyTotp(pending, code)).isEqualTo(new LoginResult.Failure(ErrorCode.LOGIN_FAILED, null));
  }

  @Test
  void administratorWithoutEnrolledFactorCannotFinishLogin() {
    users.insert(new User(0, "admin2", "管理2", Role.ADMIN, hasher.hash("admin2-password".toCharArray()), null, true, 0,
        null, clock.instant()));
    LoginResult first = auth.login("admin2", "admin2-password".toCharArray(), TERMINAL);
    assertThat(first).isInstanceOf(LoginResult.TotpRequired.class);

    LoginResult second = auth.verifyTotp(((LoginResult.TotpRequired) first).pending(), "123456");
    assertThat(second).isEqualTo(new LoginResult.Failure(ErrorCode.TOTP_REQUIRED, null));
  }

  @Test
  void disabledAccountIsRefused() {
    User doctor = users.findByUsername("doctor").orElseThrow();
    users.update(new User(doctor.id(), "doctor", "医師", Role.DOCTOR, doctor.passwordHash(), null, false, 0, null,
        doctor.createdAt()));

    assertThat(auth.login("doctor", "right-password".toCharArray(), TERMINAL))
        .isEqualTo(new LoginResult.Failure(ErrorCode.USER_INACTIVE, null));
  }

  @Test
  void lockAndUnlockAreAuditedAndUnlockNeedsThePassword() {
    Session session = ((LoginResult.Success) auth.login("doctor", "right-password".toCharArray(), TERMINAL)).session();
    auth.lock(session, "idle");
    assertThat(lastAudit().action()).isEqualTo(AuditAction.LOCK);

    assertThat(auth.unlock(session, "wrong-one!".toCharArray())).isInstanceOf(LoginResult.Failure.class);
    assertThat(lastAudit().action()).isEqualTo(AuditAction.UNLOCK_FAILURE);

    LoginResult unlocked = auth.unlock(session, "right-password".toCharArray());
    assertThat(unlocked).isInstanceOf(LoginResult.Success.class);
    assertThat(((LoginResult.Success) unlocked).session().startedAt()).isEqualTo(session.startedAt());
    assertThat(lastAudit().action()).isEqualTo(AuditAction.UNLOCK);

    auth.logout(session);
    assertThat(lastAudit().action()).isEqualTo(AuditAction.LOGOUT);
  }

  @Test
  void everyOutcomeLeavesAnIntactChain() {
    auth.login("doctor", "nope-nope".toCharArray(), TERMINAL);
    auth.login("doctor", "right-password".toCharArray(), TERMINAL);
    auth.login("nobody", "nope-nope".toCharArray(), TERMINAL);

    List<AuditEntry> entries = auditStore.entries();
    assertThat(entries).extracting(AuditEntry::action)
        .containsExactly(AuditAction.LOGIN_FAILURE, AuditAction.LOGIN_SUCCESS, AuditAction.LOGIN_FAILURE);
    assertThat(new jp.tsumugi.app.audit.AuditVerifier(auditStore).verify().intact()).isTrue();
  }

  private AuditEntry lastAudit() {
    List<AuditEntry> entries = auditStore.entries();
    return entries.get(entries.size() - 1);
  }
}
