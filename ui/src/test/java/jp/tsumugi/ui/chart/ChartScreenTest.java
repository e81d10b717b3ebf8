package jp.tsumugi.ui.chart;

import static jp.tsumugi.ui.support.ShellFixture.await;
import static jp.tsumugi.ui.support.ShellFixture.logIn;
import static jp.tsumugi.ui.support.ShellFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.InputMethodEvent;
import javafx.scene.input.InputMethodHighlight;
import javafx.scene.input.InputMethodTextRun;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import jp.tsumugi.app.chart.NoteDraft;
import jp.tsumugi.app.chart.NoteRevision;
import jp.tsumugi.app.chart.SoapNote;
import jp.tsumugi.app.chart.TimelineEntry;
import jp.tsumugi.app.reception.Reception;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.ui.composition.AppServices;
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
 * The chart window on a demo store with chart history, driven by keyboard only: a doctor opens today's
 * patient, types S/O/A/P (S through the input method, as composed Japanese), the draft survives the
 * application going away, and sign-off, amendment, history with its diff, read-only under another
 * terminal's lease and the merge view after a lost race all work from the keys.
 */
@ExtendWith(ApplicationExtension.class)
class ChartScreenTest {
  private ShellFixture fixture = new ShellFixture();
  private Stage stage;
  private StoreLocation location;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    location = DemoStore.create(Files.createTempDirectory("tsumugi-chart-ui"));
    fixture.start(stage, DemoStore.opener(location), true, null);
  }

  @Stop
  void stop() {
    fixture.stop();
  }

  private AppServices services() {
    return fixture.services();
  }

  private Session sessionOf(String username, String terminal) {
    User user = services().store().users().findByUsername(username).orElseThrow();
    return new Session(user, terminal, DemoStore.CLOCK.instant());
  }

  /** Patient 1 (allergies, 禁忌 and a history in the demo) checked in today at another terminal; returns the visit id. */
  private long checkInPatientOne() {
    waitUntil(() -> services() != null);
    return services().reception().checkIn(sessionOf("clerk", "受付1"), new Reception.CheckIn(1, null, "doctor", null)).id();
  }

  /** F2, Ctrl+U, Enter: today's first patient opens at today's visit. */
  @SuppressWarnings("unchecked")
  private void openTodaysFirstPatient(FxRobot robot) {
    robot.type(KeyCode.F2);
    ListView<?> today = await(robot, "#chartToday", ListView.class);
    waitUntil(() -> !today.getItems().isEmpty());
    robot.press(KeyCode.CONTROL).type(KeyCode.U).release(KeyCode.CONTROL);
    waitUntil(() -> today.isFocused());
    robot.type(KeyCode.ENTER);
    ListView<TimelineEntry> timeline = robot.lookup("#chartTimeline").queryAs(ListView.class);
    waitUntil(() -> !timeline.getItems().isEmpty() && robot.lookup("#soapS").queryAs(TextArea.class).isEditable());
  }

  private static void ctrl(FxRobot robot, KeyCode key) {
    robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  /** Composes "ずつう" as uncommitted input, then commits "頭痛と発熱", as a Japanese IME does. */
  private static void imeType(FxRobot robot, TextArea area) {
    robot.interact(() -> {
      area.fireEvent(new InputMethodEvent(InputMethodEvent.INPUT_METHOD_TEXT_CHANGED,
          List.of(new InputMethodTextRun("ずつう", InputMethodHighlight.UNSELECTED_RAW)), "", 3));
      area.fireEvent(new InputMethodEvent(InputMethodEvent.INPUT_METHOD_TEXT_CHANGED, List.of(), "頭痛と発熱", 0));
    });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private Optional<NoteDraft> draft(long visitId) {
    return services().store().chartStore().draft(visitId, "doctor");
  }

  @Test
  @SuppressWarnings("unchecked")
  void draftTypedWithTheImeSurvivesARestartThenSignOffAmendAndTheDiffAreShown(FxRobot robot) throws Exception {
    long visitId = checkInPatientOne();
    logIn(robot, "doctor", "tsumugi-doctor");
    openTodaysFirstPatient(robot);

    // The header: name, red allergy and contraindication badges; the timeline: today first, then the demo history.
    assertThat(text(robot, "#chartPatientName")).contains("（");
    Label allergy = robot.lookup("#badgeAllergy0").queryAs(Label.class);
    assertThat(allergy.getText()).contains("ペニシリン系抗菌薬").contains("薬疹");
    assertThat(allergy.getStyleClass()).contains("badge-danger");
    assertThat(robot.lookup("#badgeContraindication0").queryAs(Label.class).getText()).contains("ロキソプロフェン");
    ListView<TimelineEntry> timeline = robot.lookup("#chartTimeline").queryAs(ListView.class);
    assertThat(timeline.getItems().get(0).visitId()).isEqualTo(visitId);
    assertThat(timeline.getItems()).hasSizeGreaterThan(3);
    assertThat(timeline.getItems().subList(1, timeline.getItems().size())).allMatch(TimelineEntry::signed);
    assertThat(robot.lookup("#chartProblems").queryAs(ListView.class).getItems()).isNotEmpty();

    // Keyboard only: Ctrl+1 to S, composed Japanese through the input method, Tab to O, A, P.
    ctrl(robot, KeyCode.DIGIT1);
    TextArea s = robot.lookup("#soapS").queryAs(TextArea.class);
    waitUntil(s::isFocused);
    imeType(robot, s);
    assertThat(s.getText()).isEqualTo("頭痛と発熱");
    robot.type(KeyCode.TAB);
    TextArea o = robot.lookup("#soapO").queryAs(TextArea.class);
    waitUntil(o::isFocused);
    robot.write("BP 124/78 T 37.9");
    robot.type(KeyCode.TAB);
    waitUntil(() -> robot.lookup("#soapA").queryAs(TextArea.class).isFocused());
    robot.write("かぜ");
    robot.type(KeyCode.TAB);
    waitUntil(() -> robot.lookup("#soapP").queryAs(TextArea.class).isFocused());
    robot.write("kaze-set");

    // Autosave after the pause in typing: the draft is in the database before anything closes.
    waitUntil(() -> draft(visitId).map(d -> d.content().plan().equals("kaze-set")).orElse(false));
    assertThat(draft(visitId).orElseThrow().content())
        .isEqualTo(new SoapNote("頭痛と発熱", "BP 124/78 T 37.9", "かぜ", "kaze-set"));
    waitUntil(() -> text(robot, "#chartSaveInfo").startsWith("下書き保存"));
    Screenshots.write(stage.getScene(), "chart-editing");

    // The application goes away (the store-level ChartCrashTest kills a real process) and starts again.
    fixture.stop();
    fixture = new ShellFixture();
    robot.interact(() -> fixture.start(stage, DemoStore.opener(location), true, null));
    logIn(robot, "doctor", "tsumugi-doctor");
    openTodaysFirstPatient(robot);
    TextArea restored = robot.lookup("#soapS").queryAs(TextArea.class);
    assertThat(restored.getText()).isEqualTo("頭痛と発熱");
    assertThat(robot.lookup("#soapP").queryAs(TextArea.class).getText()).isEqualTo("kaze-set");
    assertThat(text(robot, "#chartSaveInfo")).startsWith("下書きを復元");
    assertThat(text(robot, "#chartNoteState")).contains("下書きあり");

    // Ctrl+Enter signs revision 1; the timeline says 確定.
    ctrl(robot, KeyCode.DIGIT3);
    ctrl(robot, KeyCode.ENTER);
    waitUntil(() -> text(robot, "#chartInfo").contains("第1版"));
    ListView<TimelineEntry> after = robot.lookup("#chartTimeline").queryAs(ListView.class);
    waitUntil(() -> after.getItems().get(0).signed() && after.getItems().get(0).revision() == 1);
    assertThat(draft(visitId)).isEmpty();

    // Amend: more text in A, the reason field (Tab from P), Ctrl+Enter.
    TextArea a = robot.lookup("#soapA").queryAs(TextArea.class);
    ctrl(robot, KeyCode.DIGIT3);
    waitUntil(a::isFocused);
    robot.interact(() -> a.end());
    robot.write(" -> influenza?");
    ctrl(robot, KeyCode.ENTER);
    waitUntil(() -> text(robot, "#chartMessage").contains("理由"));
    ctrl(robot, KeyCode.DIGIT4);
    robot.type(KeyCode.TAB);
    TextField reason = robot.lookup("#amendReason").queryAs(TextField.class);
    waitUntil(reason::isFocused);
    robot.write("rapid test");
    ctrl(robot, KeyCode.ENTER);
    waitUntil(() -> text(robot, "#chartInfo").contains("第2版"));

    // Ctrl+H: both revisions, and the diff of the last change marks the added characters.
    ctrl(robot, KeyCode.H);
    ListView<NoteRevision> history = await(robot, "#historyList", ListView.class);
    waitUntil(() -> history.getItems().size() == 2);
    VBox diff = robot.lookup("#diffView").queryAs(VBox.class);
    waitUntil(() -> !diff.getChildren().isEmpty());
    assertThat(text(robot, "#diffTitle")).contains("第1版").contains("第2版");
    List<Text> inserted = diff.getChildren().stream().filter(n -> n instanceof TextFlow).flatMap(n -> ((TextFlow) n).getChildren()
        .stream()).map(n -> (Text) n).filter(t -> t.getStyleClass().contains("diff-insert-chars")).toList();
    assertThat(inserted).extracting(Text::getText).containsExactly(" -> influenza?");
    Screenshots.write(stage.getScene(), "chart-history");
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> !robot.lookup("#historyPane").query().isVisible());

    List<NoteRevision> stored = services().chartNotes().history(sessionOf("doctor", "check"), visitId);
    assertThat(stored).extracting(r -> r.content().assessment()).containsExactly("かぜ", "かぜ -> influenza?");
    assertThat(stored.get(1).reason()).isEqualTo("rapid test");
    assertThat(services().auditVerifier().verify().intact()).isTrue();
  }

  @Test
  void aNoteAnotherTerminalIsEditingOpensReadOnlyAndSaysWho(FxRobot robot) throws Exception {
    long visitId = checkInPatientOne();
    assertThat(services().editLeases().acquire(sessionOf("doctor", "診察室2"),
        jp.tsumugi.app.chart.EditLeases.noteSection(visitId)).granted()).isTrue();
    logIn(robot, "doctor", "tsumugi-doctor");
    robot.type(KeyCode.F2);
    ListView<?> today = await(robot, "#chartToday", ListView.class);
    waitUntil(() -> !today.getItems().isEmpty());
    ctrl(robot, KeyCode.U);
    robot.type(KeyCode.ENTER);
    Label lease = await(robot, "#chartLeaseInfo", Label.class);
    assertThat(lease.getText()).contains("診察室2").contains("読み取り専用");
    TextArea s = robot.lookup("#soapS").queryAs(TextArea.class);
    assertThat(s.isEditable()).isFalse();
    ctrl(robot, KeyCode.DIGIT1);
    robot.write("x");
    assertThat(s.getText()).isEmpty();
    assertThat(draft(visitId)).isEmpty();
    Screenshots.write(stage.getScene(), "chart-read-only");
  }

  @Test
  void losingTheSignOffRaceShowsTheMergeViewAndNeitherTextIsLost(FxRobot robot) throws Exception {
    long visitId = checkInPatientOne();
    logIn(robot, "doctor", "tsumugi-doctor");
    openTodaysFirstPatient(robot);
    ctrl(robot, KeyCode.DIGIT1);
    robot.write("mine");
    waitUntil(() -> draft(visitId).isPresent());

    // Meanwhile a second terminal (another application instance; the lease is advisory) signs first.
    services().chartNotes().signOff(sessionOf("doctor", "診察室2"), visitId, 0, new SoapNote("theirs", "", "", ""), null);

    ctrl(robot, KeyCode.ENTER);
    VBox merge = await(robot, "#mergePane", VBox.class);
    assertThat(text(robot, "#chartMessage")).contains("診察室2");
    VBox theirs = robot.lookup("#mergeTheirs").queryAs(VBox.class);
    List<String> shown = theirs.getChildren().stream().filter(n -> n instanceof TextFlow)
        .flatMap(n -> ((TextFlow) n).getChildren().stream()).map(n -> ((Text) n).getText()).toList();
    assertThat(String.join("", shown)).contains("theirs").contains("mine");
    Screenshots.write(stage.getScene(), "chart-merge");

    // Esc back to the editor, merge by hand, give the reason, sign on top of their revision.
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> !merge.isVisible());
    TextArea s = robot.lookup("#soapS").queryAs(TextArea.class);
    robot.interact(() -> s.setText("theirs\nmine"));
    robot.interact(() -> robot.lookup("#amendReason").queryAs(TextField.class).setText("統合"));
    ctrl(robot, KeyCode.ENTER);
    waitUntil(() -> text(robot, "#chartInfo").contains("第2版"));
    List<NoteRevision> stored = services().chartNotes().history(sessionOf("doctor", "check"), visitId);
    assertThat(stored).extracting(r -> r.content().subjective()).containsExactly("theirs", "theirs\nmine");
    assertThat(stored).extracting(NoteRevision::terminal).containsExactly("診察室2", DemoStore.TERMINAL);
  }

  private static void paste(FxRobot robot, String text) {
    robot.interact(() -> {
      ClipboardContent content = new ClipboardContent();
      content.putString(text);
      Clipboard.getSystemClipboard().setContent(content);
    });
    robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void pastingControlCharactersOrTenMegabytesIsRefusedWithItsCodeWhileEmojiAndGaijiAreKept(FxRobot robot) throws Exception {
    long visitId = checkInPatientOne();
    logIn(robot, "doctor", "tsumugi-doctor");
    openTodaysFirstPatient(robot);
    TextArea s = robot.lookup("#soapS").queryAs(TextArea.class);
    ctrl(robot, KeyCode.DIGIT1);
    waitUntil(s::isFocused);

    paste(robot, "bell\u0007 here");
    waitUntil(() -> text(robot, "#chartMessage").startsWith("TSU-9001"));
    assertThat(s.getText()).isEmpty();
    paste(robot, "長".repeat(10 * 1024 * 1024 / 3));
    waitUntil(() -> text(robot, "#chartMessage").startsWith("TSU-9002"));
    assertThat(s.getText()).isEmpty();

    paste(robot, "emoji 😷 and 𠮷 are kept");
    assertThat(s.getText()).isEqualTo("emoji 😷 and 𠮷 are kept");
    waitUntil(() -> draft(visitId).isPresent());
    assertThat(draft(visitId).orElseThrow().content().subjective()).isEqualTo("emoji 😷 and 𠮷 are kept");
  }

  @Test
  void aNurseWritesADraftButCannotSignAndTheKeysSaySo(FxRobot robot) throws Exception {
    long visitId = checkInPatientOne();
    logIn(robot, "nurse", "tsumugi-nurse");
    openTodaysFirstPatient(robot);
    assertThat(robot.lookup("#signButton").tryQuery().map(Node::isVisible).orElse(false)).isFalse();
    ctrl(robot, KeyCode.DIGIT2);
    robot.write("T 36.8");
    waitUntil(() -> services().store().chartStore().draft(visitId, "nurse").isPresent());
    ctrl(robot, KeyCode.ENTER);
    waitUntil(() -> text(robot, "#chartMessage").contains("医師"));
    assertThat(services().store().chartStore().noteRecordOfVisit(visitId)).isEmpty();
    Screenshots.write(stage.getScene(), "chart-nurse");
  }

  @Test
  @SuppressWarnings("unchecked")
  void ctrlOOnTheReceptionQueueOpensThatVisitsChart(FxRobot robot) throws Exception {
    long visitId = checkInPatientOne();
    logIn(robot, "doctor", "tsumugi-doctor");
    robot.type(KeyCode.F1);
    javafx.scene.control.TableView<?> queue = await(robot, "#receptionQueue", javafx.scene.control.TableView.class);
    waitUntil(() -> !queue.getItems().isEmpty());
    robot.interact(() -> {
      queue.requestFocus();
      queue.getSelectionModel().select(0);
    });
    ctrl(robot, KeyCode.O);
    Label number = await(robot, "#chartPatientNumber", Label.class);
    waitUntil(() -> "000001".equals(number.getText()));
    ListView<TimelineEntry> timeline = robot.lookup("#chartTimeline").queryAs(ListView.class);
    waitUntil(() -> timeline.getSelectionModel().getSelectedItem() != null);
    assertThat(timeline.getSelectionModel().getSelectedItem().visitId()).isEqualTo(visitId);
  }
}
