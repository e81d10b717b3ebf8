package jp.tsumugi.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static jp.tsumugi.ui.support.ShellFixture.await;
import static jp.tsumugi.ui.support.ShellFixture.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import jp.tsumugi.app.audit.AuditAction;
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

/** The login screen, driven headless through the real shell on a real encrypted demo store. */
@ExtendWith(ApplicationExtension.class)
class LoginScreenTest {
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

  private void logIn(FxRobot robot, String user, String password) {
    TextField name = await(robot, "#username", TextField.class);
    robot.clickOn(name).write(user);
    robot.clickOn("#password").write(password);
    robot.type(KeyCode.ENTER);
  }

  @Test
  void showsDemoCredentialsAndClinicNameOnTheLoginScreen(FxRobot robot) throws Exception {
    Label credentials = await(robot, "#demoCredentials", Label.class);
    assertThat(credentials.getText()).contains("clerk / tsumugi-clerk").contains("admin / tsumugi-admin");
    waitUntil(() -> robot.lookup("#clinicName").queryAs(Label.class).getText().equals("紡デモクリニック"));
    Path shot = Screenshots.write(stage.getScene(), "login");
    assertThat(shot).exists();
  }

  @Test
  void clerkLogsInWithPasswordAndSeesTheMainWindowAndStatusBar(FxRobot robot) throws Exception {
    logIn(robot, "clerk", "tsumugi-clerk");
    Label user = await(robot, "#statusUser", Label.class);
    assertThat(user.getText()).contains("事務 三郎").contains("事務");
    waitUntil(() -> robot.lookup("#statusOutbox").queryAs(Label.class).getText().equals("送信待ち: 0 件"));
    assertThat(robot.lookup("#statusConnectivity").queryAs(Label.class).getText()).isEqualTo("外部接続: 未接続");
    await(robot, "#receptionQueue", TableView.class);
    Screenshots.write(stage.getScene(), "main-window");
    assertThat(actions()).contains(AuditAction.LOGIN_SUCCESS);
  }

  @Test
  void wrongPasswordShowsTheCodedErrorAndStaysOnLogin(FxRobot robot) {
    logIn(robot, "doctor", "not-the-password");
    waitUntil(() -> robot.lookup("#loginMessage").queryAs(Label.class).getText().startsWith("TSU-2001"));
    assertThat(robot.lookup("#statusUser").tryQuery()).isEmpty();
    assertThat(actions()).contains(AuditAction.LOGIN_FAILURE).doesNotContain(AuditAction.LOGIN_SUCCESS);
  }

  @Test
  void repeatedFailuresLockTheAccountEvenAgainstTheRightPassword(FxRobot robot) throws Exception {
    for (int i = 0; i < 5; i++) {
      logIn(robot, "nurse", "wrong-" + i);
      int attempt = i;
      waitUntil(() -> robot.lookup("#loginMessage").queryAs(Label.class).getText().startsWith(attempt < 4 ? "TSU-2001" : "TSU-2002"));
      robot.doubleClickOn("#username").eraseText(8);
    }
    assertThat(robot.lookup("#loginMessage").queryAs(Label.class).getText()).contains("まで待ってから");
    logIn(robot, "nurse", "tsumugi-nurse");
    waitUntil(() -> robot.lookup("#loginMessage").queryAs(Label.class).getText().startsWith("TSU-2002"));
    assertThat(robot.lookup("#statusUser").tryQuery()).isEmpty();
    Screenshots.write(stage.getScene(), "login-locked");
  }

  @Test
  void administratorNeedsTheOneTimeCodeAndAWrongCodeIsRefused(FxRobot robot) {
    logIn(robot, "admin", "tsumugi-admin");
    TextField code = await(robot, "#totpCode", TextField.class);
    robot.clickOn(code).write("000000");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#loginMessage").queryAs(Label.class).getText().startsWith("TSU-2004"));
    assertThat(robot.lookup("#statusUser").tryQuery()).isEmpty();
    String right = Totp.standard().codeAt(Base32.decode(DemoClinic.ADMIN_TOTP_SECRET), DemoStore.CLOCK.instant());
    robot.clickOn(code).write(right);
    robot.type(KeyCode.ENTER);
    Label user = await(robot, "#statusUser", Label.class);
    assertThat(user.getText()).contains("管理者");
  }

  @Test
  void functionKeysSwitchSectionsAndClerkSeesSettingsReadOnly(FxRobot robot) {
    logIn(robot, "clerk", "tsumugi-clerk");
    await(robot, "#statusUser", Label.class);
    robot.type(KeyCode.F6);
    Label message = await(robot, "#settingsMessage", Label.class);
    assertThat(message.getText()).contains("管理者のみ");
    waitUntil(() -> "1234567".equals(robot.lookup("#institutionCode").queryAs(TextField.class).getText()));
    assertThat(robot.lookup("#institutionCode").queryAs(TextField.class).isDisabled()).isTrue();
    robot.type(KeyCode.F2);
    await(robot, "#chartRoot", javafx.scene.layout.BorderPane.class);
    assertThat(robot.lookup("#chartKeys").queryAs(Label.class).getText()).contains("Ctrl+P");
    robot.type(KeyCode.F3);
    assertThat(await(robot, "#placeholder-billing", Label.class).getText()).startsWith("会計");
  }

  private List<AuditAction> actions() {
    List<AuditAction> out = new ArrayList<>();
    waitUntil(() -> fixture.services() != null);
    fixture.services().store().auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry e) {
        out.add(e.entry().action());
      }
    });
    return out;
  }
}
