package jp.tsumugi.ui.masters;

import static jp.tsumugi.ui.support.ShellFixture.await;
import static jp.tsumugi.ui.support.ShellFixture.logIn;
import static jp.tsumugi.ui.support.ShellFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.master.MasterKind;
import jp.tsumugi.app.master.search.SearchHit;
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
 * The マスタ screen on a demo store without masters: an administrator imports the bundled set with
 * progress and a report, then searches with the keyboard only and composes a disease name.
 */
@ExtendWith(ApplicationExtension.class)
class MastersScreenTest {
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

  @Test
  @SuppressWarnings("unchecked")
  void administratorImportsTheBundledMastersThenSearchesWithTheKeyboard(FxRobot robot) throws Exception {
    logIn(robot, "admin", "tsumugi-admin");
    robot.type(KeyCode.F5);
    TableView<MastersViewModel.StatusRow> table = await(robot, "#masterStatus", TableView.class);
    waitUntil(() -> table.getItems().size() == MasterKind.values().length);
    assertThat(table.getItems()).allSatisfy(row -> assertThat(row.records()).isZero());

    robot.clickOn(await(robot, "#importBundledButton", Button.class));
    waitUntil(() -> !robot.lookup("#importReport").queryAs(Label.class).getText().isEmpty(), 120);
    String report = robot.lookup("#importReport").queryAs(Label.class).getText();
    assertThat(report).contains("医科診療行為: 追加").contains("傷病名: 追加 27,437 件");
    waitUntil(() -> table.getItems().stream().allMatch(row -> row.records() > 0));
    assertThat(table.getItems()).filteredOn(r -> r.master().equals("医薬品")).singleElement()
        .satisfies(r -> assertThat(r.records()).isEqualTo(21182));
    assertThat(robot.lookup("#importProgressText").queryAs(Label.class).getText()).isEqualTo("取り込みが完了しました。");
    assertThat(auditActions()).contains(AuditAction.MASTER_IMPORTED);

    TextField search = await(robot, "#masterSearch", TextField.class);
    robot.clickOn(search).write("ろきそ");
    waitUntil(() -> robot.lookup("#masterSearchHits").tryQuery().map(n -> ((ListView<SearchHit>) n).getItems().size() > 5)
        .orElse(false), 60);
    ListView<SearchHit> hits = robot.lookup("#masterSearchHits").queryAs(ListView.class);
    assertThat(hits.getItems()).extracting(h -> h.entry().name()).contains("ロキソニン錠６０ｍｇ");
    int target = 0;
    for (int i = 0; i < hits.getItems().size(); i++) {
      if (hits.getItems().get(i).entry().code().equals("620098801")) {
        target = i;
      }
    }
    for (int i = 0; i < target; i++) {
      robot.type(KeyCode.DOWN);
    }
    Screenshots.write(stage.getScene(), "masters-search");
    Screenshots.write(hits.getScene(), "masters-search-hits");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#masterDetail").queryAs(Label.class).getText().startsWith("620098801"));
    String detail = robot.lookup("#masterDetail").queryAs(Label.class).getText();
    assertThat(detail).contains("ロキソニン錠６０ｍｇ").contains("円／錠").contains("YJコード: 1149019F1");

    robot.clickOn("#diseaseText").write("右変形性膝関節症");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#composedDisease").queryAs(Label.class).getText().contains("7153018"));
    assertThat(robot.lookup("#composedDisease").queryAs(Label.class).getText()).contains("修飾語コード 2056");
    Screenshots.write(stage.getScene(), "masters");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aClerkSeesWhatIsLoadedButCannotImport(FxRobot robot) {
    logIn(robot, "clerk", "tsumugi-clerk");
    robot.type(KeyCode.F5);
    TableView<MastersViewModel.StatusRow> table = await(robot, "#masterStatus", TableView.class);
    waitUntil(() -> table.getItems().size() == MasterKind.values().length);
    javafx.scene.Node importRow = robot.lookup("#importRow").query();
    assertThat(importRow.isVisible()).isFalse();
    assertThat(importRow.isManaged()).isFalse();
    assertThat(robot.lookup("#importBundledButton").queryAs(Button.class).getParent().getParent()).isSameAs(importRow);
  }

  private List<AuditAction> auditActions() {
    List<AuditAction> out = new ArrayList<>();
    fixture.services().store().auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry e) {
        out.add(e.entry().action());
      }
    });
    return out;
  }
}
