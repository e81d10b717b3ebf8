package jp.tsumugi.ui.reception;

import static jp.tsumugi.ui.support.ShellFixture.await;
import static jp.tsumugi.ui.support.ShellFixture.logIn;
import static jp.tsumugi.ui.support.ShellFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.insurance.InsuranceCombination;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.InsuranceStore;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.PatientRecord;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.qualification.QualificationArrival;
import jp.tsumugi.app.reception.QueueEntry;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.support.DemoStore;
import jp.tsumugi.ui.support.Screenshots;
import jp.tsumugi.ui.support.ShellFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 4, acceptance 2, through the real desktop: card-reader results dropped into the 資格確認端末's
 * face/ folder while a clerk is on the 受付 screen. A new person shows in the card-reader panel and one
 * Enter registers them pre-filled and checks them in; a demo patient whose insurance changed gets
 * insurance revision 2 (revision 1 kept) and one Enter checks them in; both audited (the inbox as
 * {@code oqs}, the confirmation as the clerk). A 無効 answer then shows its warning with what to do, in the
 * panel and at the patient's queue row, until the clerk marks it seen.
 */
@ExtendWith(ApplicationExtension.class)
class ReceptionArrivalsScreenTest {
  private static final LocalDate HANAKO_BIRTH = LocalDate.of(1988, 4, 12);
  private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

