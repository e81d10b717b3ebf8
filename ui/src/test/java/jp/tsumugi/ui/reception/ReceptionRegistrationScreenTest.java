package jp.tsumugi.ui.reception;

import static jp.tsumugi.ui.support.ShellFixture.await;
import static jp.tsumugi.ui.support.ShellFixture.logIn;
import static jp.tsumugi.ui.support.ShellFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.patient.PatientHit;
import jp.tsumugi.app.patient.PatientRecord;
import jp.tsumugi.app.reception.PatientSummary;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.ui.support.DemoStore;
import jp.tsumugi.ui.support.Screenshots;
import jp.tsumugi.ui.support.ShellFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * 新患登録 on the 受付 screen, keyboard first: a wrong insurer check digit is shown at its field and saves
 * nothing; the patient is registered with a 和暦 birth date and the main insurance and is offered for
 * check-in at once; registering the same person again warns of the likely duplicate and saves nothing;
 * the new patient is then found by kana through the forgiving search and checked in with the insurance.
 */
@ExtendWith(ApplicationExtension.class)
class ReceptionRegistrationScreenTest {
  private static final LocalDate BIRTH = LocalDate.of(1966, 5, 26);
  private static final String FAMILY_KANA = "ミナセ";
  private static final String GIVEN_KANA = "ユウキ";

