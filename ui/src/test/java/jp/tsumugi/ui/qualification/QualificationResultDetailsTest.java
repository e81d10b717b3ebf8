package jp.tsumugi.ui.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.insurance.InsuranceForm;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.InsuranceStore;
import jp.tsumugi.app.patient.PatientForm;
import jp.tsumugi.app.patient.RegistrationOutcome;
import jp.tsumugi.app.qualification.ApplyReport;
import jp.tsumugi.app.qualification.ApplyWarning;
import jp.tsumugi.app.qualification.PatientMatchingResultHandler;
import jp.tsumugi.app.qualification.ProposalConfirmation;
import jp.tsumugi.app.qualification.QualificationApplyStore;
import jp.tsumugi.app.qualification.QualificationRequestEvents;
import jp.tsumugi.app.qualification.RegistrationProposal;
import jp.tsumugi.app.qualification.SpecificDiseaseCategory;
import jp.tsumugi.app.qualification.SpecificDiseaseRecord;
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
 * Applying results beyond the first qualification (docs/adr/0023), on a real encrypted H2 demo store through
 * {@link ResultFileProcessor}: every qualification of a 有効 result, 特定疾病療養受療証 rows, a 複数該当 result,
 * and the retention rule of a confirmed proposal.
 */
class QualificationResultDetailsTest {
  @TempDir Path root;
  private AppServices services;
  private ResultFileProcessor processor;
  private long patientId;
  private InsuranceRecord kyokai;

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

  private void registerHanako() {
    Session clerk = clerk();
    RegistrationOutcome.Registered registered = (RegistrationOutcome.Registered) services.patientRegistration().register(clerk,
        new PatientForm("紡", "花子", "ツムギ", "ハナコ", "", "2", "1988-04-12", "", "", "", "", "", "", ""), true);
    patientId = registered.record().id();
    kyokai = services.insuranceRegistration().addInsurance(clerk, patientId,
        InsuranceForm.basic("01130012", "12345678", "901", "00", true, "2020-04-01"));
  }

