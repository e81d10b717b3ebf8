package jp.tsumugi.ui.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.testing.SampleSlips;
import jp.tsumugi.print.PdfPages;
import jp.tsumugi.print.PrescriptionPdf;
import jp.tsumugi.print.RenderedDocument;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;
import jp.tsumugi.ui.support.Screenshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The print preview: a two-page slip whose patient name has characters outside the font shows its pages, turns them with Page
 * Down/Up, names the substituted characters in the banner, reports "no printer" with its code instead of crashing, and Esc closes.
 */
@ExtendWith(ApplicationExtension.class)
class PdfPreviewScreenTest {
  private final AtomicInteger printAttempts = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private Scene scene;

  @Start
  void start(Stage stage) {
    RenderedDocument doc = new PrescriptionPdf().slip(SampleSlips.withPatientName("山田😷花子", SampleSlips.many(20)));
    assertThat(doc.pages()).isEqualTo(3);
    PdfPreviewViewModel vm = new PdfPreviewViewModel(doc, (pdf, job) -> {
      printAttempts.incrementAndGet();
      throw new TsumugiException(ErrorCode.RX_PRINT_NO_PRINTER, "no print service");
    }, TaskExecutor.direct(), I18n.japanese(), "処方箋");
    PdfPreviewWindow window = new PdfPreviewWindow(vm, PdfPreviewWindow.images(PdfPages.render(doc.pdf(), 110)), I18n.japanese());
    window.setOnClose(() -> closed.set(true));
    scene = new Scene(window.root(), 900, 720);
    window.attachKeys(scene);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void pagesTurnWarningsShowAndNoPrinterIsAClearErrorNotACrash(FxRobot robot) throws Exception {
    Label page = robot.lookup("#pageLabel").queryAs(Label.class);
    ImageView image = robot.lookup("#pageImage").queryAs(ImageView.class);
    assertThat(page.getText()).isEqualTo("1 / 3 頁");
    assertThat(image.getImage()).isNotNull();
    assertThat(image.getImage().getWidth()).isGreaterThan(600);
    assertThat(image.getBoundsInParent().getWidth()).isLessThanOrEqualTo(image.getImage().getWidth()).isGreaterThan(500);
    Label warnings = robot.lookup("#printWarnings").queryAs(Label.class);
    assertThat(warnings.isVisible()).isTrue();
    assertThat(warnings.getText()).contains("1 個", "患者氏名 U+1F637", "〓").doesNotContain("山田");
    assertThat(robot.lookup("#previousPage").queryAs(Button.class).isDisabled()).isTrue();
    Path first = Screenshots.write(scene, "rx-print-preview");

    robot.clickOn("#pageImage");
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(page.getText()).isEqualTo("2 / 3 頁");
    javafx.scene.image.Image second = image.getImage();
    robot.type(KeyCode.PAGE_DOWN).type(KeyCode.PAGE_DOWN);
    assertThat(page.getText()).isEqualTo("3 / 3 頁");
    assertThat(image.getImage()).isNotSameAs(second);
    assertThat(robot.lookup("#nextPage").queryAs(Button.class).isDisabled()).isTrue();
    robot.type(KeyCode.PAGE_UP);
    assertThat(page.getText()).isEqualTo("2 / 3 頁");

    robot.clickOn("#printButton");
    WaitForAsyncUtils.waitForFxEvents();
    Label error = robot.lookup("#printError").queryAs(Label.class);
    assertThat(printAttempts).hasValue(1);
    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).startsWith("TSU-9435").contains("プリンターがありません");
    assertThat(robot.lookup("#printButton").queryAs(Button.class).isDisabled()).isFalse();
    Screenshots.write(scene, "rx-print-preview-no-printer");

    robot.type(KeyCode.ESCAPE);
    assertThat(closed).isTrue();
    assertThat(first).exists();
  }
}
