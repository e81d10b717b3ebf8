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
import jp.tsumugi.app.insurance.InsuranceForm;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.InsuranceStore;
import jp.tsumugi.app.patient.PatientForm;
import jp.tsumugi.app.patient.PatientRecord;
import jp.tsumugi.app.patient.RegistrationOutcome;
import jp.tsumugi.app.qualification.ApplyReport;
import jp.tsumugi.app.qualification.ApplyWarning;
import jp.tsumugi.app.qualification.ConsentKind;
import jp.tsumugi.app.qualification.ConsentRecord;
import jp.tsumugi.app.qualification.ConsentState;
import jp.tsumugi.app.qualification.PatientMatchingResultHandler;
import jp.tsumugi.app.qualification.ProposalConfirmation;
import jp.tsumugi.app.qualification.QualificationRequestEvents;
import jp.tsumugi.app.qualification.RegistrationProposal;
import jp.tsumugi.app.reception.QueueRow;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.sync.qualification.InboxSettings;
import jp.tsumugi.sync.qualification.ResultFileProcessor;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.support.DemoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, acceptance 2, on a real encrypted H2 demo store: a face/ result for a new patient ends as a
 * pre-filled registration plus a reception entry after one confirmation; one for an existing patient whose
 * insurance changed ends as a new insurance revision with the old one kept; both audited.
 */
class QualificationApplyEndToEndTest {
  private static final LocalDate BIRTH = LocalDate.of(1988, 4, 12);

  @TempDir Path root;
  private AppServices services;
  private ResultFileProcessor processor;

  @BeforeEach
  void open() throws Exception {
    StoreLocation location = DemoStore.create(Files.createDirectories(root.resolve("demo")));
    services = DemoStore.opener(location).open();
    processor = services.qualificationProcessor(PatientMatchingResultHandler.SYSTEM_ACTOR, QualificationRequestEvents.NONE,
        InboxSettings.DEFAULT);
  }

  @AfterEach
  void close() {
    if (services != null) {
      services.close();
    }
  }

  private Session clerk() {
    return new Session(services.store().users().findByUsername("clerk").orElseThrow(), "受付1", DemoStore.CLOCK.instant());
  }

  private Path fixture(String resource, String asName) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/qualification/" + resource)) {
      Path file = root.resolve(asName);
      Files.write(file, in.readAllBytes());
      return file;
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

  private List<PatientRecord> hanakos() {
    return services.store().patientStore().bornOn(BIRTH).stream().filter(r -> r.patient().givenKana().equals("ハナコ")).toList();
  }

  @Test
  void aNewPatientBecomesAProposalAndOneConfirmationRegistersInsuresAndChecksIn() throws IOException {
    assertThat(hanakos()).isEmpty();
    ResultFileProcessor.Outcome outcome = processor.ingest(fixture("face-new-patient-utf8.xml", "face-new.xml"));

    assertThat(outcome.kind()).isEqualTo(ResultFileProcessor.Kind.APPLIED);
    ApplyReport report = outcome.report().orElseThrow();
    assertThat(report.patientId()).isEmpty();
    assertThat(report.warnings()).isEmpty();
    long proposalId = report.proposalId().orElseThrow();
    assertThat(hanakos()).as("no patient is registered before staff confirm").isEmpty();
    RegistrationProposal proposal = services.store().qualificationApplyStore().findProposal(proposalId).orElseThrow();
    assertThat(proposal.state()).isEqualTo(RegistrationProposal.State.PENDING);
    assertThat(List.of(proposal.familyName(), proposal.givenName(), proposal.familyKana(), proposal.givenKana(), proposal.sexCode()))
        .containsExactly("紡", "花子", "ツムギ", "ハナコ", "2");
    assertThat(proposal.insurerNumber() + "/" + proposal.symbol() + "/" + proposal.number() + "/" + proposal.branch())
        .isEqualTo("01130012/12345678/901/00");
    assertThat(audit(AuditAction.QUALIFICATION_PROPOSAL_CREATED)).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("oqs"));

    ProposalConfirmation.Outcome confirmed = services.proposalConfirmation().confirmProposal(clerk(), proposalId, false, true);