  private final ShellFixture fixture = new ShellFixture();
  private Stage stage;
  private Path oqs;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    Path root = Files.createTempDirectory("tsumugi-arrivals");
    StoreLocation location = DemoStore.create(root);
    oqs = root.resolve("oqs");
    for (String sub : new String[] {"req", "res", "face"}) {
      Files.createDirectories(oqs.resolve(sub));
    }
    fixture.start(stage, DemoStore.opener(location), true, null, oqs);
  }

  @Stop
  void stop() {
    fixture.stop();
  }

  private static String fixtureText(String name) throws Exception {
    return Files.readString(Path.of("src", "test", "resources", "qualification", name), StandardCharsets.UTF_8);
  }

  /** Written under a temporary name and renamed, as a terminal copying onto the share does. */
  private void drop(String folder, String name, String xml) throws Exception {
    Path part = oqs.resolve(folder).resolve(name + ".part");
    Files.writeString(part, xml, StandardCharsets.UTF_8);
    Files.move(part, oqs.resolve(folder).resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  /** The new-patient fixture rewritten for a demo patient: same person and card, 本人/家族 flipped. */
  private static String changedCardOf(PatientRecord record, InsuranceRecord insurance) throws Exception {
    Patient p = record.patient();
    String xml = fixtureText("face-new-patient-utf8.xml");
    xml = element(xml, "InsurerNumber", insurance.insurance().insurerNumber());
    xml = element(xml, "InsuredCardSymbol", insurance.insurance().symbol());
    xml = element(xml, "InsuredIdentificationNumber", insurance.insurance().number());
    xml = element(xml, "InsuredBranchNumber", insurance.insurance().branch());
    xml = element(xml, "PersonalFamilyClassification", insurance.insurance().insured() ? "2" : "1");
    xml = element(xml, "InsuredName", p.familyName() + "　" + p.givenName());
    xml = element(xml, "Name", p.familyName() + "　" + p.givenName());
    xml = element(xml, "NameKana", p.familyKana() + " " + p.givenKana());
    String sex = p.sex() == Sex.MALE ? "1" : "2";
    xml = element(xml, "Sex1", sex);
    xml = element(xml, "Sex2", sex);
    xml = element(xml, "Birthdate", YMD.format(p.birthDate()));
    xml = element(xml, "InsuredCardValidDate", YMD.format(insurance.insurance().validFrom()));
    return xml;
  }

  private static String element(String xml, String name, String value) {
    return xml.replaceFirst("<" + name + ">[^<]*</" + name + ">", "<" + name + ">" + value + "</" + name + ">");
  }

  private List<AuditEntry> audit(AuditAction action) {
    List<AuditEntry> out = new ArrayList<>();
    fixture.services().store().auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry e && e.entry().action() == action) {
        out.add(e.entry());
      }
    });
    return out;
  }

  private Optional<PatientRecord> hanako() {
    return fixture.services().store().patientStore().bornOn(HANAKO_BIRTH).stream()
        .filter(r -> r.patient().givenKana().equals("ハナコ") && r.patient().familyKana().equals("ツムギ")).findFirst();
  }

  private List<QueueEntry> visitsOf(long patientId) {
    LocalDate today = fixture.services().reception().today();
    return fixture.services().store().visits().queue(today).stream().filter(e -> e.visit().patientId() == patientId).toList();
  }

  private static void ctrl(FxRobot robot, KeyCode key) {
    robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
  }

  /** The texts the arrival list's cells show on screen. */
  private static List<String> shownLines(FxRobot robot) {
    List<String> out = new ArrayList<>();
    for (Node n : robot.lookup("#arrivalsList .list-cell").queryAll()) {
      if (n instanceof ListCell<?> c && c.getText() != null && c.isVisible()) {
        out.add(c.getText());
      }
    }
    return out;
  }

  @Test
  @SuppressWarnings("unchecked")
  void cardReaderArrivalsAreCheckedInWithOneKeyAndAnInvalidQualificationWarnsAtThePatient(FxRobot robot) throws Exception {
    logIn(robot, "clerk", "tsumugi-clerk");
    PatientRecord demo = fixture.services().store().patientStore().findRecord(1).orElseThrow();
    InsuranceStore insurances = fixture.services().store().insuranceStore();
    InsuranceRecord demoInsurance = insurances.insurancesOfPatient(demo.id()).get(0);
    assertThat(demoInsurance.revision()).isEqualTo(1);
    assertThat(hanako()).isEmpty();
    robot.type(KeyCode.F1);
    TableView<ReceptionViewModel.Row> queue = await(robot, "#receptionQueue", TableView.class);
    assertThat(robot.lookup("#arrivalsPane").query().isVisible()).as("hidden while nothing is pending").isFalse();
    assertThat(robot.lookup("#arrivalsKeys").queryAs(Label.class).getText()).contains("Ctrl+K");

    drop("face", "OQSsiquc01res_face_1.xml", fixtureText("face-new-patient-utf8.xml"));
    drop("face", "OQSsiquc01res_face_2.xml", changedCardOf(demo, demoInsurance));

    ListView<ArrivalsViewModel.Line> list = await(robot, "#arrivalsList", ListView.class);
    waitUntil(() -> list.getItems().size() == 2, 40);
    assertThat(list.getItems().get(0).newPatient()).isTrue();
    assertThat(list.getItems().get(0).name()).isEqualTo("紡 花子");
    assertThat(list.getItems().get(1).patientNumber()).isEqualTo(demo.patient().patientNumber());
    assertThat(shownLines(robot)).anySatisfy(t -> assertThat(t).contains("カード").contains("【新患】").contains("紡 花子")
        .contains("ツムギ ハナコ"));
    // Applied by the inbox before anyone confirmed: the demo patient's insurance already has revision 2.
    assertThat(insurances.findInsurance(demoInsurance.id()).orElseThrow().revision()).isEqualTo(2);
    assertThat(hanako()).as("nobody is registered before the clerk confirms").isEmpty();
    Screenshots.write(stage.getScene(), "reception-arrivals");

    // While the screen is locked, Ctrl+K does not reach the list behind the lock.
    ctrl(robot, KeyCode.L);
    javafx.scene.control.PasswordField unlock = await(robot, "#unlockPassword", javafx.scene.control.PasswordField.class);
    ctrl(robot, KeyCode.K);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(list.isFocused()).isFalse();
    robot.clickOn(unlock).write("tsumugi-clerk");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> !robot.lookup("#lockOverlay").query().isVisible());

    // One step: Ctrl+K to the list (from wherever the focus is), Enter on the new person.
    ctrl(robot, KeyCode.K);
    waitUntil(list::isFocused);
    robot.interact(() -> list.getSelectionModel().select(0));
    robot.type(KeyCode.ENTER);
    waitUntil(() -> hanako().isPresent() && list.getItems().size() == 1, 20);
    PatientRecord registered = hanako().orElseThrow();
    assertThat(registered.patient().familyName() + registered.patient().givenName()).isEqualTo("紡花子");
    assertThat(registered.patient().postalCode()).isEqualTo("100-0001");
    assertThat(registered.patient().address()).isEqualTo("東京都千代田区千代田1-1");
    assertThat(registered.patient().sex()).isEqualTo(Sex.FEMALE);
    assertThat(visitsOf(registered.id())).singleElement().satisfies(e -> {
      InsuranceCombination c = insurances.findCombination(e.visit().combinationId()).orElseThrow();
      assertThat(insurances.findInsurance(c.insuranceId()).orElseThrow().insurance().number()).isEqualTo("901");
    });
    waitUntil(() -> queue.getItems().stream().anyMatch(r -> r.patientNumber().equals(registered.patient().patientNumber())));

    // The demo patient: Enter again (the list keeps the focus).
    ctrl(robot, KeyCode.K);
    robot.interact(() -> list.getSelectionModel().select(0));
    robot.type(KeyCode.ENTER);
    waitUntil(() -> visitsOf(demo.id()).size() == 1 && list.getItems().isEmpty(), 20);
    waitUntil(() -> !robot.lookup("#arrivalsPane").query().isVisible());
    InsuranceCombination demoCombination = insurances.findCombination(visitsOf(demo.id()).get(0).visit().combinationId())
        .orElseThrow();
    assertThat(demoCombination.insuranceId()).isEqualTo(demoInsurance.id());
    InsuranceRecord revised = insurances.findInsurance(demoInsurance.id()).orElseThrow();
    assertThat(revised.insurance().insured()).isEqualTo(!demoInsurance.insurance().insured());
    List<InsuranceStore.Revision<InsuranceRecord>> history = insurances.insuranceHistory(demoInsurance.id());
    assertThat(history).extracting(r -> r.state().revision()).containsExactlyInAnyOrder(1, 2);
    assertThat(history).anySatisfy(r -> {
      assertThat(r.state().revision()).isEqualTo(1);
      assertThat(r.state().insurance().insured()).isEqualTo(demoInsurance.insurance().insured());
    });
    waitUntil(() -> queue.getItems().size() == 2);

    // Audited: applying under the inbox's actor, confirming under the clerk.
    String hanakoId = Long.toString(registered.id());
    String demoId = Long.toString(demo.id());
    assertThat(audit(AuditAction.QUALIFICATION_PROPOSAL_CREATED)).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("oqs"));
    assertThat(audit(AuditAction.INSURANCE_CHANGED)).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo("oqs");
      assertThat(e.target()).isEqualTo(demoId);
    });
    assertThat(audit(AuditAction.PATIENT_CREATED)).anySatisfy(e -> {
      assertThat(e.actor()).isEqualTo("clerk");
      assertThat(e.target()).isEqualTo(hanakoId);
    });
    for (String target : List.of(hanakoId, demoId)) {
      assertThat(audit(AuditAction.RECEPTION_CHECKED_IN)).anySatisfy(e -> {
        assertThat(e.actor()).isEqualTo("clerk");
        assertThat(e.target()).isEqualTo(target);
      });
      assertThat(audit(AuditAction.QUALIFICATION_ARRIVAL_CONFIRMED)).anySatisfy(e -> {
        assertThat(e.actor()).isEqualTo("clerk");
        assertThat(e.target()).isEqualTo(target);
      });
    }

    // A 無効 answer for 紡 花子: the warning with what to do, in the panel and at her queue row.
    drop("res", "OQSsiquc01res_invalid.xml", fixtureText("res-validity-2-invalid.xml"));
    waitUntil(() -> list.getItems().size() == 1, 40);
    String invalidText = I18n.japanese().text("qualification.warning.QUALIFICATION_INVALID");
    assertThat(list.getItems().get(0).warning()).isEqualTo(invalidText);
    waitUntil(() -> shownLines(robot).stream().anyMatch(t -> t.contains(invalidText)));
    waitUntil(() -> warningCells(robot).stream().anyMatch(t -> t.contains("資格無効")));
    assertThat(robot.lookup(".list-cell.arrival-warning").tryQuery()).isPresent();
    Screenshots.write(stage.getScene(), "reception-arrival-warning");

    // The clerk marks the warning seen at her row (Ctrl+J), then sets the arrival aside with a reason (Delete).
    int row = indexOf(queue, registered.patient().patientNumber());
    robot.interact(() -> {
      queue.requestFocus();
      queue.getSelectionModel().clearAndSelect(row);
    });
    ctrl(robot, KeyCode.J);
    waitUntil(() -> warningCells(robot).isEmpty());
    assertThat(audit(AuditAction.QUALIFICATION_WARNING_SEEN)).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo("clerk");
      assertThat(e.target()).isEqualTo(hanakoId);
    });
    ctrl(robot, KeyCode.K);
    robot.interact(() -> list.getSelectionModel().select(0));
    robot.type(KeyCode.DELETE);
    TextField reason = await(robot, "#arrivalsDismissReason", TextField.class);
    waitUntil(reason::isFocused);
    robot.write("受付済み、保険証を確認した");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> list.getItems().isEmpty());
    assertThat(fixture.services().store().qualificationArrivals().createdBetween(0, Long.MAX_VALUE))
        .filteredOn(a -> a.state() == QualificationArrival.State.DISMISSED).singleElement()
        .satisfies(a -> assertThat(a.reason()).isEqualTo("受付済み、保険証を確認した"));
    assertThat(visitsOf(registered.id())).as("still one visit").hasSize(1);
  }

  private static int indexOf(TableView<ReceptionViewModel.Row> queue, String patientNumber) {
    for (int i = 0; i < queue.getItems().size(); i++) {
      if (queue.getItems().get(i).patientNumber().equals(patientNumber)) {
        return i;
      }
    }
    throw new AssertionError("no queue row for the patient");
  }

  private static List<String> warningCells(FxRobot robot) {
    List<String> out = new ArrayList<>();
    for (Node n : robot.lookup(".qualification-warning-cell").queryAll()) {
      if (n instanceof TableCell<?, ?> c && c.getText() != null) {
        out.add(c.getText());
      }
    }
    return out;
  }
}
