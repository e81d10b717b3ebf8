package jp.tsumugi.ui.reception;

import static jp.tsumugi.ui.support.ShellFixture.await;
import static jp.tsumugi.ui.support.ShellFixture.logIn;
import static jp.tsumugi.ui.support.ShellFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import jp.tsumugi.app.insurance.InsuranceCombination;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.PublicExpense;
import jp.tsumugi.app.patient.PatientRecord;
import jp.tsumugi.app.patient.PatientRevision;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.qualification.LimitCategory;
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
 * The full registration panel on the 受付 screen, keyboard first: 通称, sex as a choice, phones, emergency
 * contact, memo, 高齢受給者証 and 限度額区分, a 公費 line (a wrong check digit is shown at its field and saves
 * nothing) that becomes the patient's 公費 and a combination offered at check-in; editing a patient (Ctrl+E,
 * from the check-in panel and from the queue) writes revision 2 with a reason and keeps revision 1; the
 * departments set in the settings are offered at check-in.
 */
@ExtendWith(ApplicationExtension.class)
class ReceptionPatientFormScreenTest {
  private static final String FAMILY_KANA = "ハルノ";
  private static final String GIVEN_KANA = "ケンジ";
  private static final LocalDate BIRTH = LocalDate.of(1955, 3, 3);

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

  private static Node input(FxRobot robot, String field) {
    return robot.lookup("#reg_" + field.replace('.', '_')).query();
  }

  private static TextField field(FxRobot robot, String field) {
    return (TextField) input(robot, field);
  }

  private static void type(FxRobot robot, String field, String text) {
    TextField input = field(robot, field);
    robot.clickOn(input);
    robot.interact(input::clear);
    robot.write(text);
  }

  /** Focuses a choice box and types into it (a code or the first character of a label), then the given keys. */
  private static void choose(FxRobot robot, String field, String typed, KeyCode... keys) {
    Node box = input(robot, field);
    robot.interact(box::requestFocus);
    robot.write(typed);
    for (KeyCode k : keys) {
      robot.type(k);
    }
  }

  @SuppressWarnings("unchecked")
  private static String chosenCode(FxRobot robot, String field) {
    RegistrationViewModel.Choice c = ((ComboBox<RegistrationViewModel.Choice>) input(robot, field)).getValue();
    return c == null ? "" : c.code();
  }

