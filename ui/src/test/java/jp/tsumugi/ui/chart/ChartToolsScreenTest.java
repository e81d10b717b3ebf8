package jp.tsumugi.ui.chart;

import static jp.tsumugi.ui.support.ShellFixture.await;
import static jp.tsumugi.ui.support.ShellFixture.logIn;
import static jp.tsumugi.ui.support.ShellFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import jp.tsumugi.app.chart.ChartSearchHit;
import jp.tsumugi.app.chart.Stamp;
import jp.tsumugi.app.chart.TimelineEntry;
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
 * Stamps, Do and the clinic-wide search from the keyboard, on a demo store with chart history and the demo's
 * shared stamps: a keyword expands in P, a prefix offers completions, Do copies the previous visit's P, a
 * stamp made in the stamps tab expands too, and a search result opens its visit.
 */
@ExtendWith(ApplicationExtension.class)
class ChartToolsScreenTest {
  /** The demo history's P for patient 1 (hypertension course). */
  private static final String PREVIOUS_PLAN = "アムロジピン錠5mg 1錠 1日1回朝食後 28日分\n次回 4週後";
  private static final String HTN_STAMP = "アムロジピン錠5mg 1錠 分1 朝食後 28日分\n家庭血圧の記録を持参";
  private static final String KAZE_STAMP = "カロナール錠200mg 1回2錠 発熱時・疼痛時 10回分\nムコダイン錠500mg 3錠 分3 毎食後 5日分\n症状増悪時は再診";