  private ApplyReport ingest(String resource, String asName) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/qualification/" + resource)) {
      Path file = root.resolve(asName);
      Files.write(file, in.readAllBytes());
      return processor.ingest(file).report().orElseThrow();
    }
  }

  private long auditCount(AuditAction action) {
    long[] n = {0};
    services.store().auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry e && e.entry().action() == action) {
        n[0]++;
      }
    });
    return n[0];
  }

  @Test
  void everyQualificationOfAValidResultIsAppliedToThePatient() throws IOException {
    registerHanako();

    ApplyReport report = ingest("res-two-qualifications-specific-disease.xml", "two.xml");

    assertThat(report.patientId()).isEqualTo(Long.toString(patientId));
    assertThat(report.warnings()).isEmpty();
    InsuranceStore insurances = services.store().insuranceStore();
    assertThat(insurances.insurancesOfPatient(patientId)).extracting(r -> r.insurance().insurerNumber(), r -> r.insurance().number(),
        r -> r.insurance().branch(), r -> r.insurance().insured(), r -> r.insurance().validTo())
        .containsExactlyInAnyOrder(tuple("01130012", "901", "00", true, null),
            tuple("06134563", "7701", "01", false, LocalDate.of(2026, 3, 31)));
    InsuranceRecord kumiai = insurances.insurancesByNumbers("06134563", "55", "7701", "01").get(0);
    assertThat(report.changes()).contains("insurance=" + kumiai.id() + ":created");
    assertThat(insurances.combinationsOfPatient(patientId)).as("the new insurance can be chosen at check-in")
        .anySatisfy(c -> assertThat(c.insuranceId()).isEqualTo(kumiai.id()));
    assertThat(kumiai.revision()).isEqualTo(1);
  }

  @Test
  void aSpecificDiseaseCertificateIsRecordedForItsInsuranceAndChangesAppendRows() throws IOException {
    registerHanako();
    QualificationApplyStore apply = services.store().qualificationApplyStore();

    ingest("res-two-qualifications-specific-disease.xml", "first.xml");

    assertThat(apply.currentSpecificDiseases(kyokai.id())).singleElement().satisfies(r -> {
      assertThat(r.category()).isEqualTo(SpecificDiseaseCategory.CHRONIC_RENAL_FAILURE_ON_DIALYSIS);
      assertThat(r.selfPayLimitYen()).isEqualTo(OptionalLong.of(10_000));
      assertThat(r.validity().validFrom()).contains(LocalDate.of(2026, 4, 1));
      assertThat(r.validity().validTo()).contains(LocalDate.of(2027, 3, 31));
      assertThat(r.patientId()).isEqualTo(patientId);
      assertThat(r.recordedBy()).isEqualTo("oqs");
    });
    InsuranceRecord kumiai = services.store().insuranceStore().insurancesByNumbers("06134563", "55", "7701", "01").get(0);
    assertThat(apply.specificDiseasesOfInsurance(kumiai.id())).as("the other qualification lists no certificate").isEmpty();

    ApplyReport same = ingest("res-two-qualifications-specific-disease.xml", "same-again.xml");
    assertThat(same.changes()).noneMatch(c -> c.startsWith("specificDisease="));
    assertThat(apply.specificDiseasesOfInsurance(kyokai.id())).as("the same statement again adds no row").hasSize(1);

    ApplyReport changed = ingest("res-specific-disease-changed.xml", "changed.xml");
    assertThat(changed.changes()).contains("specificDisease=" + kyokai.id() + ":1+2");
    assertThat(apply.currentSpecificDiseases(kyokai.id())).extracting(SpecificDiseaseRecord::category, r -> r.selfPayLimitYen())
        .containsExactly(tuple(SpecificDiseaseCategory.CHRONIC_RENAL_FAILURE_ON_DIALYSIS, OptionalLong.of(20_000)),
            tuple(SpecificDiseaseCategory.HEMOPHILIA, OptionalLong.of(10_000)));

    ApplyReport gone = ingest("res-specific-disease-gone.xml", "gone.xml");
    assertThat(gone.changes()).contains("specificDisease=" + kyokai.id() + ":1:unlisted+2:unlisted");
    assertThat(apply.currentSpecificDiseases(kyokai.id())).isEmpty();
    assertThat(apply.specificDiseasesOfInsurance(kyokai.id())).as("append-only: the history stays").hasSize(5);
    assertThat(auditCount(AuditAction.QUALIFICATION_SPECIFIC_DISEASE_RECORDED)).isEqualTo(3);
  }

  @Test
  void aSeveralQualificationsFoundResultKeepsItsWarningAndWritesNothing() throws IOException {
    registerHanako();

    ApplyReport report = ingest("res-validity-5-multiple.xml", "multiple.xml");

    assertThat(report.warnings()).contains(ApplyWarning.MULTIPLE_QUALIFICATIONS.name());
    assertThat(report.patientId()).isEqualTo(Long.toString(patientId));
    assertThat(services.store().insuranceStore().insurancesOfPatient(patientId)).singleElement()
        .satisfies(r -> assertThat(r.revision()).isEqualTo(1));
    assertThat(services.store().qualificationApplyStore().specificDiseasesOfInsurance(kyokai.id())).isEmpty();
  }

  @Test
  void aConfirmedProposalKeepsNoCopiedPersonalData() throws IOException {
    ApplyReport report = ingest("face-new-patient-utf8.xml", "face-new.xml");
    long proposalId = report.proposalId().orElseThrow();

    ProposalConfirmation.Confirmed done = (ProposalConfirmation.Confirmed) services.proposalConfirmation()
        .confirmProposal(clerk(), proposalId, false, false);

    RegistrationProposal kept = services.store().qualificationApplyStore().findProposal(proposalId).orElseThrow();
    assertThat(kept.state()).isEqualTo(RegistrationProposal.State.DONE);
    assertThat(kept.patientId()).isEqualTo(done.patientId());
    assertThat(kept.ledgerId()).isPositive();
    assertThat(kept.createdAtMillis()).isPositive();
    assertThat(kept.familyName() + kept.givenName() + kept.familyKana() + kept.givenKana() + kept.address() + kept.postalCode()
        + kept.symbol() + kept.number() + kept.branch()).isEmpty();
    assertThat(kept.birthDate()).isNull();
    assertThat(services.store().patientStore().findRecord(done.patientId()).orElseThrow().patient().givenName())
        .as("the registered patient keeps the data").isEqualTo("花子");
  }

  @Test
  void aSpecificDiseaseFromAResultForASecondInsuranceStaysWithThatInsurance() throws IOException {
    registerHanako();
    ingest("res-specific-disease-changed.xml", "changed-first.xml");
    List<SpecificDiseaseRecord> rows = services.store().qualificationApplyStore().currentSpecificDiseases(kyokai.id());
    assertThat(rows).extracting(SpecificDiseaseRecord::category).containsExactly(SpecificDiseaseCategory.CHRONIC_RENAL_FAILURE_ON_DIALYSIS,
        SpecificDiseaseCategory.HEMOPHILIA);
    assertThat(rows.get(1).validity().validTo()).isEmpty();
  }
}
