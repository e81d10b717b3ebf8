package jp.tsumugi.ui.reception;

import static jp.tsumugi.ui.support.ShellFixture.await;
import static jp.tsumugi.ui.support.ShellFixture.logIn;
import static jp.tsumugi.ui.support.ShellFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import jp.tsumugi.app.insurance.Insurance;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.qualification.PendingRequest;
import jp.tsumugi.app.reception.PatientSummary;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.ui.composition.OqsDeskSettings;
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
 * The 受付 screen with a 資格確認端末 folder (docs/adr/0023): check-ins send requests into req/; with no answer
 * the rows show 資格未確認; Shift+F5 re-sends one request per flagged visit; their 有効 answers in res/ clear
 * the flags; a junk file in face/ shows in the quarantine list (Shift+F6) with its reason and a badge.
 */
@ExtendWith(ApplicationExtension.class)
class ReceptionQualificationScreenTest {
  private final ShellFixture fixture = new ShellFixture();
  private Stage stage;
  private Path oqs;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    Path root = Files.createTempDirectory("tsumugi-oqsreq");
    StoreLocation location = DemoStore.create(root);
    oqs = root.resolve("oqs");
    for (String sub : new String[] {"req", "res", "face"}) {
      Files.createDirectories(oqs.resolve(sub));
    }
    fixture.start(stage, DemoStore.opener(location), true, null, oqs, new OqsDeskSettings(Duration.ofSeconds(3), false));
  }

  @Stop
  void stop() {
    fixture.stop();
  }

  private static String hiragana(String katakana) {
    StringBuilder out = new StringBuilder();
    for (char c : katakana.toCharArray()) {
      out.append(c >= '\u30a1' && c <= '\u30f6' ? (char) (c - 0x60) : c);
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private void checkIn(FxRobot robot, Patient patient) {
    TextField search = await(robot, "#patientSearch", TextField.class);
    robot.clickOn(search).write(hiragana(patient.familyKana() + patient.givenKana()));
    waitUntil(() -> robot.lookup("#patientSearchHits").tryQuery()
        .map(n -> ((ListView<PatientSummary>) n).getItems().stream().anyMatch(p -> p.id() == patient.id())).orElse(false));
    ListView<PatientSummary> hits = robot.lookup("#patientSearchHits").queryAs(ListView.class);
    for (int i = 0; i < hits.getItems().size() && hits.getItems().get(i).id() != patient.id(); i++) {
      robot.type(KeyCode.DOWN);
    }
    robot.type(KeyCode.ENTER);
    await(robot, "#checkInPane", javafx.scene.layout.VBox.class);
    ComboBox<ReceptionViewModel.CombinationChoice> combination = robot.lookup("#combination").queryAs(ComboBox.class);
    waitUntil(() -> combination.getValue() != null);
    assertThat(combination.getValue().combinationId()).as("checked in with the insurance, not 自費").isNotNull();
    robot.type(KeyCode.F7);
    waitUntil(() -> !robot.lookup("#checkInPane").query().isVisible());
  }

  private List<String> names(String sub) {
    try (Stream<Path> s = Files.list(oqs.resolve(sub))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String unverified(TableView<ReceptionViewModel.Row> table, int row) {
    return table.getItems().size() > row ? table.getItems().get(row).unverified() : "?";
  }

  /** A 有効 answer for the patient's insurance, named as the request's result. */
  private void answer(PendingRequest request, Patient patient) throws IOException {
    Insurance i = fixture.services().store().insuranceStore().insurancesOfPatient(patient.id()).get(0).insurance();
    String template;
    try (InputStream in = getClass().getResourceAsStream("/qualification/res-specific-disease-gone.xml")) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String xml = template
        .replace("<InsurerNumber>01130012<", "<InsurerNumber>" + String.format("%8s", i.insurerNumber()) + "<")
        .replace("<InsuredCardSymbol>12345678<", "<InsuredCardSymbol>" + i.symbol() + "<")
        .replace("<InsuredIdentificationNumber>901<", "<InsuredIdentificationNumber>" + i.number() + "<")
        .replace("<InsuredBranchNumber>00<", "<InsuredBranchNumber>" + i.branch() + "<")
        .replace("<Birthdate>19880412<", "<Birthdate>" + patient.birthDate().toString().replace("-", "") + "<");
    Path part = oqs.resolve("res").resolve(request.resultFileName() + ".part");
    Files.writeString(part, xml, StandardCharsets.UTF_8);
    Files.move(part, oqs.resolve("res").resolve(request.resultFileName()));
  }

  @Test
  @SuppressWarnings("unchecked")
  void unansweredCheckInsAreFlaggedRecheckedWithOneKeyAndClearedByTheirAnswers(FxRobot robot) throws Exception {
    logIn(robot, "clerk", "tsumugi-clerk");
    robot.type(KeyCode.F1);
    TableView<ReceptionViewModel.Row> table = await(robot, "#receptionQueue", TableView.class);
    await(robot, "#oqsBar", javafx.scene.layout.HBox.class);
    Patient first = fixture.services().store().patients().findById(1).orElseThrow();
    Patient second = fixture.services().store().patients().findById(2).orElseThrow();

    checkIn(robot, first);
    checkIn(robot, second);
    waitUntil(() -> names("req").size() == 2, 20);
    // No answer within the (3 s) timeout: both rows say 資格未確認.
    waitUntil(() -> table.getItems().size() == 2 && unverified(table, 0).equals("資格未確認")
        && unverified(table, 1).equals("資格未確認"), 30);
    Screenshots.write(stage.getScene(), "reception-unverified");

    robot.press(KeyCode.SHIFT).type(KeyCode.F5).release(KeyCode.SHIFT);
    waitUntil(() -> names("req").size() == 4, 20);
    waitUntil(() -> robot.lookup("#oqsStatus").queryAs(Label.class).getText().contains("2 件"));

    // The re-sent requests: still waiting, or timed out again by now (a late 有効 answer clears the flag too).
    List<PendingRequest> resent = new java.util.ArrayList<>(fixture.services().store().qualificationRequests().pending());
    resent.addAll(fixture.services().store().qualificationRequests().timedOut());
    assertThat(resent).hasSize(2);
    for (PendingRequest r : resent) {
      long visitId = Long.parseLong(r.reference().substring("visit=".length()));
      long patientId = fixture.services().store().visits().find(visitId).orElseThrow().visit().patientId();
      answer(r, patientId == first.id() ? first : second);
    }
    waitUntil(() -> names("res").isEmpty(), 30);
    waitUntil(() -> unverified(table, 0).isEmpty() && unverified(table, 1).isEmpty(), 30);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aJunkFileInFaceIsListedAsQuarantinedWithItsReason(FxRobot robot) throws Exception {
    logIn(robot, "clerk", "tsumugi-clerk");
    robot.type(KeyCode.F1);
    await(robot, "#oqsBar", javafx.scene.layout.HBox.class);
    Files.writeString(oqs.resolve("face").resolve("junk.txt"), "this is not a result", StandardCharsets.UTF_8);
    Files.writeString(oqs.resolve("face").resolve("OQSsiquc01res_broken.xml"), "<XmlMsg><MessageHeader>", StandardCharsets.UTF_8);

    Label badge = robot.lookup("#oqsQuarantineBadge").queryAs(Label.class);
    waitUntil(() -> badge.isVisible() && badge.getText().equals("2"), 30);
    assertThat(robot.lookup("#oqsQuarantinePane").query().isVisible()).isFalse();
    Screenshots.write(stage.getScene(), "reception-quarantine-badge");

    robot.clickOn("#patientSearch");
    robot.press(KeyCode.SHIFT).type(KeyCode.F6).release(KeyCode.SHIFT);
    waitUntil(() -> robot.lookup("#oqsQuarantinePane").query().isVisible());

    TableView<OqsReceptionViewModel.QuarantineRow> list = await(robot, "#oqsQuarantineList", TableView.class);
    waitUntil(() -> list.getItems().size() == 2);
    assertThat(list.getItems()).anySatisfy(r -> {
      assertThat(r.fileName()).isEqualTo("junk.txt");
      assertThat(r.source()).startsWith("face");
      assertThat(r.reason()).startsWith("TSU-7102").contains("拡張子");
    });
    assertThat(list.getItems()).anySatisfy(r -> {
      assertThat(r.fileName()).isEqualTo("OQSsiquc01res_broken.xml");
      assertThat(r.reason()).startsWith("TSU-704");
    });
    assertThat(robot.lookup("#oqsQuarantineFolder").queryAs(Label.class).getText()).contains(oqs.resolve("quarantine").toString());
    waitUntil(() -> !badge.isVisible());
    Screenshots.write(stage.getScene(), "reception-quarantine");
    assertThat(names("face")).isEmpty();
    assertThat(names("quarantine")).anyMatch(n -> n.endsWith("junk.txt")).anyMatch(n -> n.endsWith("junk.txt.reason.txt"));

    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> !robot.lookup("#oqsQuarantinePane").query().isVisible());
  }
}
