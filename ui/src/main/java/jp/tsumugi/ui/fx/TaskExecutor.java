package jp.tsumugi.ui.fx;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one way work leaves the FX thread: database, file and network calls run here and their
 * results come back on the FX thread. Tests use {@link #direct()} so ViewModels run synchronously.
 */
public interface TaskExecutor {
  <T> void submit(Supplier<T> work, Consumer<T> onSuccess, Consumer<RuntimeException> onFailure);

  /** Hands a small update (progress of running work) to the thread that renders. */
  default void toUi(Runnable update) {
    update.run();
  }

  /** Runs work and callbacks inline on the calling thread (for ViewModel unit tests). */
  static TaskExecutor direct() {
    return new TaskExecutor() {
      @Override
      public <T> void submit(Supplier<T> work, Consumer<T> onSuccess, Consumer<RuntimeException> onFailure) {
        T result;
        try {
          result = work.get();
        } catch (RuntimeException e) {
          onFailure.accept(e);
          return;
        }
        onSuccess.accept(result);
      }
    };
  }
}
