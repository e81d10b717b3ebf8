package jp.tsumugi.ui.chart;

import static jp.tsumugi.ui.support.ShellFixture.await;
import static jp.tsumugi.ui.support.ShellFixture.logIn;
import static jp.tsumugi.ui.support.ShellFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.prescription.DispensingKind;
import jp.tsumugi.app.prescription.Prescription;
import jp.tsumugi.app.prescription.PrescriptionRevision;
import jp.tsumugi.app.prescription.RpGroup;
import jp.tsumugi.app.prescription.RxItem;
import jp.tsumugi.app.prescription.SafetyOverride;
import jp.tsumugi.app.prescription.Usage;
import jp.tsumugi.app.reception.Reception;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.ui.support.DemoStore;
import jp.tsumugi.ui.support.RxDemoDrugs;
import jp.tsumugi.ui.support.Screenshots;
import jp.tsumugi.ui.support.ShellFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The prescription pane by keyboard on the demo clinic with real y-master rows (acceptance 2 end to end): a 併用禁忌 pair found as
 * the second drug is added, 確定 refused until an override reason is typed, then the reason in the stored revision and the
 * override's codes (not its text) in the audit log; 一般名, usage, days, a chart 薬剤禁忌, an amendment with a reason, and Do.
 */
@ExtendWith(ApplicationExtension.class)
class ChartRxScreenTest {
  private static final String REASON = "短期間のみ使用、専門医と相談済み";

  private final ShellFixture fixture = new ShellFixture();
  private Stage stage;
  private Path work;
  private long visitId;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    work = Files.createTempDirectory("tsumugi-chart-rx");
    fixture.start(stage, DemoStore.opener(DemoStore.create(work)), true, null);
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

  private static void ctrlShift(FxRobot robot, KeyCode key) {
    robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(key).release(KeyCode.SHIFT, KeyCode.CONTROL);
  }

  private void openToday(FxRobot robot) {
    waitUntil(() -> fixture.services() != null);
    RxDemoDrugs.importInto(fixture.services(), work);
    visitId = fixture.services().reception().checkIn(sessionOf("clerk"), new Reception.CheckIn(1, null, "doctor", null)).id();
    logIn(robot, "doctor", "tsumugi-doctor");
    robot.type(KeyCode.F2);
    ListView<?> today = await(robot, "#chartToday", ListView.class);
    waitUntil(() -> !today.getItems().isEmpty());
    ctrl(robot, KeyCode.U);
    robot.type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#soapS").queryAs(TextArea.class).isEditable());
    waitUntil(() -> !robot.lookup("#rxPane").query().isDisabled());
  }

  @SuppressWarnings("unchecked")
  private static ListView<ChartRxViewModel.Line> lines(FxRobot robot) {
    return robot.lookup("#rxLines").queryAs(ListView.class);
  }

  private static boolean anyLine(FxRobot robot, String text) {
    return lines(robot).getItems().stream().anyMatch(l -> l.text().contains(text));
  }

  /** Ctrl+E, the name, Enter on the first hit; the cursor lands in the per-day quantity. */
  private static void addDrug(FxRobot robot, String typed, String expectedInList) {
    ctrl(robot, KeyCode.E);
    TextField search = robot.lookup("#rxDrugSearch").queryAs(TextField.class);
    waitUntil(search::isFocused);
    robot.write(typed);
    waitUntil(() -> robot.lookup("#rxDrugSearchHits").tryQuery().map(n -> !((ListView<?>) n).getItems().isEmpty()).orElse(false));
    robot.type(KeyCode.ENTER);
    waitUntil(() -> anyLine(robot, expectedInList));
    waitUntil(() -> robot.lookup("#rxPerDay").queryAs(TextField.class).isFocused());
  }