  private List<PatientRecord> stored() {
    String kana = FAMILY_KANA + GIVEN_KANA;
    return fixture.services().store().patientStore().bornOn(BIRTH).stream()
        .filter(r -> (r.patient().familyKana() + r.patient().givenKana()).equals(kana)).toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void clerkRegistersAliasElderlyCertificateAndPublicExpenseAWrongCheckDigitSavesNothingAndTheCombinationIsOffered(FxRobot robot)
      throws Exception {
    logIn(robot, "clerk", "tsumugi-clerk");
    robot.type(KeyCode.F1);
    robot.clickOn(await(robot, "#patientSearch", TextField.class));
    robot.type(KeyCode.F11);
    await(robot, "#registerPane", VBox.class);
    waitUntil(() -> field(robot, "familyName").isFocused());
    type(robot, "familyName", "春野");
    type(robot, "givenName", "健二");
    type(robot, "familyKana", FAMILY_KANA);
    type(robot, "givenKana", GIVEN_KANA);
    type(robot, "alias", "ハルさん");
    choose(robot, "sex", "男");
    assertThat(chosenCode(robot, "sex")).isEqualTo("1");
    choose(robot, "sex", "", KeyCode.DOWN);
    assertThat(chosenCode(robot, "sex")).as("Down steps to 女").isEqualTo("2");
    choose(robot, "sex", "1");
    assertThat(chosenCode(robot, "sex")).isEqualTo("1");
    type(robot, "birthDate", "S30.3.3");
    type(robot, "phone", "03-1111-2222");
    type(robot, "mobilePhone", "090-3333-4444");
    type(robot, "postalCode", "160-0022");
    type(robot, "address", "東京都新宿区新宿2-2-2");
    type(robot, "emergencyContact", "春野花子（妻）");
    type(robot, "emergencyPhone", "090-5555-6666");
    type(robot, "memo", "ペニシリンで発疹");
    type(robot, "insurance.insurerNumber", "01130012");
    type(robot, "insurance.symbol", "12");
    type(robot, "insurance.number", "345");
    type(robot, "insurance.branch", "01");
    type(robot, "insurance.qualifiedOn", "R5.4.1");
    choose(robot, "insurance.elderlyRecipientTenths", "2");
    choose(robot, "insurance.limitCategory", "B", KeyCode.DOWN, KeyCode.DOWN, KeyCode.DOWN);
    assertThat(chosenCode(robot, "insurance.limitCategory")).isEqualTo("B04");
    type(robot, "publicExpense1.payerNumber", "54136016");
    type(robot, "publicExpense1.recipientNumber", "1111111");
    type(robot, "publicExpense1.validFrom", "R6.4.1");
    type(robot, "publicExpense1.monthlyCapYen", "10000");

    // A 公費 payer number with a wrong check digit: the error is at that field, nothing is saved.
    robot.type(KeyCode.F11);
    Label message = robot.lookup("#registerMessage").queryAs(Label.class);
    waitUntil(() -> message.getText().contains("TSU-5017"));
    assertThat(message.getText()).startsWith("公費1 負担者番号: ");
    TextField payer = field(robot, "publicExpense1.payerNumber");
    assertThat(payer.getStyleClass()).contains("field-error");
    waitUntil(payer::isFocused);
    assertThat(stored()).isEmpty();

    robot.interact(payer::clear);
    robot.write("54136015");
    Screenshots.write(stage.getScene(), "reception-register-full");
    robot.type(KeyCode.F11);
    await(robot, "#checkInPane", VBox.class);
    waitUntil(() -> !robot.lookup("#registerPane").query().isVisible());

    PatientRecord created = stored().get(0);
    assertThat(stored()).hasSize(1);
    assertThat(created.patient().sex()).isEqualTo(Sex.MALE);
    assertThat(created.details().alias()).isEqualTo("ハルさん");
    assertThat(created.details().mobilePhone()).isEqualTo("090-3333-4444");
    assertThat(created.details().emergencyContact()).isEqualTo("春野花子（妻）");
    assertThat(created.details().emergencyPhone()).isEqualTo("090-5555-6666");
    assertThat(created.details().memo()).isEqualTo("ペニシリンで発疹");
    InsuranceRecord insurance = fixture.services().store().insuranceStore().insurancesOfPatient(created.id()).get(0);
    assertThat(insurance.elderlyRecipientTenths()).isEqualTo(2);
    assertThat(insurance.limitCategory()).contains(LimitCategory.B04);
    List<PublicExpense> publicExpenses = fixture.services().store().insuranceStore().publicExpensesOfPatient(created.id());
    assertThat(publicExpenses).singleElement().satisfies(p -> {
      assertThat(p.payerNumber()).isEqualTo("54136015");
      assertThat(p.recipientNumber()).isEqualTo("1111111");
      assertThat(p.validFrom()).isEqualTo(LocalDate.of(2024, 4, 1));
      assertThat(p.monthlyCapYen()).hasValue(10000);
    });
    assertThat(fixture.services().store().insuranceStore().combinationsOfPatient(created.id()))
        .extracting(InsuranceCombination::publicExpenseIds)
        .containsExactlyInAnyOrder(List.of(), List.of(publicExpenses.get(0).id()));
    // Check-in offers the insurance alone, the insurance with the 公費, and 自費.
    ComboBox<ReceptionViewModel.CombinationChoice> combination = robot.lookup("#combination").queryAs(ComboBox.class);
    waitUntil(() -> combination.getItems().size() == 3);
    assertThat(combination.getItems()).extracting(ReceptionViewModel.CombinationChoice::label)
        .anySatisfy(l -> assertThat(l).contains("01130012").contains("＋ 54136015"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void clerkChangesAPatientWithAReasonFromTheCheckInPanelWhichWritesRevisionTwoAndKeepsRevisionOne(FxRobot robot)
      throws Exception {
    logIn(robot, "clerk", "tsumugi-clerk");
    robot.type(KeyCode.F1);
    TableView<ReceptionViewModel.Row> table = await(robot, "#receptionQueue", TableView.class);
    PatientRecord before = fixture.services().store().patientStore().findRecord(1).orElseThrow();
    long patientId = before.id();
    InsuranceRecord insuranceBefore = fixture.services().store().insuranceStore().insurancesOfPatient(patientId).get(0);

    TextField search = await(robot, "#patientSearch", TextField.class);
    robot.clickOn(search).write(before.patient().patientNumber());
    waitUntil(() -> robot.lookup("#patientSearchHits").tryQuery()
        .map(n -> ((ListView<PatientSummary>) n).getItems().stream().anyMatch(p -> p.id() == patientId)).orElse(false));
    robot.type(KeyCode.ENTER);
    await(robot, "#checkInPane", VBox.class);

    // Ctrl+E opens the same panel filled with the patient's current data, revision 1.
    robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
    await(robot, "#registerPane", VBox.class);
    waitUntil(() -> before.patient().familyName().equals(field(robot, "familyName").getText()));
    assertThat(field(robot, "familyKana").getText()).isEqualTo(before.patient().familyKana());
    assertThat(chosenCode(robot, "sex")).isEqualTo(before.patient().sex().claimCode());
    assertThat(field(robot, "insurance.insurerNumber").getText()).isEqualTo(insuranceBefore.insurance().insurerNumber());
    Label revision = robot.lookup("#registerRevision").queryAs(Label.class);
    assertThat(revision.getText()).startsWith("第1版");
    assertThat(robot.lookup("#registerTitle").queryAs(Label.class).getText()).contains(before.patient().patientNumber());

    type(robot, "address", "東京都中野区中野4-4-4");
    type(robot, "insurance.symbol", "77");
    type(robot, "publicExpense1.payerNumber", "85144004");
    // No reason: refused at the reason field, nothing saved.
    robot.type(KeyCode.F11);
    Label message = robot.lookup("#registerMessage").queryAs(Label.class);
    waitUntil(() -> message.getText().contains("TSU-5007"));
    assertThat(field(robot, "reason").getStyleClass()).contains("field-error");
    assertThat(fixture.services().store().patientStore().history(patientId)).hasSize(1);

    type(robot, "reason", "転居・保険証更新");
    Screenshots.write(stage.getScene(), "reception-edit");
    robot.type(KeyCode.F11);
    waitUntil(() -> !robot.lookup("#registerPane").query().isVisible());
    await(robot, "#checkInPane", VBox.class);

    List<PatientRevision> history = fixture.services().store().patientStore().history(patientId);
    assertThat(history).extracting(h -> h.record().revision()).containsExactly(1, 2);
    assertThat(history.get(0).record().patient().address()).isEqualTo(before.patient().address());
    assertThat(history.get(1).record().patient().address()).isEqualTo("東京都中野区中野4-4-4");
    assertThat(history.get(1).author()).isEqualTo("clerk");
    assertThat(history.get(1).reason()).isEqualTo("転居・保険証更新");
    assertThat(fixture.services().store().insuranceStore().insuranceHistory(insuranceBefore.id()))
        .extracting(r -> r.state().insurance().symbol()).containsExactly(insuranceBefore.insurance().symbol(), "77");
    assertThat(fixture.services().store().insuranceStore().publicExpensesOfPatient(patientId))
        .extracting(PublicExpense::payerNumber).containsExactly("85144004");
    assertThat(robot.lookup("#receptionInfo").queryAs(Label.class).getText()).contains("第2版");

    // Checked in, then Ctrl+E on the queue row opens the patient again, now at revision 2.
    ComboBox<ReceptionViewModel.CombinationChoice> combination = robot.lookup("#combination").queryAs(ComboBox.class);
    waitUntil(() -> combination.getItems().stream().anyMatch(c -> c.label().contains("＋ 85144004")));
    robot.type(KeyCode.F7);
    waitUntil(() -> table.getItems().size() == 1);
    robot.interact(() -> {
      table.requestFocus();
      table.getSelectionModel().select(0);
    });
    robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
    await(robot, "#registerPane", VBox.class);
    waitUntil(() -> revision.getText().startsWith("第2版"));
    assertThat(revision.getText()).contains("clerk").contains("転居・保険証更新");
    assertThat(field(robot, "address").getText()).isEqualTo("東京都中野区中野4-4-4");
    // Saving without a change writes nothing.
    robot.type(KeyCode.F11);
    waitUntil(() -> !robot.lookup("#registerPane").query().isVisible());
    waitUntil(() -> robot.lookup("#receptionInfo").queryAs(Label.class).getText().contains("変更はありません"));
    assertThat(fixture.services().store().patientStore().history(patientId)).hasSize(2);
  }

  @Test
  @SuppressWarnings("unchecked")
  void departmentsSetInTheSettingsAreOfferedAtCheckIn(FxRobot robot) throws Exception {
    logIn(robot, "admin", "tsumugi-admin");
    robot.type(KeyCode.F6);
    TextArea departments = await(robot, "#departments", TextArea.class);
    waitUntil(() -> "内科".equals(departments.getText()));
    Label message = robot.lookup("#settingsMessage").queryAs(Label.class);

    // A repeated name is refused at the field, nothing saved.
    robot.interact(() -> departments.setText("内科\n内科"));
    robot.clickOn("#saveSettings");
    waitUntil(() -> message.getText().startsWith("TSU-5102"));
    assertThat(departments.getStyleClass()).contains("field-error");
    assertThat(fixture.services().receptionSettings().departments().names()).containsExactly("内科");

    robot.interact(() -> departments.setText("小児科\n内科、皮膚科"));
    robot.clickOn("#saveSettings");
    waitUntil(() -> fixture.services().receptionSettings().departments().names().size() == 3);
    assertThat(fixture.services().receptionSettings().departments().names()).containsExactly("小児科", "内科", "皮膚科");
    Screenshots.write(stage.getScene(), "settings-departments");

    robot.type(KeyCode.F1);
    PatientRecord patient = fixture.services().store().patientStore().findRecord(1).orElseThrow();
    TextField search = await(robot, "#patientSearch", TextField.class);
    robot.clickOn(search).write(patient.patient().patientNumber());
    waitUntil(() -> robot.lookup("#patientSearchHits").tryQuery()
        .map(n -> !((ListView<PatientSummary>) n).getItems().isEmpty()).orElse(false));
    robot.type(KeyCode.ENTER);
    await(robot, "#checkInPane", VBox.class);
    ComboBox<String> department = robot.lookup("#department").queryAs(ComboBox.class);
    waitUntil(() -> department.getItems().size() == 3);
    assertThat(department.getItems()).containsExactly("小児科", "内科", "皮膚科");
    assertThat(department.getValue()).isEqualTo("小児科");
    robot.interact(() -> department.setValue("皮膚科"));
    robot.type(KeyCode.F7);
    TableView<ReceptionViewModel.Row> table = await(robot, "#receptionQueue", TableView.class);
    waitUntil(() -> table.getItems().size() == 1);
    assertThat(table.getItems().get(0).department()).isEqualTo("皮膚科");
  }
}
