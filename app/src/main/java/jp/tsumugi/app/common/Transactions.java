package jp.tsumugi.app.common;

import java.util.function.Supplier;

/** Port: runs work atomically against the system of record (all of it or none of it). */
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);

  default void run(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }
}
