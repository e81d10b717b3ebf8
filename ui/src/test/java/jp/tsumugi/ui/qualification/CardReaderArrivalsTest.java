package jp.tsumugi.ui.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.insurance.InsuranceCombination;
import jp.tsumugi.app.insurance.InsuranceForm;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.patient.PatientForm;
import jp.tsumugi.app.patient.RegistrationOutcome;
import jp.tsumugi.app.qualification.ApplyReport;
import jp.tsumugi.app.qualification.ApplyWarning;
import jp.tsumugi.app.qualification.CardReaderArrivals;
import jp.tsumugi.app.qualification.InboxSource;
import jp.tsumugi.app.qualification.PatientMatchingResultHandler;
import jp.tsumugi.app.qualification.QualificationArrival;
import jp.tsumugi.app.qualification.ResultOrigin;
import jp.tsumugi.app.reception.QueueEntry;
import jp.tsumugi.app.reception.QueueRow;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.sync.qualification.QualificationResultParser;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.support.DemoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Card-reader arrivals at reception (docs/adr/0021) on a real encrypted H2 demo store: which results
 * become arrivals, one-step check-in of a new person and of a known patient, no second check-in, likely
 * duplicates, setting aside with a reason, and warnings at the patient until marked seen.
 */
class CardReaderArrivalsTest {
  private static final LocalDate BIRTH = LocalDate.of(1988, 4, 12);

  @TempDir Path root;
  private AppServices services;
  private CardReaderArrivals arrivals;
  private long ledgerIds;

  @BeforeEach
  void open() throws Exception {
    StoreLocation location = DemoStore.create(Files.createDirectories(root.resolve("demo")));
    services = DemoStore.opener(location).open();
    arrivals = services.cardReaderArrivals();
  }

  @AfterEach
  void close() {
    if (services != null) {
      services.close();
    }
  }

  private Session user(String name) {
    return new Session(services.store().users().findByUsername(name).orElseThrow(), "受付1", DemoStore.CLOCK.instant());
  }

  private LocalDate today() {
    return services.reception().today();
  }

  /** A result handled as the inbox does: through the composed handler, inside one transaction. */
  private ApplyReport arrive(String resource, InboxSource source) throws IOException {
    byte[] bytes;
    try (InputStream in = getClass().getResourceAsStream("/qualification/" + resource)) {
      bytes = in.readAllBytes();
    }
    var result = new QualificationResultParser().parse(bytes);
    long ledgerId = ++ledgerIds;
    return services.store().transactions().inTransaction(() -> services.qualificationHandler(PatientMatchingResultHandler.SYSTEM_ACTOR)
        .apply(result, new ResultOrigin(ledgerId, resource, source)));
  }

