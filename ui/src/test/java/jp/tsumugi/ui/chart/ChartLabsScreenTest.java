package jp.tsumugi.ui.chart;

import static jp.tsumugi.ui.support.ShellFixture.await;
import static jp.tsumugi.ui.support.ShellFixture.logIn;
import static jp.tsumugi.ui.support.ShellFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import jp.tsumugi.app.chart.AbnormalFlag;
import jp.tsumugi.app.chart.LabCsvImport;
import jp.tsumugi.app.chart.LabItem;
import jp.tsumugi.app.chart.LabRevision;
import jp.tsumugi.app.chart.VitalRevision;
import jp.tsumugi.app.reception.Reception;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.ui.support.DemoStore;
import jp.tsumugi.ui.support.Screenshots;
import jp.tsumugi.ui.support.ShellFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * Labs and vitals in the chart window on a demo store with lab history: the latest result per test, the trend
 * graph, a result entered by hand and flagged high, vitals with BMI and refused values, and the CSV import
 * whose preview marks the bad lines and saves only the clean ones.
 */
@ExtendWith(ApplicationExtension.class)
class ChartLabsScreenTest {
  private final ShellFixture fixture = new ShellFixture();
  private Stage stage;
  @TempDir Path files;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    fixture.start(stage, DemoStore.opener(DemoStore.create(Files.createTempDirectory("tsumugi-chart-labs"))), true, null);
  }

  @Stop
  void stop() {
    fixture.stop();
  }

  private Session sessionOf(String username) {
    User user = fixture.services().store().users().findByUsername(username).orElseThrow();
    return new Session(user, "check", DemoStore.CLOCK.instant());
  }

  private static void ctrl(FxRobot robot, KeyCode key) {
    robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
  }

  private long openPatientOne(FxRobot robot) {
    waitUntil(() -> fixture.services() != null);
    long visit = fixture.services().reception().checkIn(sessionOf("clerk"), new Reception.CheckIn(1, null, "doctor", null)).id();
    logIn(robot, "doctor", "tsumugi-doctor");
    robot.type(KeyCode.F2);
    ListView<?> today = await(robot, "#chartToday", ListView.class);
    waitUntil(() -> !today.getItems().isEmpty());
    ctrl(robot, KeyCode.U);
    robot.type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#soapS").queryAs(TextArea.class).isEditable());
    return visit;
  }

  private void selectTab(FxRobot robot, String id) {
    TabPane tabs = robot.lookup("#chartRightTabs").queryAs(TabPane.class);
    robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
        .orElseThrow()));
  }

  @Test
  @SuppressWarnings("unchecked")
  void latestResultsTrendHandEntryAndVitalsWithBmi(FxRobot robot) throws Exception {
    openPatientOne(robot);
    selectTab(robot, "chartTabLabs");
    TableView<LabRevision> latest = robot.lookup("#labLatest").queryAs(TableView.class);
    waitUntil(() -> !latest.getItems().isEmpty());
    int hb = -1;
    for (int i = 0; i < latest.getItems().size(); i++) {
      if (latest.getItems().get(i).result().localCode().equals("HB")) {
        hb = i;
      }
    }
    assertThat(hb).as("the demo gives patient 1 hemoglobin results").isGreaterThanOrEqualTo(0);
    int row = hb;
    robot.interact(() -> latest.getSelectionModel().select(row));
    LineChart<Number, Number> trend = robot.lookup("#labTrend").queryAs(LineChart.class);
    waitUntil(() -> !trend.getData().isEmpty() && trend.getData().get(0).getData().size() >= 2);
    assertThat(robot.lookup("#labTrendTitle").queryAs(Label.class).getText()).contains("ヘモグロビン");
    List<LabRevision> stored = fixture.services().chartLabs().newest(sessionOf("doctor"), 1, 10_000);
    long hbCount = stored.stream().filter(r -> r.result().localCode().equals("HB")).count();
    assertThat(trend.getData().get(0).getData()).hasSize((int) hbCount);

    // A CRP of 1.20 mg/dL by hand: flagged H against the catalogue range, shown in the table.
    ComboBox<LabItem> item = robot.lookup("#labItem").queryAs(ComboBox.class);
    waitUntil(() -> !item.getItems().isEmpty());
    robot.interact(() -> item.setValue(item.getItems().stream().filter(i -> i.localCode().equals("CRP")).findFirst().orElseThrow()));
    TextField valueField = robot.lookup("#labValue").queryAs(TextField.class);
    robot.interact(valueField::requestFocus);
    robot.write("1.20");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> latest.getItems().stream().anyMatch(r -> r.result().localCode().equals("CRP")
        && r.result().value().number().compareTo(new BigDecimal("1.20")) == 0));
    LabRevision crp = latest.getItems().stream().filter(r -> r.result().localCode().equals("CRP")).findFirst().orElseThrow();
    assertThat(crp.flag()).isEqualTo(AbnormalFlag.H);
    assertThat(crp.result().specimenDate()).isEqualTo(LocalDate.now(DemoStore.CLOCK));
    Screenshots.write(stage.getScene(), "chart-labs");

    // Not a number: refused with its code, nothing added.
    int before = fixture.services().chartLabs().newest(sessionOf("doctor"), 1, 10_000).size();
    robot.interact(valueField::requestFocus);
    robot.write("abc");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#labMessage").queryAs(Label.class).getText().startsWith("TSU-9103"));
    assertThat(fixture.services().chartLabs().newest(sessionOf("doctor"), 1, 10_000)).hasSize(before);

    // Entered in error: deleted with a reason; the record keeps both revisions.
    robot.interact(() -> latest.getSelectionModel().select(crp));
    robot.clickOn("#labDeleteButton");
    waitUntil(() -> robot.lookup("#labMessage").queryAs(Label.class).getText().contains("理由"));
    robot.interact(() -> robot.lookup("#labReason").queryAs(TextField.class).setText("入力誤り"));
    robot.clickOn("#labDeleteButton");
    waitUntil(() -> latest.getItems().stream().noneMatch(r -> r.recordId() == crp.recordId()));
    assertThat(fixture.services().chartLabs().history(sessionOf("doctor"), crp.recordId())).extracting(LabRevision::isTombstone)
        .containsExactly(false, true);

    // Vitals: BMI computed from 170.0 cm and 65.0 kg; an impossible pressure is refused.
    selectTab(robot, "chartTabVitals");
    robot.clickOn("#vitalSystolic").write("400");
    robot.clickOn("#vitalDiastolic").write("80");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#vitalsMessage").queryAs(Label.class).getText().startsWith("TSU-9111"));
    robot.interact(() -> robot.lookup("#vitalSystolic").queryAs(TextField.class).setText("128"));
    robot.clickOn("#vitalPulse").write("72");
    robot.clickOn("#vitalHeight").write("170.0");
    robot.clickOn("#vitalWeight").write("65.0");
    robot.type(KeyCode.ENTER);
    Label vitals = robot.lookup("#vitalsLatest").queryAs(Label.class);
    waitUntil(() -> vitals.getText().contains("BMI 22.5"));
    assertThat(vitals.getText()).contains("BP 128/80").contains("P 72");
    VitalRevision saved = fixture.services().chartVitals().latest(sessionOf("doctor"), 1).orElseThrow();
    assertThat(saved.vitals().bmi()).isEqualByComparingTo("22.5");
    Screenshots.write(stage.getScene(), "chart-vitals");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theCsvImportPreviewMarksEveryBadLineAndOnlyTheCleanOnesAreSaved(FxRobot robot) throws Exception {
    String today = LocalDate.now(DemoStore.CLOCK).toString();
    Path csv = files.resolve("lab.csv");
    Files.writeString(csv, "patient_number,specimen_date,test_code,value,unit,flag,range_low,range_high,range_text\n"
        + "000002," + today + ",CRP,0.42,mg/dL,,,,\n"
        + "999999," + today + ",CRP,0.10,mg/dL,,,,\n"
        + "000002," + today + ",NOPE,1.0,mg/dL,,,,\n"
        + "000002," + today + ",HB,abc,g/dL,,,,\n"
        + "000002," + today + ",HB,13.0,mmol/L,,,,\n"
        + "000002," + today + ",CRP,0.42,mg/dL,,,,\n"
        + "000002,2999-01-01,CRP,0.42,mg/dL,,,,\n", StandardCharsets.UTF_8);
    Path binary = files.resolve("binary.csv");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x81, (byte) 0x7f, 10});
    long visit = openPatientOne(robot);
    robot.interact(() -> robot.lookup("#soapS").queryAs(TextArea.class).setText("採血結果を確認"));
    int before = fixture.services().chartLabs().newest(sessionOf("doctor"), 2, 10_000).size();

    // Wrong encoding / binary: a file problem, nothing to accept.
    ctrl(robot, KeyCode.I);
    TextField path = await(robot, "#labImportPath", TextField.class);
    waitUntil(path::isFocused);
    robot.interact(() -> path.setText(binary.toString()));
    robot.type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#labImportFileProblems").queryAs(Label.class).getText().startsWith("TSU-9122"));
    assertThat(robot.lookup("#labImportAccept").queryAs(Button.class).isDisabled()).isTrue();

    // The mixed file: one clean line, six marked with their codes.
    robot.interact(() -> path.setText(csv.toString()));
    robot.clickOn(path);
    robot.type(KeyCode.ENTER);
    TableView<LabCsvImport.Line> lines = robot.lookup("#labImportLines").queryAs(TableView.class);
    waitUntil(() -> lines.getItems().size() == 7);
    assertThat(lines.getItems()).extracting(LabCsvImport.Line::status).containsExactly(LabCsvImport.Status.OK,
        LabCsvImport.Status.ERROR, LabCsvImport.Status.ERROR, LabCsvImport.Status.ERROR, LabCsvImport.Status.ERROR,
        LabCsvImport.Status.ERROR, LabCsvImport.Status.ERROR);
    assertThat(lines.getItems().get(1).problems()).extracting(p -> p.code().code()).contains("TSU-9128");
    assertThat(lines.getItems().get(2).problems()).extracting(p -> p.code().code()).contains("TSU-9102");
    assertThat(lines.getItems().get(3).problems()).extracting(p -> p.code().code()).contains("TSU-9103");
    assertThat(lines.getItems().get(4).problems()).extracting(p -> p.code().code()).contains("TSU-9104");
    assertThat(lines.getItems().get(5).problems()).extracting(p -> p.code().code()).contains("TSU-9129");
    assertThat(lines.getItems().get(6).problems()).extracting(p -> p.code().code()).contains("TSU-9107");
    assertThat(fixture.services().chartLabs().newest(sessionOf("doctor"), 2, 10_000)).as("preview saves nothing").hasSize(before);
    Screenshots.write(stage.getScene(), "chart-lab-import");

    ctrl(robot, KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#labImportInfo").queryAs(Label.class).getText().contains("1 件"));
    List<LabRevision> after = fixture.services().chartLabs().newest(sessionOf("doctor"), 2, 10_000);
    assertThat(after).hasSize(before + 1);
    assertThat(after.get(0).result().localCode()).isEqualTo("CRP");
    assertThat(after.get(0).result().value().number()).isEqualByComparingTo("0.42");
    assertThat(fixture.services().store().chartStore().noteRecordOfVisit(visit)).as("the note was not signed by Ctrl+Enter").isEmpty();
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> !robot.lookup("#labImportPane").query().isVisible());
  }
}
