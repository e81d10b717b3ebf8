package jp.tsumugi.ui.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.tsumugi.app.insurance.InsuranceForm;
import jp.tsumugi.app.patient.PatientForm;
import jp.tsumugi.app.patient.RegistrationOutcome;
import jp.tsumugi.app.qualification.InboxSource;
import jp.tsumugi.app.qualification.PatientMatchingResultHandler;
import jp.tsumugi.app.qualification.ResultOrigin;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.sync.qualification.QualificationResultParser;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;
import jp.tsumugi.ui.support.DemoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The card-reader panel's view model on a real demo store with a same-thread executor. */
class ArrivalsViewModelTest {
  @TempDir Path root;
  private AppServices services;
  private ArrivalsViewModel viewModel;
  private int checkIns;

  @BeforeEach
  void open() throws Exception {
    services = DemoStore.opener(DemoStore.create(Files.createDirectories(root.resolve("demo")))).open();
    Session clerk = new Session(services.store().users().findByUsername("clerk").orElseThrow(), "受付1", DemoStore.CLOCK.instant());
    viewModel = new ArrivalsViewModel(services.cardReaderArrivals(), TaskExecutor.direct(), I18n.japanese(), clerk, DemoStore.CLOCK,
        () -> new ArrivalsViewModel.CheckInChoice(null, null));
    viewModel.setOnCheckedIn(() -> checkIns++);
  }

  @AfterEach
  void close() {
    if (services != null) {
      services.close();
    }
  }

  private void arrive(String resource, InboxSource source) throws IOException {
    byte[] bytes;
    try (InputStream in = getClass().getResourceAsStream("/qualification/" + resource)) {
      bytes = in.readAllBytes();
    }
    var result = new QualificationResultParser().parse(bytes);
    services.store().transactions().inTransaction(() -> services.qualificationHandler(PatientMatchingResultHandler.SYSTEM_ACTOR)
        .apply(result, new ResultOrigin(1, resource, source)));
  }

  @Test
  void aNewPersonIsListedAsNewAndEnterChecksThemInAndEmptiesTheList() throws IOException {
    arrive("face-new-patient-utf8.xml", InboxSource.FACE);
    viewModel.reload();

    assertThat(viewModel.lines()).singleElement().satisfies(l -> {
      assertThat(l.newPatient()).isTrue();
      assertThat(l.name()).isEqualTo("紡 花子");
      assertThat(l.kana()).isEqualTo("ツムギ ハナコ");
      assertThat(l.ageSex()).endsWith("女");
      assertThat(l.source()).isEqualTo("カード");
      assertThat(l.hasWarning()).isFalse();
    });

    viewModel.confirm(viewModel.lines().get(0));

    assertThat(viewModel.lines()).isEmpty();
    assertThat(viewModel.infoProperty().get()).contains("新患を登録して受付しました");
    assertThat(viewModel.messageProperty().get()).isEmpty();
    assertThat(checkIns).isEqualTo(1);
  }

  @Test
  void aWarnedPatientShowsTheWarningTextInTheLineAndTheShortFormForTheQueueUntilSeen() throws IOException {
    Session clerk = new Session(services.store().users().findByUsername("clerk").orElseThrow(), "受付1", DemoStore.CLOCK.instant());
    RegistrationOutcome.Registered r = (RegistrationOutcome.Registered) services.patientRegistration().register(clerk,
        new PatientForm("紡", "花子", "ツムギ", "ハナコ", "", "2", "1988-04-12", "", "", "", "", "", "", ""), true);
    services.insuranceRegistration().addInsurance(clerk, r.record().id(),
        InsuranceForm.basic("01130012", "12345678", "901", "00", true, "2020-04-01"));
    String number = r.record().patient().patientNumber();

    arrive("res-validity-3-newer.xml", InboxSource.RES);
    viewModel.reload();

    assertThat(viewModel.lines()).singleElement().satisfies(l -> {
      assertThat(l.patientNumber()).isEqualTo(number);
      assertThat(l.warning()).isEqualTo(I18n.japanese().text("qualification.warning.NEWER_QUALIFICATION_EXISTS"));
      assertThat(l.source()).isEqualTo("照会結果");
    });
    assertThat(viewModel.warningFor(number)).isEqualTo("新しい資格あり");
    assertThat(viewModel.warningDetail(number)).contains("新しい保険証");
    assertThat(viewModel.warningFor("999999")).isEmpty();

    viewModel.markSeen(number);

    assertThat(viewModel.warningFor(number)).isEmpty();
    assertThat(viewModel.lines()).as("the arrival itself still waits").hasSize(1);
  }

  @Test
  void settingAsideWithoutAReasonKeepsTheLineAndSaysWhy() throws IOException {
    arrive("face-new-patient-utf8.xml", InboxSource.FACE);
    viewModel.reload();
    viewModel.startDismiss(viewModel.lines().get(0));
    assertThat(viewModel.dismissOpenProperty().get()).isTrue();

    viewModel.confirmDismiss();
    assertThat(viewModel.messageProperty().get()).contains("TSU-7301");
    assertThat(viewModel.lines()).hasSize(1);

    viewModel.dismissReasonProperty().set("別の患者のカードだった");
    viewModel.confirmDismiss();
    assertThat(viewModel.dismissOpenProperty().get()).isFalse();
    assertThat(viewModel.lines()).isEmpty();
  }
}