  private long registerHanako(boolean insured, String qualifiedOn) {
    Session clerk = user("clerk");
    long patientId = ((RegistrationOutcome.Registered) services.patientRegistration().register(clerk,
        new PatientForm("紡", "花子", "ツムギ", "ハナコ", "", "2", BIRTH.toString(), "", "", "", "", "", "", ""), true)).record().id();
    services.insuranceRegistration().addInsurance(clerk, patientId,
        InsuranceForm.basic("01130012", "12345678", "901", "00", insured, qualifiedOn));
    return patientId;
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

  private List<QueueEntry> queueOf(long patientId) {
    return services.store().visits().queue(today()).stream().filter(e -> e.visit().patientId() == patientId).toList();
  }

  @Test
  void aNewPersonAtTheCardReaderIsListedWithTheProposalsDataAndOneConfirmationRegistersAndChecksIn() throws IOException {
    arrive("face-new-patient-utf8.xml", InboxSource.FACE);

    CardReaderArrivals.Board board = arrivals.board(user("clerk"), today());
    assertThat(board.warnings()).isEmpty();
    CardReaderArrivals.Line line = board.pending().get(0);
    assertThat(board.pending()).hasSize(1);
    assertThat(line.patient()).isEmpty();
    assertThat(line.source()).isEqualTo(InboxSource.FACE);
    assertThat(line.warning()).isEmpty();
    assertThat(line.newPerson()).hasValueSatisfying(p -> {
      assertThat(p.name()).isEqualTo("紡 花子");
      assertThat(p.kana()).isEqualTo("ツムギ ハナコ");
      assertThat(p.birthDate()).isEqualTo(BIRTH);
    });

    CardReaderArrivals.Outcome outcome = arrivals.confirm(user("clerk"),
        new CardReaderArrivals.Confirm(line.arrivalId(), null, "doctor", null, true, false));

    CardReaderArrivals.CheckedIn done = (CardReaderArrivals.CheckedIn) outcome;
    assertThat(done.newPatient()).isTrue();
    assertThat(services.store().patientStore().findRecord(done.patientId()).orElseThrow().patient().givenName()).isEqualTo("花子");
    InsuranceCombination combination = services.store().insuranceStore().findCombination(done.visit().combinationId()).orElseThrow();
    InsuranceRecord insurance = services.store().insuranceStore().findInsurance(combination.insuranceId()).orElseThrow();
    assertThat(insurance.insurance().number()).as("checked in on the card's own insurance").isEqualTo("901");
    assertThat(done.visit().doctor()).isEqualTo("doctor");
    assertThat(queueOf(done.patientId())).singleElement().satisfies(e -> assertThat(e.qualificationUnverified()).isFalse());
    assertThat(arrivals.pending(user("clerk"), today())).isEmpty();
    QualificationArrival stored = services.store().qualificationArrivals().find(line.arrivalId()).orElseThrow();
    assertThat(stored.state()).isEqualTo(QualificationArrival.State.CHECKED_IN);
    assertThat(stored.visitId()).isEqualTo(done.visit().id());
    assertThat(stored.resolvedBy()).isEqualTo("clerk");
    assertThat(audit(AuditAction.QUALIFICATION_ARRIVAL_CONFIRMED)).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo("clerk");
      assertThat(e.target()).isEqualTo(Long.toString(done.patientId()));
      assertThat(e.detail()).doesNotContain("花子").doesNotContain("ハナコ");
    });
    assertThat(audit(AuditAction.PATIENT_CREATED)).anySatisfy(e -> assertThat(e.actor()).isEqualTo("clerk"));
    assertThat(audit(AuditAction.QUALIFICATION_ARRIVALS_READ)).isNotEmpty().allSatisfy(e -> assertThat(e.target())
        .isEqualTo(today().toString()));
    assertThatThrownBy(() -> arrivals.confirm(user("clerk"), CardReaderArrivals.Confirm.withDefaults(line.arrivalId())))
        .isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_ARRIVAL_NOT_PENDING));
  }

  @Test
  void aKnownPatientWhoseCardChangedIsCheckedInOnTheRevisedInsuranceAndNotTwiceWhenTheCardIsReadAgain() throws IOException {
    long patientId = registerHanako(false, "2019-04-01");

    ApplyReport report = arrive("face-new-patient-utf8.xml", InboxSource.FACE);
    assertThat(report.changes()).anyMatch(c -> c.contains(":revision=2:"));
    CardReaderArrivals.Line line = arrivals.pending(user("clerk"), today()).get(0);
    assertThat(line.patient()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(patientId));
    assertThat(line.newPerson()).isEmpty();
    assertThat(line.openVisitToday()).isFalse();

    CardReaderArrivals.CheckedIn done = (CardReaderArrivals.CheckedIn) arrivals.confirm(user("clerk"),
        CardReaderArrivals.Confirm.withDefaults(line.arrivalId()));

    assertThat(done.newPatient()).isFalse();
    assertThat(done.visit().department()).isEqualTo(services.reception().departments().defaultName());
    InsuranceCombination combination = services.store().insuranceStore().findCombination(done.visit().combinationId()).orElseThrow();
    InsuranceRecord insurance = services.store().insuranceStore().findInsurance(combination.insuranceId()).orElseThrow();
    assertThat(insurance.revision()).isEqualTo(2);
    assertThat(insurance.insurance().insured()).isTrue();

    arrive("face-new-patient-utf8.xml", InboxSource.FACE);
    CardReaderArrivals.Line again = arrivals.pending(user("clerk"), today()).get(0);
    assertThat(again.openVisitToday()).isTrue();
    CardReaderArrivals.Outcome second = arrivals.confirm(user("clerk"), CardReaderArrivals.Confirm.withDefaults(again.arrivalId()));
    assertThat(second).isEqualTo(new CardReaderArrivals.AlreadyCheckedIn(again.arrivalId(), patientId,
        done.visit().receptionNumber()));
    assertThat(queueOf(patientId)).hasSize(1);
    assertThat(arrivals.pending(user("clerk"), today())).isEmpty();
  }

  @Test
  void aNewPersonWhoLooksLikeAPatientRegisteredMeanwhileNeedsRegisterAnyway() throws IOException {
    arrive("face-new-patient-utf8.xml", InboxSource.FACE);
    long arrivalId = arrivals.pending(user("clerk"), today()).get(0).arrivalId();
    long byHand = ((RegistrationOutcome.Registered) services.patientRegistration().register(user("clerk"),
        new PatientForm("紡", "花子", "ツムギ", "ハナコ", "", "2", BIRTH.toString(), "", "", "", "", "", "", ""), true)).record().id();

    CardReaderArrivals.Outcome first = arrivals.confirm(user("clerk"), CardReaderArrivals.Confirm.withDefaults(arrivalId));

    assertThat(first).isInstanceOfSatisfying(CardReaderArrivals.LikelyDuplicates.class,
        d -> assertThat(d.candidates()).extracting(c -> c.id()).containsExactly(byHand));
    assertThat(arrivals.pending(user("clerk"), today())).as("nothing written").hasSize(1);
    CardReaderArrivals.Outcome anyway = arrivals.confirm(user("clerk"), CardReaderArrivals.Confirm.withDefaults(arrivalId)
        .registeringAnyway());
    assertThat(anyway).isInstanceOfSatisfying(CardReaderArrivals.CheckedIn.class, c -> assertThat(c.patientId()).isNotEqualTo(byHand));
  }

  @Test
  void anInvalidQualificationWarnsAtThePatientChecksInAsUnverifiedAndStaysUntilMarkedSeen() throws IOException {
    long patientId = registerHanako(true, "2020-04-01");
    String patientNumber = services.store().patientStore().findRecord(patientId).orElseThrow().patient().patientNumber();

    arrive("res-validity-2-invalid.xml", InboxSource.RES);

    CardReaderArrivals.Board board = arrivals.board(user("clerk"), today());
    assertThat(board.pending()).singleElement().satisfies(l -> {
      assertThat(l.warning()).contains(ApplyWarning.QUALIFICATION_INVALID);
      assertThat(l.patient()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(patientId));
    });
    assertThat(board.warnings()).singleElement().satisfies(w -> {
      assertThat(w.patientNumber()).isEqualTo(patientNumber);
      assertThat(w.warning()).isEqualTo(ApplyWarning.QUALIFICATION_INVALID);
    });

    CardReaderArrivals.CheckedIn done = (CardReaderArrivals.CheckedIn) arrivals.confirm(user("clerk"),
        CardReaderArrivals.Confirm.withDefaults(board.pending().get(0).arrivalId()));

    assertThat(queueOf(patientId)).singleElement().satisfies(e -> assertThat(e.qualificationUnverified()).isTrue());
    assertThat(done.visit().combinationId()).as("the last verified insurance").isNotNull();
    assertThat(arrivals.board(user("clerk"), today()).warnings()).as("still open after check-in").hasSize(1);
    assertThat(arrivals.markWarningsSeen(user("nurse"), patientId, today())).isEqualTo(1);
    assertThat(arrivals.markWarningsSeen(user("nurse"), patientId, today())).isZero();
    assertThat(arrivals.board(user("clerk"), today()).warnings()).isEmpty();
    assertThat(audit(AuditAction.QUALIFICATION_WARNING_SEEN)).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo("nurse");
      assertThat(e.target()).isEqualTo(Long.toString(patientId));
    });
    List<QueueRow> queue = services.reception().todaysQueue(user("clerk"), today());
    assertThat(queue).hasSize(1);
  }

  @Test
  void aNewerQualificationForAPatientAlreadyInTheQueueFlagsTheOpenVisitUnverifiedInsteadOfCheckingInAgain() throws IOException {
    long patientId = registerHanako(true, "2020-04-01");
    long visitId = services.reception().checkIn(user("clerk"), new jp.tsumugi.app.reception.Reception.CheckIn(patientId, null, null,
        null)).id();
    arrive("res-validity-3-newer.xml", InboxSource.RES);
    CardReaderArrivals.Line line = arrivals.pending(user("clerk"), today()).get(0);
    assertThat(line.openVisitToday()).isTrue();

    CardReaderArrivals.Outcome outcome = arrivals.confirm(user("clerk"), CardReaderArrivals.Confirm.withDefaults(line.arrivalId()));

    assertThat(outcome).isInstanceOf(CardReaderArrivals.AlreadyCheckedIn.class);
    assertThat(queueOf(patientId)).singleElement().satisfies(e -> {
      assertThat(e.visit().id()).isEqualTo(visitId);
      assertThat(e.qualificationUnverified()).isTrue();
    });
    assertThat(services.store().qualificationArrivals().find(line.arrivalId()).orElseThrow().visitId()).isEqualTo(visitId);
  }

  @Test
  void aValidAnswerToARequestNeedsNobodyAndRecordsNoArrival() throws IOException {
    registerHanako(true, "2020-04-01");
    arrive("res-validity-1-valid.xml", InboxSource.RES);
    assertThat(services.store().qualificationArrivals().token(0, Long.MAX_VALUE).created()).isZero();
  }

  @Test
  void anArrivalWithNobodyToCheckInIsSetAsideWithAReason() throws IOException {
    arrive("res-validity-4-not-found.xml", InboxSource.RES);
    CardReaderArrivals.Line line = arrivals.pending(user("clerk"), today()).get(0);
    assertThat(line.warning()).contains(ApplyWarning.QUALIFICATION_NOT_FOUND);
    assertThat(line.patient()).isEmpty();
    assertThat(line.newPerson()).isEmpty();

    assertThatThrownBy(() -> arrivals.confirm(user("clerk"), CardReaderArrivals.Confirm.withDefaults(line.arrivalId())))
        .isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_ARRIVAL_NO_PATIENT));
    assertThatThrownBy(() -> arrivals.dismiss(user("clerk"), line.arrivalId(), "  "))
        .isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_ARRIVAL_REASON_REQUIRED));
    assertThatThrownBy(() -> arrivals.dismiss(user("clerk"), line.arrivalId(), "x".repeat(201)))
        .isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_ARRIVAL_REASON_REQUIRED));

    arrivals.dismiss(user("clerk"), line.arrivalId(), "保険証で手入力済み");

    assertThat(arrivals.pending(user("clerk"), today())).isEmpty();
    QualificationArrival stored = services.store().qualificationArrivals().find(line.arrivalId()).orElseThrow();
    assertThat(stored.state()).isEqualTo(QualificationArrival.State.DISMISSED);
    assertThat(stored.reason()).isEqualTo("保険証で手入力済み");
    assertThat(audit(AuditAction.QUALIFICATION_ARRIVAL_DISMISSED)).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo("clerk");
      assertThat(e.detail()).doesNotContain("保険証");
    });
    assertThatThrownBy(() -> arrivals.dismiss(user("clerk"), line.arrivalId(), "again"))
        .isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_ARRIVAL_NOT_PENDING));
  }
}