  private static String label(FxRobot robot, String id) {
    return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
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

  private List<PrescriptionRevision> history() {
    return fixture.services().chartPrescriptions().history(sessionOf("doctor"), visitId);
  }

  @Test
  void aContraindicatedPairIsOverriddenWithAReasonThatIsStoredInTheRevisionAndAuditedByCode(FxRobot robot) throws Exception {
    openToday(robot);
    assertThat(robot.lookup("#rxDemoTable").query().isVisible()).as("the demo interaction table is marked").isTrue();
    assertThat(label(robot, "#rxDemoTable")).contains("デモ用の相互作用表");

    addDrug(robot, "ハルシオン", "ハルシオン");
    robot.write("1");
    waitUntil(() -> anyLine(robot, "1日1錠"));
    assertThat(label(robot, "#rxFindingsTitle")).contains("指摘はありません");

    // The second drug makes the 禁忌 pair: the finding appears at once, typing goes on in the quantity field.
    addDrug(robot, "イトリゾール", "イトリゾール");
    robot.write("1");
    waitUntil(() -> label(robot, "#rxFinding1").contains("併用禁忌"));
    assertThat(label(robot, "#rxFinding1")).contains("ハルシオン").contains("イトリゾール").contains("この処方").contains("出典");
    assertThat(robot.lookup("#rxPerDay").queryAs(TextField.class).isFocused()).as("the findings pane takes no focus").isTrue();
    assertThat(shown(robot.lookup("#chartRightTabs").query())).as("the right panel steps aside while prescribing").isFalse();
    Screenshots.write(stage.getScene(), "chart-rx-finding");

    // 確定 is refused and says which finding is open; nothing is stored.
    ctrl(robot, KeyCode.ENTER);
    waitUntil(() -> label(robot, "#rxMessage").contains("1 番が未対応"));
    assertThat(history()).isEmpty();

    // Ctrl+J: the reason field of the first open finding; type a reason and sign.
    ctrl(robot, KeyCode.J);
    ComboBox<String> reason = robot.lookup("#rxOverride1").queryAs(ComboBox.class);
    waitUntil(() -> reason.getEditor().isFocused() || reason.isFocused());
    robot.write(REASON);
    waitUntil(() -> label(robot, "#rxFindingState1").equals("対応済み"));
    Screenshots.write(stage.getScene(), "chart-rx-override");
    ctrl(robot, KeyCode.ENTER);
    waitUntil(() -> label(robot, "#rxState").contains("確定（第1版）"));
    Screenshots.write(stage.getScene(), "chart-rx-signed");

    // The stored revision holds the override with its reason ...
    List<PrescriptionRevision> stored = history();
    assertThat(stored).hasSize(1);
    SafetyOverride override = stored.get(0).overrides().get(0);
    assertThat(stored.get(0).overrides()).hasSize(1);
    assertThat(override.findingCode()).isEqualTo("CONTRAINDICATED_COMBINATION");
    assertThat(override.level()).isEqualTo("CONTRAINDICATED");
    assertThat(override.drugCode()).isIn(RxDemoDrugs.HALCION, RxDemoDrugs.ITRIZOLE);
    assertThat(override.reason()).isEqualTo(REASON);
    assertThat(stored.get(0).content().groups().get(0).items()).extracting(RxItem::drugCode)
        .containsExactly(RxDemoDrugs.HALCION, RxDemoDrugs.ITRIZOLE);
    // ... and the audit log holds the override's codes, never the free text.
    List<AuditEntry> signed = audit(AuditAction.CHART_RX_SIGNED);
    assertThat(signed).hasSize(1);
    assertThat(signed.get(0).detail()).contains("visit=" + visitId)
        .contains("overrides=CONTRAINDICATED_COMBINATION/CONTRAINDICATED/" + override.drugCode()).doesNotContain("専門医");

    // Ctrl+Shift+P previews the signed prescription's 院外処方箋 from the chart; Esc closes it.
    ctrlShift(robot, KeyCode.P);
    waitUntil(() -> robot.lookup("#pageImage").tryQuery().isPresent());
    assertThat(robot.lookup("#pageLabel").queryAs(Label.class).getText()).isEqualTo("1 / 1 頁");
    assertThat(((Stage) robot.lookup("#pageImage").query().getScene().getWindow()).getTitle()).isEqualTo("処方箋の印刷プレビュー");
    Screenshots.write(robot.lookup("#pageImage").query().getScene(), "chart-rx-print-preview");
    assertThat(audit(AuditAction.RX_PRINT_SLIP)).hasSize(1);
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> robot.lookup("#pageImage").tryQuery().isEmpty());

    // Back in the S column, the right panel returns.
    ctrl(robot, KeyCode.DIGIT1);
    waitUntil(() -> shown(robot.lookup("#chartRightTabs").query()));
  }

  /** Whether the node and every parent are visible. */
  private static boolean shown(javafx.scene.Node node) {
    for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }

