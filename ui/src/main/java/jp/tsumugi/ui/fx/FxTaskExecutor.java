package jp.tsumugi.ui.fx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Runs work on one background thread, in order, and hands results back to the FX thread. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "tsumugi-worker");
    t.setDaemon(true);
    return t;
  });

  /** After {@link #close()} the application is shutting down: late work (a timer's refresh) is dropped. */
  @Override
  public <T> void submit(Supplier<T> work, Consumer<T> onSuccess, Consumer<RuntimeException> onFailure) {
    try {
      worker.execute(() -> {
        try {
          T result = work.get();
          Platform.runLater(() -> onSuccess.accept(result));
        } catch (RuntimeException e) {
          Platform.runLater(() -> onFailure.accept(e));
        }
      });
    } catch (RejectedExecutionException ignored) {
      // Shutting down: nothing waits for this result any more.
    }
  }

  @Override
  public void toUi(Runnable update) {
    Platform.runLater(update);
  }

  @Override
  public void close() {
    worker.shutdown();
    try {
      worker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
