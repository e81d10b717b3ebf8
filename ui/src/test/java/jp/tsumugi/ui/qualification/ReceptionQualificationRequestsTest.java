package jp.tsumugi.ui.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.insurance.InsuranceForm;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.patient.PatientForm;
import jp.tsumugi.app.patient.RegistrationOutcome;
import jp.tsumugi.app.qualification.PendingRequest;
import jp.tsumugi.app.qualification.RequestState;
import jp.tsumugi.app.reception.QueueEntry;
import jp.tsumugi.app.reception.Reception;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.testing.MutableClock;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.OqsDesk;
import jp.tsumugi.ui.composition.OqsDeskSettings;
import jp.tsumugi.ui.support.DemoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests from reception (docs/adr/0023) on a real encrypted H2 store and a real terminal folder, with a
 * clock the test moves: a check-in with insurance writes one request into req/; no answer within the
 * timeout flags the visit 資格未確認 (as the system actor); a 有効 answer, even late, clears the flag; a 無効
 * answer keeps it; 資格再確認 sends one new request per flagged visit.
 */
class ReceptionQualificationRequestsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path root;
  private MutableClock clock;
  private AppServices services;
  private OqsDesk desk;
  private Path oqs;

  @BeforeEach
  void open() throws IOException {
    StoreLocation location = DemoStore.create(Files.createDirectories(root.resolve("demo")));
    // 10:00 in Tokyo on the day after the demo was made: later than its rows, and far from midnight.
    clock = new MutableClock(java.time.ZonedDateTime.now(DemoStore.CLOCK).plusDays(1).toLocalDate().atTime(10, 0)
        .atZone(ZoneId.of("Asia/Tokyo")).toInstant());
    Clock tokyo = new Clock(clock);
    services = new AppServices(LocalStore.openH2(location, tokyo), tokyo, DemoStore.TERMINAL, true);
    oqs = root.resolve("oqs");
    for (String sub : List.of("req", "res", "face")) {
      Files.createDirectories(oqs.resolve(sub));
    }
    desk = new OqsDesk(services, oqs, new OqsDeskSettings(TIMEOUT, false));
  }

  @AfterEach
  void close() {
    if (desk != null) {
      desk.close();
    }
    if (services != null) {
      services.close();
    }
  }

  /** The mutable clock in Tokyo time (the store and reception read dates from it). */
  private static final class Clock extends java.time.Clock {
    private final MutableClock source;

    Clock(MutableClock source) {
      this.source = source;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("Asia/Tokyo");
    }

    @Override
    public java.time.Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return source.instant();
    }
  }

  private Session clerk() {
    return new Session(services.store().users().findByUsername("clerk").orElseThrow(), "受付1", clock.instant());
  }

  /** A patient born 1988-04-12 with 協会けんぽ 01130012 12345678・{number} (00), checked in with it. */
  private Visit checkInPatient(String givenKana, String number) {
    Session clerk = clerk();
    RegistrationOutcome.Registered registered = (RegistrationOutcome.Registered) services.patientRegistration().register(clerk,
        new PatientForm("紡", "花子", "ツムギ", givenKana, "", "2", "1988-04-12", "", "", "", "", "", "", ""), true);
    long patientId = registered.record().id();
    InsuranceRecord insurance = services.insuranceRegistration().addInsurance(clerk, patientId,
        InsuranceForm.basic("01130012", "12345678", number, "00", true, "2020-04-01"));
    long combination = services.store().insuranceStore().combinationsOfPatient(patientId).stream()
        .filter(c -> c.insuranceId() == insurance.id()).findFirst().orElseThrow().id();
    return services.reception().checkIn(clerk, new Reception.CheckIn(patientId, "内科", null, combination));
  }

  private List<Path> files(String sub) throws IOException {
    try (Stream<Path> s = Files.list(oqs.resolve(sub))) {
      return s.sorted().toList();
    }
  }

  private boolean unverified(Visit visit) {
    return services.reception().unverifiedOn(clerk(), visit.visitDate()).stream().map(QueueEntry::visit).map(Visit::id)
        .anyMatch(id -> id == visit.id());
  }

  /** Two scans a settle time apart: the first sees the file, the second takes it. */
  private void scanTwice() {
    desk.inbox().scanOnce();
    clock.advance(Duration.ofSeconds(2));
    desk.inbox().scanOnce();
  }

  private void answer(PendingRequest request, String fixture, String number) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/qualification/" + fixture)) {
      String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("<InsuredIdentificationNumber>901<", "<InsuredIdentificationNumber>" + number + "<");
      Files.writeString(oqs.resolve("res").resolve(request.resultFileName()), xml, StandardCharsets.UTF_8);
    }
  }

  private List<AuditEntry> audit(AuditAction action) {
    List<AuditEntry> out = new ArrayList<>();
    services.store().auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry e && e.entry().action() == action) {
        out.add(e.entry());
      }
    });
    return out;
  }

  @Test
  void aCheckInWithInsuranceWritesOneRequestForThatInsuranceAndSelfPayWritesNone() throws IOException {
    Visit visit = checkInPatient("ハナコ", "901");

    PendingRequest request = desk.requestNow(visit).orElseThrow();

    assertThat(request.reference()).isEqualTo("visit=" + visit.id());
    assertThat(request.state()).isEqualTo(RequestState.PENDING);
    assertThat(request.deadline()).isEqualTo(clock.instant().plus(TIMEOUT));
    assertThat(files("req")).singleElement().satisfies(file -> {
      assertThat(file.getFileName().toString()).isEqualTo(request.requestFileName()).startsWith("OQSsiquc01req_");
      String xml = new String(Files.readAllBytes(file), java.nio.charset.Charset.forName("Shift_JIS"));
      assertThat(xml).contains("01130012").contains("12345678").contains(">901<").contains("19880412");
    });
    assertThat(request.request().institutionCode()).isEqualTo(services.clinicService().clinic().orElseThrow().claimInstitutionCode());
    assertThat(request.request().limitCertificateConsent()).isFalse();

    Session clerk = clerk();
    RegistrationOutcome.Registered other = (RegistrationOutcome.Registered) services.patientRegistration().register(clerk,
        new PatientForm("紡", "次郎", "ツムギ", "ジロウ", "", "1", "1990-01-02", "", "", "", "", "", "", ""), true);
    Visit selfPay = services.reception().checkIn(clerk, new Reception.CheckIn(other.record().id(), "内科", null, null));
    assertThat(desk.requestNow(selfPay)).isEmpty();
    assertThat(files("req")).hasSize(1);
  }

  @Test
  void noAnswerWithinTheTimeoutFlagsTheVisitAsTheSystemActor() {
    Visit visit = checkInPatient("ハナコ", "901");
    desk.requestNow(visit).orElseThrow();

    clock.advance(TIMEOUT.minusSeconds(1));
    desk.inbox().scanOnce();
    assertThat(unverified(visit)).as("not yet overdue").isFalse();

    clock.advance(Duration.ofSeconds(1));
    assertThat(desk.inbox().scanOnce().timedOut()).isEqualTo(1);

    assertThat(unverified(visit)).isTrue();
    assertThat(audit(AuditAction.RECEPTION_QUALIFICATION_FLAG)).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo("oqs");
      assertThat(e.terminal()).isEqualTo(DemoStore.TERMINAL);
      assertThat(e.detail()).isEqualTo("visit=" + visit.id() + " unverified=true");
    });
  }

  @Test
  void aValidAnswerArrivingAfterTheTimeoutClearsTheFlag() throws IOException {
    Visit visit = checkInPatient("ハナコ", "901");
    PendingRequest request = desk.requestNow(visit).orElseThrow();
    clock.advance(TIMEOUT.plusSeconds(5));
    desk.inbox().scanOnce();
    assertThat(unverified(visit)).isTrue();

    answer(request, "res-specific-disease-gone.xml", "901");
    scanTwice();

    assertThat(files("res")).isEmpty();
    assertThat(unverified(visit)).as("late 有効 answer").isFalse();
    assertThat(services.store().qualificationRequests().findByIdentifier(request.identifier()).orElseThrow().state())
        .isEqualTo(RequestState.ANSWERED);
  }

  @Test
  void aValidAnswerInTimeLeavesTheVisitUnflagged() throws IOException {
    Visit visit = checkInPatient("ハナコ", "901");
    PendingRequest request = desk.requestNow(visit).orElseThrow();

    answer(request, "res-specific-disease-gone.xml", "901");
    scanTwice();
    clock.advance(TIMEOUT.plusSeconds(5));
    desk.inbox().scanOnce();

    assertThat(unverified(visit)).isFalse();
    assertThat(audit(AuditAction.RECEPTION_QUALIFICATION_FLAG)).isEmpty();
  }

  @Test
  void anInvalidAnswerKeepsTheFlag() throws IOException {
    Visit visit = checkInPatient("ハナコ", "901");
    PendingRequest request = desk.requestNow(visit).orElseThrow();
    clock.advance(TIMEOUT.plusSeconds(1));
    desk.inbox().scanOnce();

    answer(request, "res-validity-2-invalid.xml", "901");
    scanTwice();

    assertThat(services.store().qualificationRequests().findByIdentifier(request.identifier()).orElseThrow().state())
        .isEqualTo(RequestState.ANSWERED);
    assertThat(unverified(visit)).as("無効 keeps 資格未確認").isTrue();
  }

  @Test
  void aFolderThatCannotBeWrittenFlagsTheVisitAtOnceAndCheckInStands() throws IOException {
    Visit visit = checkInPatient("ハナコ", "901");
    Files.delete(oqs.resolve("req"));
    Files.writeString(oqs.resolve("req"), "not a folder");

    PendingRequest request = desk.requestNow(visit).orElseThrow();

    assertThat(request.state()).isEqualTo(RequestState.TIMED_OUT);
    assertThat(unverified(visit)).isTrue();
    assertThat(services.reception().todaysQueue(clerk(), visit.visitDate())).anySatisfy(r ->
        assertThat(r.entry().visit().id()).isEqualTo(visit.id()));
  }

  @Test
  void recheckSendsOneNewRequestPerFlaggedVisitOfToday() throws IOException {
    Visit first = checkInPatient("ハナコ", "901");
    Visit second = checkInPatient("ハナエ", "902");
    Visit answered = checkInPatient("ハナミ", "903");
    PendingRequest firstRequest = desk.requestNow(first).orElseThrow();
    desk.requestNow(second).orElseThrow();
    PendingRequest thirdRequest = desk.requestNow(answered).orElseThrow();
    answer(thirdRequest, "res-specific-disease-gone.xml", "903");
    scanTwice();
    clock.advance(TIMEOUT.plusSeconds(1));
    desk.inbox().scanOnce();
    assertThat(List.of(unverified(first), unverified(second), unverified(answered))).containsExactly(true, true, false);
    List<Path> before = files("req");

    List<PendingRequest> sent = desk.recheckToday(clerk());

    assertThat(sent).extracting(PendingRequest::reference).containsExactlyInAnyOrder("visit=" + first.id(), "visit=" + second.id());
    assertThat(sent).extracting(PendingRequest::state).containsOnly(RequestState.PENDING);
    List<Path> now = files("req");
    assertThat(now).hasSize(before.size() + 2);
    assertThat(services.store().qualificationRequests().findByIdentifier(firstRequest.identifier()).orElseThrow().state())
        .as("the timed-out request is superseded").isEqualTo(RequestState.RETRIED);
    assertThat(services.store().qualificationRequests().timedOut()).isEmpty();
    assertThat(audit(AuditAction.QUALIFICATION_RECHECK_REQUESTED)).hasSize(2)
        .allSatisfy(e -> assertThat(e.actor()).isEqualTo("clerk"));

    answer(sent.get(0), "res-specific-disease-gone.xml", sent.get(0).reference().equals("visit=" + first.id()) ? "901" : "902");
    scanTwice();
    assertThat(List.of(unverified(first), unverified(second))).containsOnlyOnce(false);
  }

  @Test
  void theDemosSimulatedTerminalAnswersEveryDemoPatientsCheckInValidAndChangesNothing() {
    desk.close();
    desk = new OqsDesk(services, oqs, new OqsDeskSettings(TIMEOUT, false, true));
    Session clerk = clerk();
    List<Visit> visits = new ArrayList<>();
    List<Long> insurances = new ArrayList<>();
    for (long patientId = 1; visits.size() < 8; patientId++) {
      var choices = services.reception().checkInChoices(clerk, patientId);
      if (choices.isEmpty()) {
        continue;
      }
      var choice = choices.get(0);
      Visit visit = services.reception().checkIn(clerk, new Reception.CheckIn(patientId, "内科", null, choice.combinationId()));
      visits.add(visit);
      desk.requestNow(visit).orElseThrow();
      insurances.add(services.store().insuranceStore().combinationsOfPatient(patientId).stream()
          .filter(c -> c.id() == choice.combinationId()).findFirst().orElseThrow().insuranceId());
    }

    assertThat(desk.simulator().orElseThrow().answerWaiting()).isEqualTo(visits.size());
    scanTwice();
    clock.advance(TIMEOUT.plusSeconds(5));
    desk.inbox().scanOnce();

    assertThat(visits).noneMatch(this::unverified);
    assertThat(services.store().qualificationRequests().pending()).isEmpty();
    for (long insurance : insurances) {
      assertThat(services.store().insuranceStore().insuranceHistory(insurance)).as("insurance %s unchanged", insurance).hasSize(1);
    }
    assertThat(audit(AuditAction.INSURANCE_CHANGED)).as("the answers agree with what the clinic holds").isEmpty();
    assertThat(audit(AuditAction.RECEPTION_QUALIFICATION_FLAG)).isEmpty();
  }
}
