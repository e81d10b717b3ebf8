package jp.tsumugi.ui.reception;

import static jp.tsumugi.ui.support.ShellFixture.await;
import static jp.tsumugi.ui.support.ShellFixture.logIn;
import static jp.tsumugi.ui.support.ShellFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.reception.PatientSummary;
import jp.tsumugi.app.reception.Reception;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
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
 * The 受付 screen on a demo store, keyboard first: a clerk finds a patient by kana, checks them in,
 * walks the visit through its statuses with F-keys and Enter, cancels another with a reason, and sees
 * a check-in made at another terminal appear without doing anything.
 */
@ExtendWith(ApplicationExtension.class)
class ReceptionScreenTest {
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

  private static String hiragana(String katakana) {
    StringBuilder out = new StringBuilder();
    for (char c : katakana.toCharArray()) {
      out.append(c >= '\u30a1' && c <= '\u30f6' ? (char) (c - 0x60) : c);
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private void checkInByKana(FxRobot robot, Patient patient, boolean screenshot) throws Exception {
    TextField search = await(robot, "#patientSearch", TextField.class);
    robot.clickOn(search).write(hiragana(patient.familyKana() + patient.givenKana()));
    waitUntil(() -> robot.lookup("#patientSearchHits").tryQuery()
        .map(n -> ((ListView<PatientSummary>) n).getItems().stream().anyMatch(p -> p.id() == patient.id())).orElse(false));
    ListView<PatientSummary> hits = robot.lookup("#patientSearchHits").queryAs(ListView.class);
    int target = 0;
    for (int i = 0; i < hits.getItems().size(); i++) {
      if (hits.getItems().get(i).id() == patient.id()) {
        target = i;
      }
    }
    for (int i = 0; i < target; i++) {
      robot.type(KeyCode.DOWN);
    }
    if (screenshot) {
      Screenshots.write(stage.getScene(), "reception-search");
      Screenshots.write(hits.getScene(), "reception-search-hits");
    }
    robot.type(KeyCode.ENTER);
    await(robot, "#checkInPane", javafx.scene.layout.VBox.class);
    ComboBox<ReceptionViewModel.CombinationChoice> combination = robot.lookup("#combination").queryAs(ComboBox.class);
    waitUntil(() -> combination.getValue() != null);
    assertThat(combination.getItems()).last().satisfies(c -> assertThat(c.label()).isEqualTo("自費"));
    assertThat(robot.lookup("#checkInPatient").queryAs(Label.class).getText()).contains(patient.patientNumber());
    if (screenshot) {
      Screenshots.write(stage.getScene(), "reception-checkin");
    }
    robot.type(KeyCode.F7);
  }

  @Test
  @SuppressWarnings("unchecked")
  void clerkChecksInByKanaWalksTheStatusesWithKeysAndCancelsAnotherWithAReason(FxRobot robot) throws Exception {
    logIn(robot, "clerk", "tsumugi-clerk");
    robot.type(KeyCode.F1);
    TableView<ReceptionViewModel.Row> table = await(robot, "#receptionQueue", TableView.class);
    Patient first = fixture.services().store().patients().findById(1).orElseThrow();
    Patient second = fixture.services().store().patients().findById(2).orElseThrow();

    checkInByKana(robot, first, true);
    waitUntil(() -> table.getItems().size() == 1);
    ReceptionViewModel.Row row = table.getItems().get(0);
    assertThat(row.number()).isEqualTo(1);
    assertThat(row.patientNumber()).isEqualTo(first.patientNumber());
    assertThat(row.kana()).isEqualTo(first.familyKana() + " " + first.givenKana());
    assertThat(row.status()).isEqualTo("受付済");
    assertThat(row.department()).isEqualTo("内科");
    assertThat(row.doctor()).isEqualTo("医師 花子");
    assertThat(row.insurance()).isNotEqualTo("自費").isNotEmpty();
    assertThat(robot.lookup("#receptionInfo").queryAs(Label.class).getText()).startsWith("受付番号 1");

    checkInByKana(robot, second, false);
    waitUntil(() -> table.getItems().size() == 2);
    assertThat(table.getItems().get(1).number()).isEqualTo(2);

    // A second check-in of an open visit is refused with its code.
    checkInByKana(robot, first, false);
    waitUntil(() -> robot.lookup("#receptionMessage").queryAs(Label.class).getText().startsWith("TSU-8005"));
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> !robot.lookup("#checkInPane").query().isVisible());

    select(robot, table, 0);
    robot.type(KeyCode.F8);
    waitUntil(() -> status(table, 0).equals("診察中"));
    robot.type(KeyCode.ENTER);
    waitUntil(() -> status(table, 0).equals("会計待ち"));
    robot.type(KeyCode.F10);
    waitUntil(() -> status(table, 0).equals("会計済"));
    // 会計済 is final: another step is refused, nothing changes.
    robot.type(KeyCode.F8);
    waitUntil(() -> robot.lookup("#receptionMessage").queryAs(Label.class).getText().startsWith("TSU-8007"));

    select(robot, table, 1);
    robot.type(KeyCode.F12);
    TextField reason = await(robot, "#cancelReason", TextField.class);
    waitUntil(reason::isFocused);
    Screenshots.write(stage.getScene(), "reception-cancel");
    robot.write("保険証を忘れたため出直し");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> status(table, 1).equals("取消"));
    waitUntil(() -> !robot.lookup("#cancelPane").query().isVisible());
    assertThat(fixture.services().reception().history(clerk(), table.getItems().get(1).visitId()))
        .last().satisfies(c -> assertThat(c.reason()).isEqualTo("保険証を忘れたため出直し"));

    List<AuditEntry> audit = auditEntries();
    assertThat(audit).filteredOn(e -> e.action() == AuditAction.RECEPTION_CHECKED_IN).extracting(AuditEntry::target)
        .containsExactly(Long.toString(first.id()), Long.toString(second.id()));
    assertThat(audit).filteredOn(e -> e.action() == AuditAction.RECEPTION_STATUS_CHANGED).hasSize(3)
        .allSatisfy(e -> {
          assertThat(e.target()).isEqualTo(Long.toString(first.id()));
          assertThat(e.actor()).isEqualTo("clerk");
          assertThat(e.terminal()).isEqualTo(DemoStore.TERMINAL);
        });
    assertThat(audit).filteredOn(e -> e.action() == AuditAction.RECEPTION_CANCELLED).singleElement()
        .satisfies(e -> assertThat(e.target()).isEqualTo(Long.toString(second.id())));
    assertThat(audit).extracting(AuditEntry::action).contains(AuditAction.RECEPTION_PATIENT_SEARCHED,
        AuditAction.RECEPTION_QUEUE_READ);
    assertThat(audit).filteredOn(e -> e.action() == AuditAction.PATIENT_READ).extracting(AuditEntry::target)
        .contains(Long.toString(first.id()), Long.toString(second.id()));

    // Another terminal checks a patient in: the queue shows it within a poll or two.
    Patient third = fixture.services().store().patients().findById(3).orElseThrow();
    fixture.services().reception().checkIn(otherTerminal(), new Reception.CheckIn(third.id(), "内科", null, null));
    waitUntil(() -> table.getItems().size() == 3, 15);
    assertThat(table.getItems().get(2).number()).isEqualTo(3);
    assertThat(table.getItems().get(2).doctor()).isEqualTo("-");
    fixture.services().reception().markQualificationUnverified(otherTerminal(), table.getItems().get(2).visitId(), true);
    waitUntil(() -> table.getItems().get(2).unverified().equals("資格未確認"), 15);
    Screenshots.write(stage.getScene(), "reception");
  }

  private Session clerk() {
    User user = fixture.services().store().users().findByUsername("clerk").orElseThrow();
    return new Session(user, DemoStore.TERMINAL, DemoStore.CLOCK.instant());
  }

  private Session otherTerminal() {
    User user = fixture.services().store().users().findByUsername("clerk").orElseThrow();
    return new Session(user, "受付2", DemoStore.CLOCK.instant());
  }

  /** Puts the keyboard focus on a row of the queue, as Tab and the arrow keys would. */
  private static void select(FxRobot robot, TableView<ReceptionViewModel.Row> table, int index) {
    robot.interact(() -> {
      table.requestFocus();
      table.getSelectionModel().clearAndSelect(index);
      table.getFocusModel().focus(index);
    });
    waitUntil(table::isFocused);
  }

  private static String status(TableView<ReceptionViewModel.Row> table, int index) {
    return table.getItems().size() > index ? table.getItems().get(index).status() : "";
  }

  private List<AuditEntry> auditEntries() {
    List<AuditEntry> out = new ArrayList<>();
    fixture.services().store().auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry e) {
        out.add(e.entry());
      }
    });
    return out;
  }
}
