package jp.tsumugi.app.common;

import java.util.function.Supplier;

/** Port: runs work atomically against the system of record (all of it or none of it). */
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);

  /**
   * Runs {@code action} once the outermost transaction around the caller has committed, and never if it
   * rolls back; with no transaction open, runs it now. For effects outside the store (in-memory indexes,
   * notifications) that must not show work that was undone. The action must not throw.
   */
  default void afterCommit(Runnable action) {
    action.run();
  }

  default void run(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }
}
