package jp.tsumugi.app.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.testing.DirectTransactions;
import jp.tsumugi.app.testing.InMemoryPatientRepository;
import jp.tsumugi.app.testing.InMemoryUserRepository;
import jp.tsumugi.app.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceptionTest {
  /** 2026-11-25 09:00 in Tokyo. */
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T00:00:00Z"));
  private final InMemoryVisitRepository visits = new InMemoryVisitRepository();
  private final InMemoryPatientRepository patients = new InMemoryPatientRepository();
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final List<AuditEvent> audit = new ArrayList<>();
  private final Map<Long, Long> validCombination = new HashMap<>();
  private Reception reception;
  private Session clerk;
  private Session doctor;
  private Session nurse;
  private long yamada;
  private long suzuki;

  @BeforeEach
  void setUp() {
    User clerkUser = users.insert(user("clerk", Role.CLERK, true));
    User doctorUser = users.insert(user("doctor", Role.DOCTOR, true));
    User nurseUser = users.insert(user("nurse", Role.NURSE, true));
    users.insert(user("retired", Role.DOCTOR, false));
    clerk = new Session(clerkUser, "受付1", clock.instant());
    doctor = new Session(doctorUser, "診察室", clock.instant());
    nurse = new Session(nurseUser, "処置室", clock.instant());
    yamada = patients.insert(patient("000001", "山田", "ヤマダ")).id();
    suzuki = patients.insert(patient("000002", "鈴木", "スズキ")).id();
    validCombination.put(yamada, 501L);
    PatientLookup lookup = new PatientLookup() {
      @Override
      public List<PatientSummary> search(String text, int limit) {
        return List.of();
      }

      @Override
      public Map<Long, PatientSummary> byIds(Collection<Long> ids) {
        Map<Long, PatientSummary> out = new HashMap<>();
        ids.forEach(id -> patients.findById(id).ifPresent(p -> out.put(id, new PatientSummary(p.id(), p.patientNumber(),
            p.familyName(), p.familyKana(), p.sex(), p.birthDate()))));
        return out;
      }
    };
    CombinationCheck check = (patientId, combinationId, date) -> Long.valueOf(combinationId).equals(validCombination.get(patientId))
        && !date.isAfter(LocalDate.of(2026, 12, 31));
    CombinationChoices choices = (patientId, date) -> validCombination.containsKey(patientId)
        ? List.of(new CombinationChoices.Choice(validCombination.get(patientId), "06132294 記号・番号")) : List.of();
    reception = new Reception(visits, patients, lookup, users, check, choices, new Departments(List.of("内科", "小児科")), audit::add,
        new DirectTransactions(), clock);
  }

  private static User user(String name, Role role, boolean active) {
    return new User(0, name, name, role, "hash", null, active, 0, null, Instant.EPOCH);
  }

  private static Patient patient(String number, String family, String kana) {
    return new Patient(0, number, family, "太郎", kana, "タロウ", Sex.MALE, LocalDate.of(1966, 5, 26), null, null, null);
  }

  private static void assertCode(Runnable action, ErrorCode code) {
    assertThatThrownBy(action::run).isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
  }

  @Test
  void checkInAssignsReceptionNumbersOneTwoThreeAndStartsAsCheckedIn() {
    Visit first = reception.checkIn(clerk, new Reception.CheckIn(yamada, "内科", "doctor", 501L));
    Visit second = reception.checkIn(clerk, new Reception.CheckIn(suzuki, "小児科", null, null));
    assertThat(first.receptionNumber()).isEqualTo(1);
    assertThat(second.receptionNumber()).isEqualTo(2);
    assertThat(first.visitDate()).isEqualTo(LocalDate.of(2026, 11, 25));
    assertThat(second.selfPay()).isTrue();
    List<QueueRow> queue = reception.todaysQueue(clerk, reception.today());
    assertThat(queue).extracting(r -> r.patient().patientNumber()).containsExactly("000001", "000002");
    assertThat(queue).allSatisfy(r -> assertThat(r.entry().status()).isEqualTo(VisitStatus.CHECKED_IN));
    assertThat(queue.get(0).entry().latest().user()).isEqualTo("clerk");
    assertThat(queue.get(0).entry().latest().terminal()).isEqualTo("受付1");
    assertThat(queue.get(0).insuranceLabel()).isEqualTo("06132294 記号・番号");
    assertThat(queue.get(1).insuranceLabel()).isEmpty();
  }

  @Test
  void anEmptyDepartmentMeansTheDefaultOne() {
    Visit v = reception.checkIn(clerk, new Reception.CheckIn(yamada, " ", null, null));
    assertThat(v.department()).isEqualTo("内科");
  }

  @Test
  void receptionNumbersStartAgainAtOneTheNextDay() {
    reception.checkIn(clerk, new Reception.CheckIn(yamada, "内科", null, null));
    clock.advance(Duration.ofDays(1));
    Visit nextDay = reception.checkIn(clerk, new Reception.CheckIn(yamada, "内科", null, null));
    assertThat(nextDay.receptionNumber()).isEqualTo(1);
  }

  @Test
  void aVisitWalksTheWholeWayWithEachChangeKeptAndAudited() {
    Visit v = reception.checkIn(clerk, new Reception.CheckIn(yamada, "内科", "doctor", 501L));
    clock.advance(Duration.ofMinutes(5));
    reception.changeStatus(doctor, v.id(), VisitStatus.IN_CONSULTATION);
    reception.advance(doctor, v.id());
    QueueEntry paid = reception.advance(clerk, v.id());
    assertThat(paid.status()).isEqualTo(VisitStatus.PAID);
    assertThat(reception.history(clerk, v.id())).extracting(StatusChange::status, StatusChange::user, StatusChange::sequence)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(VisitStatus.CHECKED_IN, "clerk", 1),
            org.assertj.core.groups.Tuple.tuple(VisitStatus.IN_CONSULTATION, "doctor", 2),
            org.assertj.core.groups.Tuple.tuple(VisitStatus.AWAITING_PAYMENT, "doctor", 3),
            org.assertj.core.groups.Tuple.tuple(VisitStatus.PAID, "clerk", 4));
    assertThat(audit).filteredOn(e -> e.action() == AuditAction.RECEPTION_STATUS_CHANGED || e.action() == AuditAction.RECEPTION_CHECKED_IN)
        .extracting(AuditEvent::target).containsExactly("" + yamada, "" + yamada, "" + yamada, "" + yamada);
    assertThat(audit).filteredOn(e -> e.action() == AuditAction.RECEPTION_STATUS_CHANGED).extracting(AuditEvent::detail)
        .containsExactly("visit=1 CHECKED_IN->IN_CONSULTATION", "visit=1 IN_CONSULTATION->AWAITING_PAYMENT",
            "visit=1 AWAITING_PAYMENT->PAID");
  }

  @ParameterizedTest(name = "{0}: {1} -> {2} refused")
  @CsvSource(textBlock = """
      # no skipping consultation
      skip, CHECKED_IN, AWAITING_PAYMENT
      # no skipping to paid
      skip2, CHECKED_IN, PAID
      # backwards is not a transition
      back, IN_CONSULTATION, CHECKED_IN
      # a paid visit is final
      final, PAID, IN_CONSULTATION
      """)
  void invalidTransitionsAreRefusedAndSaveNothing(String name, VisitStatus from, VisitStatus to) {
    Visit v = reception.checkIn(clerk, new Reception.CheckIn(yamada, "内科", null, null));
    for (VisitStatus s = VisitStatus.CHECKED_IN; s != from; s = s.forward()) {
      reception.advance(clerk, v.id());
    }
    int rows = visits.statusRows();
    int audited = audit.size();
    assertCode(() -> reception.changeStatus(clerk, v.id(), to), ErrorCode.VISIT_TRANSITION_INVALID);
    assertThat(visits.statusRows()).isEqualTo(rows);
    assertThat(audit).hasSize(audited);
  }

  @Test
  void cancellingNeedsAReasonAndOnlyWorksBeforePayment() {
    Visit v = reception.checkIn(clerk, new Reception.CheckIn(yamada, "内科", null, null));
    assertCode(() -> reception.cancel(clerk, v.id(), "  "), ErrorCode.VISIT_CANCEL_REASON_REQUIRED);
    assertCode(() -> reception.cancel(clerk, v.id(), "x".repeat(201)), ErrorCode.VISIT_CANCEL_REASON_REQUIRED);
    assertCode(() -> reception.changeStatus(clerk, v.id(), VisitStatus.CANCELLED), ErrorCode.VISIT_CANCEL_REASON_REQUIRED);
    reception.advance(clerk, v.id());
    QueueEntry cancelled = reception.cancel(clerk, v.id(), "急用のため帰宅");
    assertThat(cancelled.status()).isEqualTo(VisitStatus.CANCELLED);
    assertThat(cancelled.latest().reason()).isEqualTo("急用のため帰宅");
    AuditEvent last = audit.get(audit.size() - 1);
    assertThat(last.action()).isEqualTo(AuditAction.RECEPTION_CANCELLED);
    assertThat(last.detail()).doesNotContain("急用");

    Visit other = reception.checkIn(clerk, new Reception.CheckIn(suzuki, "内科", null, null));
    reception.advance(clerk, other.id());
    reception.advance(clerk, other.id());
    assertCode(() -> reception.cancel(clerk, other.id(), "間違い"), ErrorCode.VISIT_TRANSITION_INVALID);
  }

  @Test
  void aCancelledPatientMayCheckInAgainButAnOpenOneMayNot() {
    Visit v = reception.checkIn(clerk, new Reception.CheckIn(yamada, "内科", null, null));
    assertCode(() -> reception.checkIn(clerk, new Reception.CheckIn(yamada, "内科", null, null)),
        ErrorCode.RECEPTION_ALREADY_CHECKED_IN);
    reception.cancel(clerk, v.id(), "保険証忘れ");
    Visit again = reception.checkIn(clerk, new Reception.CheckIn(yamada, "内科", null, null));
    assertThat(again.receptionNumber()).isEqualTo(2);
  }

  @Test
  void doctorsMayNotTakePaymentButClerksMay() {
    Visit v = reception.checkIn(clerk, new Reception.CheckIn(yamada, "内科", null, null));
    reception.advance(doctor, v.id());
    reception.advance(nurse, v.id());
    assertCode(() -> reception.advance(doctor, v.id()), ErrorCode.NOT_PERMITTED);
    assertThat(reception.advance(clerk, v.id()).status()).isEqualTo(VisitStatus.PAID);
  }

  @Test
  void badCheckInsAreRefusedWithTheirOwnCodeAndSaveNothing() {
    assertCode(() -> reception.checkIn(clerk, new Reception.CheckIn(999, "内科", null, null)), ErrorCode.RECEPTION_PATIENT_UNKNOWN);
    assertCode(() -> reception.checkIn(clerk, new Reception.CheckIn(yamada, "眼科", null, null)),
        ErrorCode.RECEPTION_DEPARTMENT_UNKNOWN);
    assertCode(() -> reception.checkIn(clerk, new Reception.CheckIn(yamada, "内科", "clerk", null)),
        ErrorCode.RECEPTION_DOCTOR_INVALID);
    assertCode(() -> reception.checkIn(clerk, new Reception.CheckIn(yamada, "内科", "retired", null)),
        ErrorCode.RECEPTION_DOCTOR_INVALID);
    assertCode(() -> reception.checkIn(clerk, new Reception.CheckIn(yamada, "内科", null, 502L)),
        ErrorCode.RECEPTION_COMBINATION_INVALID);
    assertCode(() -> reception.checkIn(clerk, new Reception.CheckIn(suzuki, "内科", null, 501L)),
        ErrorCode.RECEPTION_COMBINATION_INVALID);
    assertThat(visits.visitRows()).isZero();
    assertThat(audit).isEmpty();
  }

  @Test
  void aCombinationIsCheckedOnTheVisitDate() {
    clock.set(Instant.parse("2027-01-05T00:00:00Z"));
    assertCode(() -> reception.checkIn(clerk, new Reception.CheckIn(yamada, "内科", null, 501L)),
        ErrorCode.RECEPTION_COMBINATION_INVALID);
  }

  @Test
  void aStaleChangeFromAnotherTerminalIsRefused() {
    Visit v = reception.checkIn(clerk, new Reception.CheckIn(yamada, "内科", null, null));
    StatusChange late = new StatusChange(0, v.id(), 1, VisitStatus.IN_CONSULTATION, "", "x", "t", clock.instant());
    assertThat(visits.appendStatus(late)).isFalse();
  }

  @Test
  void theQualificationFlagIsSetAndClearedAsNewRowsAndMovesTheChangeToken() {
    Visit v = reception.checkIn(clerk, new Reception.CheckIn(yamada, "内科", null, null));
    ChangeToken before = reception.changeToken(reception.today());
    QueueEntry flagged = reception.markQualificationUnverified(clerk, v.id(), true);
    assertThat(flagged.qualificationUnverified()).isTrue();
    assertThat(reception.unverifiedOn(clerk, reception.today())).extracting(e -> e.visit().id()).containsExactly(v.id());
    ChangeToken afterSet = reception.changeToken(reception.today());
    assertThat(afterSet).isNotEqualTo(before);
    reception.markQualificationUnverified(clerk, v.id(), true);
    assertThat(reception.changeToken(reception.today())).isEqualTo(afterSet);
    assertThat(reception.markQualificationUnverified(clerk, v.id(), false).qualificationUnverified()).isFalse();
    assertThat(audit).filteredOn(e -> e.action() == AuditAction.RECEPTION_QUALIFICATION_FLAG).hasSize(2);
  }

  @Test
  void unknownVisitsAndMissingPermissionAreRefused() {
    assertCode(() -> reception.advance(clerk, 42), ErrorCode.VISIT_NOT_FOUND);
    assertCode(() -> reception.cancel(clerk, 42, "理由"), ErrorCode.VISIT_NOT_FOUND);
  }

  @Test
  void checkInChoicesAreAuditedAsAReadOfThatPatient() {
    assertThat(reception.checkInChoices(clerk, yamada)).extracting(CombinationChoices.Choice::combinationId).containsExactly(501L);
    assertThat(audit).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo(AuditAction.PATIENT_READ);
      assertThat(e.target()).isEqualTo(Long.toString(yamada));
    });
  }

  @Test
  void onlyActiveDoctorsAreOffered() {
    assertThat(reception.doctors(clerk)).extracting(Reception.Doctor::username).containsExactly("doctor");
  }
}
