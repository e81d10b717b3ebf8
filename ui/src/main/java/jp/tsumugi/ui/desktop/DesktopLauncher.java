package jp.tsumugi.ui.desktop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.stage.Stage;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.StoreOpener;
import jp.tsumugi.ui.fx.FxTaskExecutor;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.shell.Shell;

/**
 * Starts the JavaFX toolkit without a static Application subclass, so the composition root can
 * hand the window everything it needs by constructor. The store opens on a background thread
 * while the toolkit starts: the two together decide the cold-start time.
 */
public final class DesktopLauncher {
  private DesktopLauncher() {
  }

  /** Runs the desktop until its window closes; returns the process exit code. */
  public static int run(StoreOpener opener, Shell.Options options) {
    ExecutorService opening = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "tsumugi-open-store");
      t.setDaemon(true);
      return t;
    });
    CompletableFuture<AppServices> store = opener.initialised() ? CompletableFuture.supplyAsync(opener::open, opening) : null;
    CountDownLatch closed = new CountDownLatch(1);
    FxTaskExecutor executor = new FxTaskExecutor();
    Shell[] shell = new Shell[1];
    Platform.startup(() -> {
      Stage stage = new Stage();
      stage.setOnHidden(e -> closed.countDown());
      shell[0] = new Shell(stage, I18n.japanese(), executor, opener, options);
      shell[0].start(store);
    });
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.close();
    AppServices services = shell[0] == null ? null : shell[0].services();
    if (services != null) {
      services.close();
    } else if (store != null) {
      store.thenAccept(AppServices::close);
    }
    opening.shutdown();
    Platform.exit();
    return 0;
  }
}
