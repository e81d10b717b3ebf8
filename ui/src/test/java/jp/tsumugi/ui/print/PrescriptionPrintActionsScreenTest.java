package jp.tsumugi.ui.print;

import static jp.tsumugi.app.testing.RealDrugs.LOXONIN_60;
import static jp.tsumugi.app.testing.RealDrugs.NORVASC_5;
import static jp.tsumugi.ui.support.ShellFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.prescription.DispensingKind;
import jp.tsumugi.app.prescription.Prescription;
import jp.tsumugi.app.prescription.RpGroup;
import jp.tsumugi.app.prescription.RxItem;
import jp.tsumugi.app.prescription.print.DocumentKind;
import jp.tsumugi.app.reception.StatusChange;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.reception.VisitStatus;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.testing.RealDrugs;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.fx.FxTaskExecutor;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.support.DemoStore;
import jp.tsumugi.ui.support.Screenshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The chart's entry point on a demo store: a visit with a signed 院外 prescription opens the preview with its pages, and printing
 * is audited as RX_PRINT_OUTPUT; a visit with nothing signed shows TSU-9430 in an alert instead of a window.
 */
@ExtendWith(ApplicationExtension.class)
class PrescriptionPrintActionsScreenTest {
  private AppServices services;
  private FxTaskExecutor executor;
  private Stage owner;
  private Session doctor;
  private final AtomicInteger printed = new AtomicInteger();

  @Start
  void start(Stage stage) throws Exception {
    owner = stage;
    services = DemoStore.opener(DemoStore.create(Files.createTempDirectory("tsumugi-rxprint-ui"))).open();
    executor = new FxTaskExecutor();
    doctor = new Session(services.store().users().findByUsername("doctor").orElseThrow(), "診察室1", DemoStore.CLOCK.instant());
    stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
    stage.show();
  }

  @Stop
  void stop() {
    executor.close();
    services.close();
  }

  private long visit() {
    LocalStore store = services.store();
    return store.transactions().inTransaction(() -> {
      long id = store.visits().insert(new Visit(0, 1, LocalDate.of(2026, 11, 20), 0, "内科", "doctor", null, DemoStore.CLOCK.instant()))
          .id();
      store.visits().appendStatus(new StatusChange(0, id, 1, VisitStatus.CHECKED_IN, "", "clerk", "受付", DemoStore.CLOCK.instant()));
      return id;
    });
  }

  private PrescriptionPrintActions actions() {
    return new PrescriptionPrintActions(services, doctor, executor, I18n.japanese(), (pdf, job) -> {
      printed.incrementAndGet();
      return true;
    });
  }

  @Test
  void aSignedPrescriptionOpensThePreviewAndPrintingIsAudited(FxRobot robot) throws Exception {
    long v = visit();
    new jp.tsumugi.app.prescription.ChartPrescriptions(services.store().prescriptionStore(), new RealDrugs(), services.audit(),
        services.store().transactions(), DemoStore.CLOCK).sign(doctor, v, 0, new Prescription(v, DispensingKind.OUTSIDE, List.of(
            RpGroup.oral("3A", 14, RxItem.of(LOXONIN_60, "1", "3")), RpGroup.oral("1A", 28, RxItem.of(NORVASC_5, null, "1").asGeneric())),
            0, ""), List.of(), null);
    robot.interact(() -> actions().preview(owner, v, DocumentKind.SLIP));
    waitUntil(() -> robot.lookup("#pageImage").tryQuery().isPresent());
    ImageView image = robot.lookup("#pageImage").queryAs(ImageView.class);
    assertThat(image.getImage()).isNotNull();
    assertThat(robot.lookup("#pageLabel").queryAs(Label.class).getText()).isEqualTo("1 / 1 頁");
    assertThat(robot.lookup("#printWarnings").queryAs(Label.class).isVisible()).isFalse();
    Screenshots.write(image.getScene(), "rx-print-actions-preview");
    robot.clickOn("#printButton");
    waitUntil(() -> "印刷しました。".equals(robot.lookup("#printStatus").queryAs(Label.class).getText()));
    assertThat(printed).hasValue(1);
    waitUntil(() -> outputs() == 1);
    robot.type(javafx.scene.input.KeyCode.ESCAPE);
    waitUntil(() -> robot.lookup("#pageImage").tryQuery().isEmpty());

    // The A4 information sheet with the demo memos, shrunk to the window's width.
    robot.interact(() -> actions().preview(owner, v, DocumentKind.INFO));
    waitUntil(() -> robot.lookup("#pageImage").tryQuery().isPresent());
    ImageView info = robot.lookup("#pageImage").queryAs(ImageView.class);
    waitUntil(() -> info.getFitWidth() > 0);
    assertThat(info.getFitWidth()).isLessThan(info.getImage().getWidth());
    Screenshots.write(info.getScene(), "rx-print-actions-info");
    robot.type(javafx.scene.input.KeyCode.ESCAPE);
    waitUntil(() -> robot.lookup("#pageImage").tryQuery().isEmpty());
  }

  @Test
  void aVisitWithNothingSignedShowsTheCodeInsteadOfAWindow(FxRobot robot) {
    long v = visit();
    robot.interact(() -> actions().preview(owner, v, DocumentKind.COPY));
    waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    assertThat(pane.getContentText()).startsWith("TSU-9430");
    assertThat(robot.lookup("#pageImage").tryQuery()).isEmpty();
    robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
  }

  private int outputs() {
    int[] n = new int[1];
    services.store().auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry r && r.entry().action() == AuditAction.RX_PRINT_OUTPUT
          && r.entry().detail().contains("target=printer")) {
        n[0]++;
      }
    });
    return n[0];
  }
}