  private final ShellFixture fixture = new ShellFixture();
  private Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    StoreLocation location = DemoStore.create(Files.createTempDirectory("tsumugi-ui"));
    fixture.start(stage, DemoStore.opener(location), true, null);
  }

  @Stop
  void stop() {
    fixture.stop();
  }

  private static TextField field(FxRobot robot, String field) {
    return robot.lookup("#reg_" + field.replace('.', '_')).queryAs(TextField.class);
  }

  private static void type(FxRobot robot, String field, String text) {
    TextField input = field(robot, field);
    robot.clickOn(input);
    robot.interact(input::clear);
    robot.write(text);
  }

  /** A choice box takes the typed code from the keyboard (2 = 女). */
  private static void choose(FxRobot robot, String field, String typed) {
    javafx.scene.Node box = robot.lookup("#reg_" + field.replace('.', '_')).query();
    robot.interact(box::requestFocus);
    robot.write(typed);
  }

  private void fillPatient(FxRobot robot) {
    type(robot, "familyName", "水瀬");
    type(robot, "givenName", "悠希");
    type(robot, "familyKana", FAMILY_KANA);
    type(robot, "givenKana", GIVEN_KANA);
    choose(robot, "sex", "2");
    type(robot, "birthDate", "S41.5.26");
    type(robot, "phone", "03-1234-5678");
    type(robot, "postalCode", "150-0001");
    type(robot, "address", "東京都渋谷区神宮前1-1-1");
  }

  /** Patients stored with the test's kana and birth date (what "nothing saved" is checked against). */
  private List<PatientRecord> stored() {
    String kana = FAMILY_KANA + GIVEN_KANA;
    return fixture.services().store().patientStore().bornOn(BIRTH).stream()
        .filter(r -> (r.patient().familyKana() + r.patient().givenKana()).equals(kana)).toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void clerkRegistersANewPatientWithWarekiAndInsuranceIsWarnedOfTheDuplicateAndChecksThemInByKana(FxRobot robot)
      throws Exception {
    logIn(robot, "clerk", "tsumugi-clerk");
    robot.type(KeyCode.F1);
    TableView<ReceptionViewModel.Row> table = await(robot, "#receptionQueue", TableView.class);
    robot.clickOn(await(robot, "#patientSearch", TextField.class));

    robot.type(KeyCode.F11);
    await(robot, "#registerPane", javafx.scene.layout.VBox.class);
    waitUntil(() -> field(robot, "familyName").isFocused());
    fillPatient(robot);
    type(robot, "insurance.insurerNumber", "01130013");
    type(robot, "insurance.symbol", "12");
    type(robot, "insurance.number", "345");
    type(robot, "insurance.branch", "01");
    type(robot, "insurance.qualifiedOn", "R5.4.1");
    // Enter moves to the next field; it never registers a half-typed form.
    robot.type(KeyCode.ENTER);
    waitUntil(() -> field(robot, "insurance.validTo").isFocused());
    assertThat(stored()).isEmpty();

    // Wrong check digit: the error is at the insurer number field, nothing is saved.
    robot.type(KeyCode.F11);
    Label message = robot.lookup("#registerMessage").queryAs(Label.class);
    waitUntil(() -> message.getText().contains("TSU-5001"));
    TextField insurer = field(robot, "insurance.insurerNumber");
    assertThat(message.getText()).startsWith("保険者番号: ");
    assertThat(insurer.getStyleClass()).contains("field-error");
    waitUntil(insurer::isFocused);
    Screenshots.write(stage.getScene(), "reception-register-error");
    assertThat(stored()).isEmpty();

    // The right number registers the patient and the insurance; the check-in panel opens for them.
    robot.interact(insurer::clear);
    robot.write("01130012");
    robot.type(KeyCode.F11);
    await(robot, "#checkInPane", javafx.scene.layout.VBox.class);
    waitUntil(() -> !robot.lookup("#registerPane").query().isVisible());
    assertThat(stored()).singleElement().satisfies(r -> {
      assertThat(r.patient().birthDate()).isEqualTo(BIRTH);
      assertThat(r.patient().familyName()).isEqualTo("水瀬");
      assertThat(r.patient().postalCode()).contains("150");
    });
    PatientRecord created = stored().get(0);
    List<InsuranceRecord> insurances = fixture.services().store().insuranceStore().insurancesOfPatient(created.id());
    assertThat(insurances).singleElement().satisfies(i -> {
      assertThat(i.insurance().insurerNumber()).isEqualTo("01130012");
      assertThat(i.insurance().number()).isEqualTo("345");
      assertThat(i.insurance().branch()).isEqualTo("01");
      assertThat(i.qualifiedOn()).isEqualTo(LocalDate.of(2023, 4, 1));
    });
    assertThat(robot.lookup("#checkInPatient").queryAs(Label.class).getText()).contains(created.patient().patientNumber());
    ComboBox<ReceptionViewModel.CombinationChoice> combination = robot.lookup("#combination").queryAs(ComboBox.class);
    waitUntil(() -> combination.getValue() != null);
    assertThat(combination.getValue().combinationId()).isNotNull();
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> !robot.lookup("#checkInPane").query().isVisible());

    // The same kana and birth date again: the likely duplicate is shown, nothing is saved.
    robot.type(KeyCode.F11);
    await(robot, "#registerPane", javafx.scene.layout.VBox.class);
    fillPatient(robot);
    robot.type(KeyCode.F11);
    ListView<PatientHit> duplicates = await(robot, "#registerDuplicates", ListView.class);
    waitUntil(() -> duplicates.getItems().size() == 1);
    assertThat(duplicates.getItems().get(0).id()).isEqualTo(created.id());
    assertThat(robot.lookup("#registerAnywayButton").query().isVisible()).isTrue();
    assertThat(robot.lookup("#registerMessage").queryAs(Label.class).getText()).contains("1 人");
    Screenshots.write(stage.getScene(), "reception-register-duplicate");
    assertThat(stored()).hasSize(1);
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> !robot.lookup("#registerPane").query().isVisible());

    // Found by kana typed in hiragana (forgiving search), checked in with the insurance.
    TextField search = await(robot, "#patientSearch", TextField.class);
    robot.clickOn(search).write("みなせゆうき");
    waitUntil(() -> robot.lookup("#patientSearchHits").tryQuery()
        .map(n -> ((ListView<PatientSummary>) n).getItems().stream().anyMatch(p -> p.id() == created.id())).orElse(false));
    ListView<PatientSummary> hits = robot.lookup("#patientSearchHits").queryAs(ListView.class);
    assertThat(hits.getItems()).extracting(PatientSummary::id).containsExactly(created.id());
    robot.type(KeyCode.ENTER);
    await(robot, "#checkInPane", javafx.scene.layout.VBox.class);
    waitUntil(() -> combination.getValue() != null);
    robot.type(KeyCode.F7);
    waitUntil(() -> table.getItems().size() == 1);
    ReceptionViewModel.Row row = table.getItems().get(0);
    assertThat(row.patientNumber()).isEqualTo(created.patient().patientNumber());
    assertThat(row.insurance()).isNotEqualTo("自費").isNotEmpty();

    // Registration, and the refused duplicate, are audited by patient id.
    List<AuditAction> actions = new java.util.ArrayList<>();
    fixture.services().store().auditEntries().forEachInOrder(e -> {
      if (e instanceof AuditEntryStore.ReadableEntry r) {
        actions.add(r.entry().action());
      }
    });
    assertThat(actions).contains(AuditAction.PATIENT_CREATED, AuditAction.INSURANCE_CREATED, AuditAction.RECEPTION_CHECKED_IN);

    // The screen with the registration panel open, for a person to look at.
    robot.type(KeyCode.F11);
    await(robot, "#registerPane", javafx.scene.layout.VBox.class);
    fillPatient(robot);
    type(robot, "insurance.insurerNumber", "01130012");
    type(robot, "insurance.symbol", "12");
    type(robot, "insurance.number", "345");
    type(robot, "insurance.branch", "01");
    Screenshots.write(stage.getScene(), "reception-register");
  }
}