    ProposalConfirmation.Confirmed done = (ProposalConfirmation.Confirmed) confirmed;
    PatientRecord patient = services.store().patientStore().findRecord(done.patientId()).orElseThrow();
    assertThat(patient.patient().familyName() + patient.patient().givenName()).isEqualTo("紡花子");
    assertThat(patient.patient().birthDate()).isEqualTo(BIRTH);
    assertThat(patient.patient().postalCode()).isNotEmpty();
    InsuranceRecord insurance = services.store().insuranceStore().findInsurance(done.insuranceId()).orElseThrow();
    assertThat(insurance.insurance().patientId()).isEqualTo(done.patientId());
    assertThat(insurance.insurance().number()).isEqualTo("901");
    assertThat(insurance.insurance().insured()).isTrue();
    assertThat(insurance.insurance().validFrom()).isEqualTo(LocalDate.of(2020, 4, 1));
    List<QueueRow> queue = services.reception().todaysQueue(clerk(), services.reception().today());
    assertThat(queue).filteredOn(r -> r.entry().visit().patientId() == done.patientId()).singleElement()
        .satisfies(r -> assertThat(r.entry().visit().combinationId()).isEqualTo(done.combinationId()));
    assertThat(services.store().qualificationApplyStore().findProposal(proposalId).orElseThrow().state())
        .isEqualTo(RegistrationProposal.State.DONE);
    for (AuditAction action : List.of(AuditAction.PATIENT_CREATED, AuditAction.INSURANCE_CREATED,
        AuditAction.QUALIFICATION_PROPOSAL_CONFIRMED, AuditAction.RECEPTION_CHECKED_IN)) {
      assertThat(audit(action)).as(action.name())
          .anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("clerk");
            assertThat(e.target()).isEqualTo(Long.toString(done.patientId()));
          });
    }
    assertThatThrownBy(() -> services.proposalConfirmation().confirmProposal(clerk(), proposalId, false, true))
        .isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_PROPOSAL_NOT_FOUND));
    assertThat(hanakos()).hasSize(1);
  }

  @Test
  void theSameFileOrTheSameCardAgainMakesNoSecondProposal() throws IOException {
    Path file = fixture("face-new-patient-utf8.xml", "face-new.xml");
    processor.ingest(file);
    assertThat(processor.ingest(file).kind()).isEqualTo(ResultFileProcessor.Kind.ALREADY_APPLIED);
    assertThat(services.store().qualificationApplyStore().pendingProposals()).hasSize(1);
    ApplyReport readAgain = processor.ingest(fixture("face-new-patient-utf8.xml", "face-new-again.xml")).report().orElseThrow();
    assertThat(services.store().qualificationApplyStore().pendingProposals()).as("the card read again before confirmation")
        .singleElement().satisfies(p -> assertThat(readAgain.proposalId()).hasValue(p.id()));
    assertThat(audit(AuditAction.QUALIFICATION_PROPOSAL_CREATED)).hasSize(1);
  }

  @Test
  void anExistingPatientWhoseInsuranceChangedGetsANewRevisionAndKeepsTheOldOne() throws IOException {
    Session clerk = clerk();
    RegistrationOutcome.Registered registered = (RegistrationOutcome.Registered) services.patientRegistration().register(clerk,
        new PatientForm("紡", "花子", "ツムギ", "ハナコ", "", "2", "1988-04-12", "", "", "", "", "", "", ""), true);
    long patientId = registered.record().id();
    InsuranceRecord before = services.insuranceRegistration().addInsurance(clerk, patientId,
        InsuranceForm.basic("01130012", "12345678", "901", "00", false, "2019-04-01"));

    ResultFileProcessor.Outcome outcome = processor.ingest(fixture("face-new-patient-utf8.xml", "face-existing.xml"));

    ApplyReport report = outcome.report().orElseThrow();
    assertThat(report.patientId()).isEqualTo(Long.toString(patientId));
    assertThat(report.proposalId()).isEmpty();
    assertThat(report.changes()).contains("insurance=" + before.id() + ":revision=2:insured+validity");
    InsuranceStore insurances = services.store().insuranceStore();
    InsuranceRecord now = insurances.findInsurance(before.id()).orElseThrow();
    assertThat(now.revision()).isEqualTo(2);
    assertThat(now.insurance().insured()).isTrue();
    assertThat(now.insurance().validFrom()).isEqualTo(LocalDate.of(2020, 4, 1));
    List<InsuranceStore.Revision<InsuranceRecord>> history = insurances.insuranceHistory(before.id());
    assertThat(history).hasSize(2);
    assertThat(history).anySatisfy(r -> {
      assertThat(r.state().revision()).isEqualTo(1);
      assertThat(r.state().insurance().insured()).isFalse();
      assertThat(r.state().insurance().validFrom()).isEqualTo(LocalDate.of(2019, 4, 1));
    });
    assertThat(history).anySatisfy(r -> {
      assertThat(r.state().revision()).isEqualTo(2);
      assertThat(r.author()).isEqualTo("oqs");
    });
    assertThat(insurances.insurancesOfPatient(patientId)).hasSize(1);
    assertThat(audit(AuditAction.INSURANCE_CHANGED)).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo("oqs");
      assertThat(e.target()).isEqualTo(Long.toString(patientId));
    });
    assertThat(audit(AuditAction.QUALIFICATION_RESULT_APPLIED)).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo("oqs");
      assertThat(e.target()).isEqualTo(Long.toString(patientId));
      assertThat(e.detail()).doesNotContain("ハナコ").doesNotContain("花子");
    });
    List<ConsentRecord> consents = services.store().qualificationApplyStore().consentsOf(patientId);
    assertThat(consents).extracting(ConsentRecord::kind)
        .containsExactlyInAnyOrder(ConsentKind.PHARMACY, ConsentKind.DIAGNOSIS, ConsentKind.HEALTH_CHECKUPS, ConsentKind.OPERATION);
    assertThat(consents).allSatisfy(c -> {
      assertThat(c.consent().state()).isEqualTo(ConsentState.GIVEN);
      assertThat(c.consent().consentedAt()).hasValue(LocalDate.of(2026, 11, 25).atTime(9, 30, 10));
    });

    ApplyReport again = processor.ingest(fixture("face-new-patient-utf8.xml", "face-existing-2.xml")).report().orElseThrow();
    assertThat(again.changes()).noneMatch(c -> c.startsWith("insurance="));
    assertThat(insurances.findInsurance(before.id()).orElseThrow().revision()).as("an unchanged result appends nothing").isEqualTo(2);
    assertThat(services.store().qualificationApplyStore().consentsOf(patientId)).as("consent rows are append-only").hasSize(8);
  }

  @Test
  void aMatchByKanaAndBirthDateAddsTheNewCardAsAnInsuranceWithItsCombination() throws IOException {
    Session clerk = clerk();
    long patientId = ((RegistrationOutcome.Registered) services.patientRegistration().register(clerk,
        new PatientForm("紡", "花子", "ﾂﾑｷﾞ", "はなこ", "", "2", "1988-04-12", "", "", "", "", "", "", ""), true)).record().id();

    ApplyReport report = processor.ingest(fixture("face-new-patient-utf8.xml", "face-kana.xml")).report().orElseThrow();

    assertThat(report.patientId()).isEqualTo(Long.toString(patientId));
    InsuranceStore insurances = services.store().insuranceStore();
    assertThat(insurances.insurancesOfPatient(patientId)).singleElement().satisfies(i -> {
      assertThat(i.insurance().number()).isEqualTo("901");
      assertThat(i.revision()).isEqualTo(1);
      assertThat(insurances.combinationsOfPatient(patientId)).singleElement().satisfies(c -> {
        assertThat(c.insuranceId()).isEqualTo(i.id());
        assertThat(c.publicExpenseIds()).isEmpty();
      });
    });
    assertThat(audit(AuditAction.INSURANCE_CREATED)).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("oqs"));
  }

  @Test
  void aResultThatIsNotValidWarnsWithWhatToDoAndWritesNothing() throws IOException {
    Session clerk = clerk();
    long patientId = ((RegistrationOutcome.Registered) services.patientRegistration().register(clerk,
        new PatientForm("紡", "花子", "ツムギ", "ハナコ", "", "2", "1988-04-12", "", "", "", "", "", "", ""), true)).record().id();
    InsuranceRecord before = services.insuranceRegistration().addInsurance(clerk, patientId,
        InsuranceForm.basic("01130012", "12345678", "901", "00", false, "2019-04-01"));

    ApplyReport newer = processor.ingest(fixture("res-validity-3-newer.xml", "newer.xml")).report().orElseThrow();
    ApplyReport invalid = processor.ingest(fixture("res-validity-2-invalid.xml", "invalid.xml")).report().orElseThrow();

    assertThat(newer.warnings()).containsExactly(ApplyWarning.NEWER_QUALIFICATION_EXISTS.name());
    assertThat(invalid.warnings()).containsExactly(ApplyWarning.QUALIFICATION_INVALID.name());
    assertThat(newer.patientId()).as("named so reception can show the warning at the patient").isEqualTo(Long.toString(patientId));
    assertThat(newer.changes()).isEmpty();
    assertThat(invalid.changes()).isEmpty();
    assertThat(services.store().insuranceStore().findInsurance(before.id()).orElseThrow().revision()).isEqualTo(1);
    assertThat(services.store().qualificationApplyStore().consentsOf(patientId)).isEmpty();
    assertThat(services.store().qualificationApplyStore().pendingProposals()).isEmpty();
    assertThat(jp.tsumugi.ui.fx.I18n.japanese().text("qualification.warning." + newer.warnings().get(0))).contains("新しい保険証");
  }
}
