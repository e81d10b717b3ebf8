package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditChain;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditVerifier;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.clinic.Clinic;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.insurance.Insurance;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store must do, run against H2 and PostgreSQL by the subclasses. */
abstract class StoreContractTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:02:03.456Z"), ZoneId.of("Asia/Tokyo"));
  protected LocalStore store;

  abstract LocalStore openStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openStore();
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void migrationsBringTheSchemaToTheLatestVersion() {
    assertThat(store.schemaVersion()).isEqualTo(StoreTestAccess.latestMigrationVersion());
    assertThat(store.outbox().pendingCount()).isZero();
  }

  @Test
  void usersRoundTripIncludingSecretAndLockout() {
    byte[] secret = {1, 2, 3, (byte) 0xfe};
    User saved = store.users().insert(new User(0, "sato", "佐藤 花子", Role.DOCTOR, "$argon2id$x", secret, true, 0, null,
        CLOCK.instant()));
    assertThat(saved.id()).isPositive();
    Instant lockedUntil = Instant.parse("2026-11-25T02:00:00Z");
    store.users().update(saved.withFailures(5, lockedUntil).withRole(Role.ADMIN));
    User read = store.users().findByUsername("sato").orElseThrow();
    assertThat(read.displayName()).isEqualTo("佐藤 花子");
    assertThat(read.role()).isEqualTo(Role.ADMIN);
    assertThat(read.totpSecret()).containsExactly(1, 2, 3, 0xfe);
    assertThat(read.failedAttempts()).isEqualTo(5);
    assertThat(read.lockedUntil()).isEqualTo(lockedUntil);
    assertThat(store.users().count()).isEqualTo(1);
    assertThatThrownBy(() -> store.users().insert(new User(0, "sato", "x", Role.CLERK, "h", null, true, 0, null,
        CLOCK.instant()))).isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.USERNAME_TAKEN));
  }

  @Test
  void theClinicIsOneRowThatSaveReplaces() {
    assertThat(store.clinics().find()).isEmpty();
    Clinic first = new Clinic("1234567", "13", "紡クリニック", "160-0022", "東京都新宿区1-1", "03-1234-5678", "1", 5);
    store.clinics().save(first);
    Clinic second = new Clinic("7654321", "27", "紡内科", "530-0001", "大阪府大阪市北区1-1", "06-1234-5678", "1", 10);
    store.clinics().save(second);
    assertThat(store.clinics().find()).contains(second);
  }

  @Test
  void patientsAndTheirInsuranceRoundTrip() {
    Patient p = store.patients().insert(new Patient(0, "000001", "髙橋", "𠮷子", "タカハシ", "ヨシコ", Sex.FEMALE,
        LocalDate.of(1966, 5, 26), "160-0022", "東京都", "03-0000-0000"));
    store.patients().insertInsurance(new Insurance(0, p.id(), "01130012", "記号", "123", "01", false,
        LocalDate.of(2020, 4, 1), null));
    assertThat(store.patients().findById(p.id())).contains(p);
    List<Insurance> insurances = store.patients().insurancesOf(p.id());
    assertThat(insurances).singleElement().satisfies(i -> {
      assertThat(i.insurerNumber()).isEqualTo("01130012");
      assertThat(i.branch()).isEqualTo("01");
      assertThat(i.validFrom()).isEqualTo(LocalDate.of(2020, 4, 1));
      assertThat(i.validTo()).isNull();
    });
    assertThat(store.patients().count()).isEqualTo(1);
  }

  @Test
  void auditAppendsChainAndATakenSequenceIsRefusedNotOverwritten() {
    HashChainedAuditLog log = new HashChainedAuditLog(store.auditEntries(), CLOCK);
    for (int i = 0; i < 20; i++) {
      log.record(new AuditEvent("admin", "t1", AuditAction.LOGIN_SUCCESS, "admin", "n=" + i));
    }
    AuditEntry last = store.auditEntries().last().orElseThrow();
    assertThat(last.sequence()).isEqualTo(20);
    assertThat(last.instant()).isEqualTo(CLOCK.instant());
    AuditEntry clash = AuditChain.next(store.auditEntries().last().orElseThrow(), CLOCK.instant(),
        new AuditEvent("x", "t2", AuditAction.LOGOUT, "", ""));
    AuditEntry sameSequence = new AuditEntry(20, clash.instant(), "x", "t2", AuditAction.LOGOUT, "", "", clash.previousHash(),
        clash.hash());
    assertThat(store.auditEntries().tryAppend(sameSequence)).isFalse();
    // Inside a transaction too (PostgreSQL aborts a transaction on a failed statement unless saved).
    boolean inTx = store.transactions().inTransaction(() -> {
      boolean first = store.auditEntries().tryAppend(sameSequence);
      log.record(new AuditEvent("admin", "t1", AuditAction.LOGOUT, "admin", ""));
      return first;
    });
    assertThat(inTx).isFalse();
    assertThat(store.auditEntries().count()).isEqualTo(21);
    assertThat(new AuditVerifier(store.auditEntries()).verify().intact()).isTrue();
  }

  @Test
  void aFailedTransactionLeavesNothingBehind() {
    assertThatThrownBy(() -> store.transactions().run(() -> {
      store.clinics().save(new Clinic("1234567", "13", "紡", "160-0022", "東京都", "03-1234-5678", "1", 5));
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(store.clinics().find()).isEmpty();
  }

  @Test
  void afterCommitActionsRunOnceTheOutermostTransactionCommittedAndNeverAfterARollback() {
    List<String> ran = new ArrayList<>();
    store.transactions().run(() -> {
      store.transactions().run(() -> store.transactions().afterCommit(() -> ran.add("inner")));
      assertThat(ran).as("the inner transaction has not committed anything yet").isEmpty();
      store.transactions().afterCommit(() -> ran.add("outer"));
    });
    assertThat(ran).containsExactly("inner", "outer");
    assertThatThrownBy(() -> store.transactions().run(() -> {
      store.transactions().afterCommit(() -> ran.add("undone"));
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class);
    store.transactions().afterCommit(() -> ran.add("no transaction"));
    assertThat(ran).containsExactly("inner", "outer", "no transaction");
  }
}
