package jp.tsumugi.ui.settings;

import static jp.tsumugi.ui.support.ShellFixture.await;
import static jp.tsumugi.ui.support.ShellFixture.logIn;
import static jp.tsumugi.ui.support.ShellFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.patient.PatientNumberFormat;
import jp.tsumugi.app.patient.PatientRecord;
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
 * The clinic sets its patient number format in the settings (prefix and width, with an example of the next number
 * as it is typed; a bad prefix is refused at its field and saves nothing); a clerk then registers a patient at
 * reception and gets a number in the new format, while the demo patients keep theirs.
 */
@ExtendWith(ApplicationExtension.class)
class PatientNumberSettingScreenTest {
  private static final Pattern EXAMPLE = Pattern.compile("次の番号の例: ([A-Za-z]*)([0-9]+)");

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

  private static Matcher example(Label label) {
    Matcher m = EXAMPLE.matcher(label.getText());
    assertThat(m.matches()).as(label.getText()).isTrue();
    return m;
  }

  private static void retype(FxRobot robot, TextField field, String text) {
    robot.clickOn(field);
    robot.interact(field::clear);
    robot.write(text);
  }

  @Test
  void adminSetsPrefixKWidth5AndTheNextPatientRegisteredAtReceptionGetsAKNumber(FxRobot robot) throws Exception {
    logIn(robot, "admin", "tsumugi-admin");
    // The demo clinic has its 240 patients numbered 000001-000240: the next one is K00241 once the format is set.
    String demoNumber = fixture.services().store().patientStore().findRecord(1).orElseThrow().patient().patientNumber();
    assertThat(demoNumber).matches("[0-9]{6}");
    robot.type(KeyCode.F6);
    TextField prefix = await(robot, "#patientNumberPrefix", TextField.class);
    TextField width = robot.lookup("#patientNumberWidth").queryAs(TextField.class);
    Label exampleLabel = robot.lookup("#patientNumberExample").queryAs(Label.class);
    Label message = robot.lookup("#settingsMessage").queryAs(Label.class);
    waitUntil(() -> EXAMPLE.matcher(exampleLabel.getText()).matches());
    assertThat(prefix.getText()).isEmpty();
    assertThat(width.getText()).isEqualTo("6");
    Matcher before = example(exampleLabel);
    assertThat(before.group(1)).isEmpty();
    assertThat(before.group(2)).hasSize(6);
    long upcoming = Long.parseLong(before.group(2));

    // A prefix with a digit: marked at the field as it is typed, refused on save, nothing stored.
    retype(robot, prefix, "K1");
    waitUntil(() -> prefix.getStyleClass().contains("field-error"));
    assertThat(exampleLabel.getText()).startsWith("TSU-5010");
    robot.clickOn("#saveSettings");
    waitUntil(() -> message.getText().startsWith("TSU-5010"));
    assertThat(fixture.services().receptionSettings().patientNumberFormat()).isEqualTo(PatientNumberFormat.DEFAULT);

    retype(robot, prefix, "K");
    retype(robot, width, "5");
    waitUntil(() -> exampleLabel.getText().startsWith("次の番号の例: K"));
    assertThat(prefix.getStyleClass()).doesNotContain("field-error");
    Matcher after = example(exampleLabel);
    assertThat(after.group(1)).isEqualTo("K");
    assertThat(after.group(2)).hasSize(5);
    assertThat(Long.parseLong(after.group(2))).isEqualTo(upcoming);
    robot.clickOn("#saveSettings");
    waitUntil(() -> new PatientNumberFormat("K", 5).equals(fixture.services().receptionSettings().patientNumberFormat()));
    waitUntil(() -> message.getText().equals("保存しました。"));
    Screenshots.write(stage.getScene(), "settings-patient-number");
    assertThat(lastClinicChange()).isEqualTo("patientNumberFormat=K/5");

    robot.clickOn("#logoutButton");
    logIn(robot, "clerk", "tsumugi-clerk");
    robot.type(KeyCode.F1);
    robot.clickOn(await(robot, "#patientSearch", TextField.class));
    robot.type(KeyCode.F11);
    await(robot, "#registerPane", VBox.class);
    type(robot, "familyName", "番号");
    type(robot, "givenName", "花子");
    type(robot, "familyKana", "バンゴウ");
    type(robot, "givenKana", "ハナコ");
    robot.interact(robot.lookup("#reg_sex").query()::requestFocus);
    robot.write("2");
    type(robot, "birthDate", "S50.5.5");
    robot.type(KeyCode.F11);
    await(robot, "#checkInPane", VBox.class);

    PatientRecord created = fixture.services().store().patientStore().bornOn(LocalDate.of(1975, 5, 5)).stream()
        .filter(r -> r.patient().familyKana().equals("バンゴウ")).findFirst().orElseThrow();
    String number = created.patient().patientNumber();
    assertThat(number).matches("K[0-9]{5}");
    assertThat(Long.parseLong(number.substring(1))).isGreaterThanOrEqualTo(upcoming);
    Label checkInPatient = robot.lookup("#checkInPatient").queryAs(Label.class);
    waitUntil(() -> checkInPatient.getText().contains(number));
    assertThat(fixture.services().store().patientStore().findRecord(1).orElseThrow().patient().patientNumber())
        .as("existing patients keep their numbers").isEqualTo(demoNumber);
  }

  private static void type(FxRobot robot, String field, String text) {
    TextField input = robot.lookup("#reg_" + field).queryAs(TextField.class);
    robot.clickOn(input);
    robot.interact(input::clear);
    robot.write(text);
  }

  private String lastClinicChange() {
    StringBuilder detail = new StringBuilder();
    fixture.services().store().auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry r && r.entry().action() == AuditAction.CLINIC_CHANGED
          && r.entry().target().equals("patientNumberFormat")) {
        detail.setLength(0);
        detail.append(r.entry().detail());
      }
    });
    return detail.toString();
  }
}
