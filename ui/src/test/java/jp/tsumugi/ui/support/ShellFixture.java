package jp.tsumugi.ui.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import jp.tsumugi.app.common.Base32;
import jp.tsumugi.app.demo.DemoClinic;
import jp.tsumugi.app.security.Totp;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.StoreOpener;
import jp.tsumugi.ui.fx.FxTaskExecutor;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.shell.Shell;
import jp.tsumugi.ui.shell.ShellListener;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real shell on a stage the way the desktop launcher does, and helps tests wait for it. */
public final class ShellFixture {
  private Shell shell;
  private FxTaskExecutor executor;

  public void start(Stage stage, StoreOpener opener, boolean demo, Duration idleOverride) {
    start(stage, opener, demo, idleOverride, null);
  }

  /** Starts the shell watching a 資格確認端末 folder while logged in. */
  public void start(Stage stage, StoreOpener opener, boolean demo, Duration idleOverride, java.nio.file.Path oqsFolder) {
    start(stage, opener, demo, idleOverride, oqsFolder, null);
  }

  /** Starts the shell watching a 資格確認端末 folder with these request settings (a short timeout, say). */
  public void start(Stage stage, StoreOpener opener, boolean demo, Duration idleOverride, java.nio.file.Path oqsFolder,
      jp.tsumugi.ui.composition.OqsDeskSettings oqsSettings) {
    executor = new FxTaskExecutor();
    CompletableFuture<AppServices> opening = opener.initialised() ? CompletableFuture.supplyAsync(opener::open) : null;
    shell = new Shell(stage, I18n.japanese(), executor, opener,
        new Shell.Options(demo, idleOverride, ShellListener.NONE, oqsFolder, oqsSettings));
    shell.start(opening);
  }

  public AppServices services() {
    return shell.services();
  }

  public void stop() {
    if (shell != null) {
      WaitForAsyncUtils.asyncFx(shell::dispose);
      WaitForAsyncUtils.waitForFxEvents();
    }
    if (executor != null) {
      executor.close();
    }
    if (shell != null && shell.services() != null) {
      shell.services().close();
    }
  }

  /**
   * Logs a demo user in from the login screen (the admin also types the demo one-time code) and waits for
   * the main view.
   */
  public static void logIn(FxRobot robot, String user, String password) {
    TextField name = await(robot, "#username", TextField.class);
    robot.clickOn(name).write(user);
    robot.clickOn("#password").write(password);
    robot.type(KeyCode.ENTER);
    if (user.equals("admin")) {
      TextField code = await(robot, "#totpCode", TextField.class);
      robot.clickOn(code).write(Totp.standard().codeAt(Base32.decode(DemoClinic.ADMIN_TOTP_SECRET), DemoStore.CLOCK.instant()));
      robot.type(KeyCode.ENTER);
    }
    await(robot, "#statusUser", Label.class);
  }

  /** Waits (up to 15 s) for a node with the given CSS id to be visible. */
  public static <T extends Node> T await(FxRobot robot, String id, Class<T> type) {
    waitUntil(() -> robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false));
    return robot.lookup(id).queryAs(type);
  }

  public static void waitUntil(BooleanSupplier condition) {
    waitUntil(condition, 15);
  }

  /** Waits up to {@code seconds} (long work such as a master import on a loaded 2-core machine). */
  public static void waitUntil(BooleanSupplier condition, int seconds) {
    try {
      WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("condition not met within " + seconds + " s", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }
}
