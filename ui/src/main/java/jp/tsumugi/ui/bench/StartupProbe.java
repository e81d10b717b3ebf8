package jp.tsumugi.ui.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import javafx.application.Platform;
import javafx.stage.Window;
import jp.tsumugi.ui.login.LoginViewModel;
import jp.tsumugi.ui.shell.ShellListener;

/**
 * Measures one cold start for the start-up benchmark (`tsumugi bench startup`): the wall-clock
 * instant the login screen is shown and, after logging in with the given demo account, the heap in
 * use after a full collection. Writes a properties file and closes the window. Used only when the
 * benchmark asks for it through system properties.
 */
public final class StartupProbe implements ShellListener {
  private final Path output;
  private final String username;
  private final String password;
  private final Properties results = new Properties();

  public StartupProbe(Path output, String username, String password) {
    this.output = output;
    this.username = username;
    this.password = password;
  }

  @Override
  public void loginShown(LoginViewModel login) {
    if (results.containsKey("loginShownEpochMs")) {
      return;
    }
    // Counted once the first frame with the login screen has been handed to the renderer.
    Platform.runLater(() -> {
      results.setProperty("loginShownEpochMs", Long.toString(System.currentTimeMillis()));
      results.setProperty("jvmStartEpochMs", Long.toString(ManagementFactory.getRuntimeMXBean().getStartTime()));
      login.usernameProperty().set(username);
      login.passwordProperty().set(password);
      login.login();
    });
  }

  @Override
  public void mainShown() {
    Platform.runLater(() -> {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      System.gc();
      results.setProperty("heapUsedAfterLoginBytes", Long.toString(memory.getHeapMemoryUsage().getUsed()));
      results.setProperty("heapCommittedBytes", Long.toString(memory.getHeapMemoryUsage().getCommitted()));
      write();
      for (Window w : Window.getWindows().toArray(new Window[0])) {
        w.hide();
      }
    });
  }

  private void write() {
    try {
      Path tmp = output.resolveSibling(output.getFileName() + ".tmp");
      try (var writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        results.store(writer, "tsumugi startup probe");
      }
      Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