  private final ShellFixture fixture = new ShellFixture();
  private Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    fixture.start(stage, DemoStore.opener(DemoStore.create(Files.createTempDirectory("tsumugi-chart-tools"))), true, null);
  }

  @Stop
  void stop() {
    fixture.stop();
  }

  private Session sessionOf(String username) {
    User user = fixture.services().store().users().findByUsername(username).orElseThrow();
    return new Session(user, "受付", DemoStore.CLOCK.instant());
  }

  private static void ctrl(FxRobot robot, KeyCode key) {
    robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
  }

  private void openToday(FxRobot robot) {
    waitUntil(() -> fixture.services() != null);
    fixture.services().reception().checkIn(sessionOf("clerk"), new Reception.CheckIn(1, null, "doctor", null));
    logIn(robot, "doctor", "tsumugi-doctor");
    robot.type(KeyCode.F2);
    ListView<?> today = await(robot, "#chartToday", ListView.class);
    waitUntil(() -> !today.getItems().isEmpty());
    ctrl(robot, KeyCode.U);
    robot.type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#soapS").queryAs(TextArea.class).isEditable());
  }

  @Test
  @SuppressWarnings("unchecked")
  void keywordsExpandCompletionsOfferAndDoCopiesThePreviousPlan(FxRobot robot) throws Exception {
    openToday(robot);
    TextArea s = robot.lookup("#soapS").queryAs(TextArea.class);
    TextArea p = robot.lookup("#soapP").queryAs(TextArea.class);

    // An exact keyword in P: Ctrl+Space puts the stamp in its place.
    ctrl(robot, KeyCode.DIGIT4);
    waitUntil(p::isFocused);
    robot.write("htn");
    ctrl(robot, KeyCode.SPACE);
    waitUntil(() -> p.getText().equals(HTN_STAMP));

    // A prefix in S: the completions list takes the keyboard, Enter inserts in place of the prefix.
    ctrl(robot, KeyCode.DIGIT1);
    waitUntil(s::isFocused);
    robot.write("頭痛 ka");
    ctrl(robot, KeyCode.SPACE);
    ListView<Stamp> completions = await(robot, "#stampCompletions", ListView.class);
    waitUntil(completions::isFocused);
    assertThat(completions.getItems()).extracting(Stamp::keyword).contains("kaze");
    Screenshots.write(stage.getScene(), "chart-stamp-completions");
    robot.interact(() -> completions.getSelectionModel().select(
        completions.getItems().stream().filter(x -> x.keyword().equals("kaze")).findFirst().orElseThrow()));
    robot.type(KeyCode.ENTER);
    waitUntil(() -> s.getText().equals("頭痛 " + KAZE_STAMP));
    assertThat(completions.isVisible()).isFalse();

    // An unknown keyword says so and changes nothing.
    robot.write(" zzz");
    ctrl(robot, KeyCode.SPACE);
    waitUntil(() -> robot.lookup("#chartStampMessage").queryAs(Label.class).getText().contains("zzz"));
    assertThat(s.getText()).endsWith(" zzz");

    // Do: the previous visit's P goes after what P holds.
    robot.interact(() -> p.setText(""));
    ctrl(robot, KeyCode.D);
    waitUntil(() -> p.getText().equals(PREVIOUS_PLAN));
    assertThat(robot.lookup("#chartInfo").queryAs(Label.class).getText()).contains("前回");

    // A personal stamp made in the stamps tab expands like the shared ones.
    TabPane tabs = robot.lookup("#chartRightTabs").queryAs(TabPane.class);
    robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
        .filter(t -> "chartTabStamps".equals(t.getId())).findFirst().orElseThrow()));
    robot.clickOn("#stampKeyword").write("mine");
    robot.clickOn("#stampTitle").write("my stamp");
    robot.clickOn("#stampBody").write("self-made text");
    robot.clickOn("#stampSaveButton");
    ListView<Stamp> list = robot.lookup("#stampList").queryAs(ListView.class);
    waitUntil(() -> list.getItems().stream().anyMatch(x -> x.keyword().equals("mine") && !x.shared()));
    Screenshots.write(stage.getScene(), "chart-stamps");
    ctrl(robot, KeyCode.DIGIT3);
    TextArea a = robot.lookup("#soapA").queryAs(TextArea.class);
    waitUntil(a::isFocused);
    robot.write("mine");
    ctrl(robot, KeyCode.SPACE);
    waitUntil(() -> a.getText().equals("self-made text"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSearchAcrossAllChartsOpensTheVisitItFound(FxRobot robot) throws Exception {
    openToday(robot);
    ctrl(robot, KeyCode.F);
    TextField field = await(robot, "#fulltextField", TextField.class);
    waitUntil(field::isFocused);
    robot.write("コントロール 良好");
    robot.type(KeyCode.ENTER);
    ListView<ChartSearchHit> hits = robot.lookup("#fulltextHits").queryAs(ListView.class);
    waitUntil(() -> !hits.getItems().isEmpty(), 30);
    assertThat(robot.lookup("#fulltextStatus").queryAs(Label.class).getText()).contains("件");
    assertThat(hits.getItems()).allMatch(h -> h.snippet().contains("コントロール") && h.snippet().contains("良好"));
    Screenshots.write(stage.getScene(), "chart-search");

    // Down to the results; pick a hit of another patient and open it with Enter.
    robot.type(KeyCode.DOWN);
    int target = 0;
    for (int i = 0; i < hits.getItems().size(); i++) {
      if (hits.getItems().get(i).patientId() != 1 && hits.getItems().get(i).visitId() != 0) {
        target = i;
        break;
      }
    }
    ChartSearchHit chosen = hits.getItems().get(target);
    int index = target;
    robot.interact(() -> hits.getSelectionModel().select(index));
    robot.type(KeyCode.ENTER);
    Label number = robot.lookup("#chartPatientNumber").queryAs(Label.class);
    waitUntil(() -> chosen.patientNumber().equals(number.getText()));
    ListView<TimelineEntry> timeline = robot.lookup("#chartTimeline").queryAs(ListView.class);
    waitUntil(() -> timeline.getSelectionModel().getSelectedItem() != null
        && timeline.getSelectionModel().getSelectedItem().visitId() == chosen.visitId());
    assertThat(robot.lookup("#fulltextPane").query().isVisible()).isFalse();
  }
}
