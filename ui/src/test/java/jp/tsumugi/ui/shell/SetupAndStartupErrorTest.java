package jp.tsumugi.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static jp.tsumugi.ui.support.ShellFixture.await;
import static jp.tsumugi.ui.support.ShellFixture.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.ui.composition.StoreOpener;
import jp.tsumugi.ui.support.DemoStore;
import jp.tsumugi.ui.support.Screenshots;
import jp.tsumugi.ui.support.ShellFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** First-run setup on an empty folder, and the start-up error screen for a store whose key is gone. */
@ExtendWith(ApplicationExtension.class)
class SetupAndStartupErrorTest {
  private final ShellFixture fixture = new ShellFixture();
  private Stage stage;
  private Path root;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    root = Files.createTempDirectory("tsumugi-setup");
  }

  @Stop
  void stop() {
    fixture.stop();
  }

  private StoreLocation location() {
    return new StoreLocation(root.resolve("data"), root.resolve("keys"));
  }

  private void startShell(FxRobot robot, StoreOpener opener) {
    robot.interact(() -> fixture.start(stage, opener, false, null));
  }

  @Test
  void setupRejectsABadInstitutionCodeThenCreatesTheClinicAndShowsRecoveryKeyAndTotpSecret(FxRobot robot) throws Exception {
    startShell(robot, StoreOpener.h2(location(), DemoStore.CLOCK, "t1", false));
    TextField code = await(robot, "#institutionCode", TextField.class);
    robot.clickOn(code).write("12345");
    robot.interact(() -> robot.lookup("#prefecture").queryAs(ComboBox.class).getSelectionModel().select(12));
    robot.clickOn("#clinicName").write("テスト内科クリニック");
    robot.clickOn("#postalCode").write("1600022");
    robot.clickOn("#address").write("東京都新宿区新宿1-1-1");
    robot.clickOn("#phone").write("03-1111-2222");
    robot.clickOn("#adminDisplayName").write("院長");
    robot.clickOn("#adminPassword").write("a-long-password");
    robot.clickOn("#adminPasswordRepeat").write("a-long-password");
    robot.clickOn("#createClinic");
    waitUntil(() -> robot.lookup("#setupMessage").queryAs(Label.class).getText().startsWith("TSU-4001"));
    assertThat(code.getStyleClass()).contains("invalid");
    assertThat(LocalStore.isInitialised(location().dataDir())).isFalse();
    Screenshots.write(stage.getScene(), "setup-invalid");

    robot.clickOn(code).write("67");
    robot.clickOn("#createClinic");
    TextArea recovery = await(robot, "#recoveryKey", TextArea.class);
    waitUntil(() -> !recovery.getText().isBlank());
    assertThat(robot.lookup("#totpSecret").queryAs(TextArea.class).getText()).contains("otpauth://totp/");
    assertThat(LocalStore.isInitialised(location().dataDir())).isTrue();
    Screenshots.write(stage.getScene(), "setup-done");
    robot.clickOn("#toLogin");
    waitUntil(() -> robot.lookup("#clinicName").queryAs(Label.class).getText().equals("テスト内科クリニック"));
  }

  @Test
  void aStoreWhoseKeyIsMissingShowsTheCodedErrorAndIsLeftAlone(FxRobot robot) throws Exception {
    StoreLocation location = DemoStore.create(root);
    try (Stream<Path> keys = Files.list(location.keyDir())) {
      for (Path key : keys.toList()) {
        Files.delete(key);
      }
    }
    long sizeBefore = folderSize(location.dataDir());
    startShell(robot, DemoStore.opener(location));
    Label code = await(robot, "#errorCode", Label.class);
    assertThat(code.getText()).startsWith("TSU-1003");
    assertThat(robot.lookup("#errorHelp").queryAs(Label.class).getText()).contains("recover-key");
    assertThat(folderSize(location.dataDir())).isEqualTo(sizeBefore);
    Screenshots.write(stage.getScene(), "startup-error");
  }

  private static long folderSize(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
