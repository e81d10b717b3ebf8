package jp.tsumugi.ui.chart;

import static jp.tsumugi.ui.support.ShellFixture.await;
import static jp.tsumugi.ui.support.ShellFixture.logIn;
import static jp.tsumugi.ui.support.ShellFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import jp.tsumugi.app.chart.AllergySeverity;
import jp.tsumugi.app.chart.ChartRecordKind;
import jp.tsumugi.app.chart.FactRevision;
import jp.tsumugi.app.chart.Problem;
import jp.tsumugi.app.chart.ProblemOutcome;
import jp.tsumugi.app.chart.ProblemRevision;
import jp.tsumugi.app.master.MasterImportProgress;
import jp.tsumugi.app.master.search.SearchEntry;
import jp.tsumugi.app.reception.Reception;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
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
 * Problems and patient facts edited in the chart window, on a demo store with the bundled official masters:
 * a disease found by hiragana, one typed whole with its 修飾語, an outcome, an allergy that turns into a red
 * header badge, and a contraindication with a malformed code that is refused with its code and saves nothing.
 */
@ExtendWith(ApplicationExtension.class)
class ChartRecordsScreenTest {
  private static final long PATIENT = 7;
  private final ShellFixture fixture = new ShellFixture();
  private Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    fixture.start(stage, DemoStore.opener(DemoStore.create(Files.createTempDirectory("tsumugi-chart-records"))), true, null);
  }

  @Stop
  void stop() {
    fixture.stop();
  }

  private Session sessionOf(String username) {
    User user = fixture.services().store().users().findByUsername(username).orElseThrow();
    return new Session(user, "check", DemoStore.CLOCK.instant());
  }

  private List<ProblemRevision> storedProblems() {
    return fixture.services().chartProblems().list(sessionOf("doctor"), PATIENT);
  }

  private static void ctrl(FxRobot robot, KeyCode key) {
    robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
  }

  @Test
  @SuppressWarnings("unchecked")
  void doctorAddsProblemsFromTheMasterRecordsAnOutcomeAndAnAllergyBecomesARedBadge(FxRobot robot) throws Exception {
    waitUntil(() -> fixture.services() != null);
    fixture.services().masterImport().importBundledIntoEmptyStore(DemoStore.TERMINAL, MasterImportProgress.NONE);
    fixture.services().reception().checkIn(sessionOf("clerk"), new Reception.CheckIn(PATIENT, null, "doctor", null));
    int before = storedProblems().size();
    logIn(robot, "doctor", "tsumugi-doctor");
    robot.type(KeyCode.F2);
    ListView<?> today = await(robot, "#chartToday", ListView.class);
    waitUntil(() -> !today.getItems().isEmpty());
    ctrl(robot, KeyCode.U);
    robot.type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#soapS").queryAs(TextArea.class).isEditable());

    // Ctrl+N, hiragana, the master's candidates, 主病, Enter.
    ctrl(robot, KeyCode.N);
    TextField input = robot.lookup("#problemInput").queryAs(TextField.class);
    waitUntil(input::isFocused);
    robot.write("こうけつあつしょう");
    ListView<SearchEntry> hits = robot.lookup("#problemHits").queryAs(ListView.class);
    waitUntil(() -> !hits.getItems().isEmpty() && hits.getItems().get(0).name().equals("高血圧症"));
    robot.interact(() -> robot.lookup("#problemMain").queryAs(CheckBox.class).setSelected(true));
    robot.clickOn(input);
    robot.type(KeyCode.ENTER);
    waitUntil(() -> storedProblems().size() == before + 1);
    Problem added = storedProblems().stream().map(ProblemRevision::problem).filter(p -> p.diseaseCode().equals("8833421"))
        .findFirst().orElseThrow();
    assertThat(added.mainDisease()).isTrue();
    ListView<ProblemRevision> list = robot.lookup("#chartProblems").queryAs(ListView.class);
    waitUntil(() -> list.getItems().size() == before + 1);

    // Typed whole with its 修飾語: stored as disease + modifier codes, named as typed.
    robot.write("右変形性膝関節症");
    waitUntil(() -> !hits.getItems().isEmpty() || !input.getText().isEmpty());
    robot.type(KeyCode.ENTER);
    waitUntil(() -> storedProblems().size() == before + 2);
    Problem knee = storedProblems().stream().map(ProblemRevision::problem).filter(p -> p.displayName().equals("右変形性膝関節症"))
        .findFirst().orElseThrow();
    assertThat(knee.modifierCodes()).isNotEmpty();
    assertThat(knee.uncoded()).isFalse();
    Screenshots.write(stage.getScene(), "chart-problems");

    // 転帰: 治癒 today, with the default reason; the ended problem goes below the active ones.
    robot.interact(() -> {
      for (int i = 0; i < list.getItems().size(); i++) {
        if (list.getItems().get(i).problem().diseaseCode().equals("8833421")) {
          list.getSelectionModel().select(i);
        }
      }
    });
    robot.clickOn("#problemEndButton");
    waitUntil(() -> storedProblems().stream().anyMatch(r -> r.problem().outcome() == ProblemOutcome.CURED
        && r.problem().diseaseCode().equals("8833421")));
    waitUntil(() -> list.getItems().get(list.getItems().size() - 1).problem().outcome() == ProblemOutcome.CURED);

    // Its history: two revisions, the second with the reason, and the change marks 治癒.
    robot.interact(() -> list.getSelectionModel().select(list.getItems().size() - 1));
    robot.clickOn("#problemHistoryButton");
    ListView<HistoryRow> history = await(robot, "#recordHistoryList", ListView.class);
    waitUntil(() -> history.getItems().size() == 2);
    assertThat(history.getItems().get(1).reason()).isEqualTo("転帰の記録");
    assertThat(history.getItems().get(1).description()).contains("高血圧症").contains("治癒");
    javafx.scene.layout.VBox change = robot.lookup("#recordHistoryDiff").queryAs(javafx.scene.layout.VBox.class);
    waitUntil(() -> change.getChildren().size() == 2);
    String inserted = ((javafx.scene.text.TextFlow) change.getChildren().get(1)).getChildren().stream()
        .map(n -> (javafx.scene.text.Text) n).filter(t -> t.getStyleClass().contains("diff-insert-chars"))
        .map(javafx.scene.text.Text::getText).reduce("", String::concat);
    assertThat(inserted).contains("治癒");
    Screenshots.write(stage.getScene(), "chart-problem-history");
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> !robot.lookup("#recordHistoryPane").query().isVisible());

    // アレルギー等: a severe food allergy becomes a red header badge.
    robot.interact(() -> robot.lookup("#chartRightTabs").queryAs(TabPane.class).getSelectionModel().select(1));
    ComboBox<ChartRecordsViewModel.FactChoice> kind = robot.lookup("#factKind").queryAs(ComboBox.class);
    ComboBox<AllergySeverity> severity = robot.lookup("#factSeverity").queryAs(ComboBox.class);
    robot.interact(() -> {
      kind.setValue(ChartRecordsViewModel.FactChoice.FOOD);
      severity.setValue(AllergySeverity.SEVERE);
    });
    robot.clickOn("#factName").write("そば");
    robot.clickOn("#factText").write("アナフィラキシー");
    robot.type(KeyCode.ENTER);
    Label badge = await(robot, "#badgeAllergy0", Label.class);
    assertThat(badge.getText()).contains("そば").contains("アナフィラキシー");
    assertThat(badge.getStyleClass()).contains("badge-danger");

    // A contraindication with a malformed YJ code: refused with its code, nothing stored.
    robot.interact(() -> kind.setValue(ChartRecordsViewModel.FactChoice.CONTRAINDICATION));
    robot.clickOn("#factName").write("ロキソプロフェン");
    robot.clickOn("#factCode").write("12-34");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#recordsMessage").queryAs(Label.class).getText().startsWith("TSU-9019"));
    List<FactRevision> contraindications = fixture.services().patientFacts().current(sessionOf("doctor"), PATIENT,
        ChartRecordKind.CONTRAINDICATION);
    assertThat(contraindications).isEmpty();
    Screenshots.write(stage.getScene(), "chart-facts");
  }
}
