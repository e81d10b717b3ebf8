package jp.tsumugi.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static jp.tsumugi.ui.support.ShellFixture.await;
import static jp.tsumugi.ui.support.ShellFixture.waitUntil;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.common.Base32;
import jp.tsumugi.app.demo.DemoClinic;
import jp.tsumugi.app.security.Totp;
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

/** Idle auto-lock of a bedside terminal: the lock keeps unsaved work, and only the password unlocks. */
@ExtendWith(ApplicationExtension.class)
class AutoLockTest {
  private final ShellFixture fixture = new ShellFixture();
  private Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    StoreLocation location = DemoStore.create(Files.createTempDirectory("tsumugi-lock"));
    fixture.start(stage, DemoStore.opener(location), true, Duration.seconds(3));
  }

  @Stop
  void stop() {
    fixture.stop();
  }

  @Test
  void idleTerminalLocksKeepsTypedTextAndUnlocksOnlyWithThePassword(FxRobot robot) throws Exception {
    robot.clickOn(await(robot, "#username", TextField.class)).write("admin");
    robot.clickOn("#password").write("tsumugi-admin");
    robot.type(KeyCode.ENTER);
    TextField code = await(robot, "#totpCode", TextField.class);
    robot.clickOn(code).write(Totp.standard().codeAt(Base32.decode(DemoClinic.ADMIN_TOTP_SECRET), DemoStore.CLOCK.instant()));
    robot.type(KeyCode.ENTER);
    await(robot, "#statusUser", Label.class);
    robot.type(KeyCode.F6);
    TextField address = await(robot, "#address", TextField.class);
    waitUntil(() -> !address.getText().isEmpty());
    robot.clickOn(address).type(KeyCode.END).write(" 未保存");
    String typed = address.getText();
    assertThat(typed).endsWith(" 未保存");

    Node overlay = robot.lookup("#lockOverlay").query();
    waitUntil(overlay::isVisible);
    Screenshots.write(stage.getScene(), "auto-locked");

    PasswordField unlock = robot.lookup("#unlockPassword").queryAs(PasswordField.class);
    robot.clickOn(unlock).write("wrong-password");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#lockMessage").queryAs(Label.class).getText().startsWith("TSU-2001"));
    assertThat(overlay.isVisible()).isTrue();

    robot.clickOn(unlock).write("tsumugi-admin");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> !overlay.isVisible());
    assertThat(robot.lookup("#address").queryAs(TextField.class).getText()).isEqualTo(typed);
    assertThat(auditTrail()).containsSubsequence("LOCK:idle", "UNLOCK_FAILURE:bad-password", "UNLOCK:");
  }

  @Test
  void controlLLocksAtOnce(FxRobot robot) {
    robot.clickOn(await(robot, "#username", TextField.class)).write("doctor");
    robot.clickOn("#password").write("tsumugi-doctor");
    robot.type(KeyCode.ENTER);
    await(robot, "#statusUser", Label.class);
    robot.press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);
    Node overlay = robot.lookup("#lockOverlay").query();
    waitUntil(overlay::isVisible);
    assertThat(auditTrail()).contains("LOCK:manual");
  }

  private List<String> auditTrail() {
    List<String> out = new ArrayList<>();
    waitUntil(() -> fixture.services() != null);
    fixture.services().store().auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry e) {
        out.add(e.entry().action() + ":" + e.entry().detail());
      }
    });
    return out;
  }
}