  @Test
  @SuppressWarnings("unchecked")
  void genericUsageDaysAChartContraindicationAnAmendmentAndDoByKeyboard(FxRobot robot) throws Exception {
    openToday(robot);
    Session doctor = sessionOf("doctor");
    long earlier = fixture.services().chartOverview().open(doctor, 1).timeline().stream().filter(e -> e.visitId() != visitId)
        .findFirst().orElseThrow().visitId();
    fixture.services().chartPrescriptions().sign(doctor, earlier, 0, new Prescription(earlier, DispensingKind.OUTSIDE,
        List.of(RpGroup.oral("1A", 28, RxItem.of(RxDemoDrugs.NORVASC, null, "1"))), 0, ""), List.of(), null);

    // Do (前回処方): Ctrl+Shift+D copies the previous prescription for review.
    ctrlShift(robot, KeyCode.D);
    waitUntil(() -> anyLine(robot, "ノルバスク"));
    assertThat(label(robot, "#rxInfo")).contains("前回処方");
    assertThat(anyLine(robot, "　28日分")).isTrue();

    // 一般名: select the drug, Ctrl+G; the standard generic notation replaces the brand name.
    ListView<ChartRxViewModel.Line> list = lines(robot);
    robot.interact(() -> {
      list.requestFocus();
      list.getSelectionModel().select(1);
    });
    ctrl(robot, KeyCode.G);
    waitUntil(() -> anyLine(robot, "【般】アムロジピン錠５ｍｇ"));
    assertThat(label(robot, "#rxGenericName")).contains("【般】アムロジピン錠５ｍｇ");

    // Usage and days of the group.
    robot.interact(() -> list.getSelectionModel().select(0));
    ComboBox<Usage> usage = robot.lookup("#rxUsage").queryAs(ComboBox.class);
    assertThat(usage.getValue().code()).isEqualTo("1A");
    robot.interact(usage::requestFocus);
    robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
    waitUntil(usage::isShowing);
    robot.type(KeyCode.DOWN, 3).type(KeyCode.ENTER);
    waitUntil(() -> anyLine(robot, "1日1回夕食後"));
    TextField days = robot.lookup("#rxDays").queryAs(TextField.class);
    robot.interact(() -> {
      days.requestFocus();
      days.selectAll();
    });
    robot.write("14");
    waitUntil(() -> anyLine(robot, "　14日分"));

    // A drug the chart lists as 薬剤禁忌 (ロキソプロフェン): the finding appears; Delete removes the drug and the finding.
    addDrug(robot, "ロキソニン", "ロキソニン");
    robot.write("3");
    waitUntil(() -> label(robot, "#rxFinding1").contains("薬剤禁忌"));
    Screenshots.write(stage.getScene(), "chart-rx-contraindication");
    TextField perDay = robot.lookup("#rxPerDay").queryAs(TextField.class);
    javafx.scene.control.ScrollPane editorScroll = robot.lookup(".rx-scroll").queryAs(javafx.scene.control.ScrollPane.class);
    // The editor scrolls the field being typed in back into view after the layout pass that follows the finding.
    waitUntil(() -> {
      javafx.geometry.Bounds field = perDay.localToScene(perDay.getBoundsInLocal());
      javafx.geometry.Bounds view = editorScroll.localToScene(editorScroll.getBoundsInLocal());
      return field.getMinY() >= view.getMinY() && field.getMinY() <= view.getMaxY();
    });
    robot.interact(list::requestFocus);
    waitUntil(() -> list.getSelectionModel().getSelectedItem() != null && list.getSelectionModel().getSelectedItem().text()
        .contains("ロキソニン"));
    robot.type(KeyCode.DELETE);
    waitUntil(() -> !anyLine(robot, "ロキソニン"));
    waitUntil(() -> label(robot, "#rxFindingsTitle").contains("指摘はありません"));

    // 確定 from the pane.
    robot.interact(list::requestFocus);
    ctrl(robot, KeyCode.ENTER);
    waitUntil(() -> label(robot, "#rxState").contains("確定（第1版）"));
    assertThat(history().get(0).content().groups().get(0).items().get(0).generic()).isTrue();
    assertThat(history().get(0).content().groups().get(0).usageText()).isEqualTo("1日1回夕食後");

    // Amendment: 28 days; 確定 asks for a reason; with it, revision 2 — and the first revision is no duplicate of itself.
    robot.interact(() -> list.getSelectionModel().select(0));
    robot.interact(() -> {
      days.requestFocus();
      days.selectAll();
    });
    robot.write("28");
    waitUntil(() -> anyLine(robot, "　28日分"));
    assertThat(label(robot, "#rxFindingsTitle")).contains("指摘はありません");
    ctrl(robot, KeyCode.ENTER);
    waitUntil(() -> label(robot, "#rxMessage").contains("理由"));
    TextField amendReason = robot.lookup("#rxAmendReason").queryAs(TextField.class);
    robot.interact(amendReason::requestFocus);
    robot.write("28日分に変更");
    ctrl(robot, KeyCode.ENTER);
    try {
      waitUntil(() -> label(robot, "#rxState").contains("第2版"));
    } catch (AssertionError e) {
      Screenshots.write(stage.getScene(), "chart-rx-amend-failed");
      throw new AssertionError(label(robot, "#rxMessage") + " | " + label(robot, "#rxState") + " | " + label(robot, "#chartMessage"), e);
    }
    assertThat(history()).extracting(PrescriptionRevision::reason).containsExactly("", "28日分に変更");
    Screenshots.write(stage.getScene(), "chart-rx-amended");
    Node keys = robot.lookup("#chartKeys").query();
    assertThat(((Label) keys).getText()).contains("Ctrl+E").contains("Ctrl+Shift+D");
  }
}
