package jp.tsumugi.app.testing;

import java.util.function.Supplier;
import jp.tsumugi.app.common.Transactions;

/** Runs work inline and counts the outermost transactions (no rollback: the fakes have no undo). */
public final class DirectTransactions implements Transactions {
  private int depth;
  private int started;

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (depth++ == 0) {
      started++;
    }
    try {
      return work.get();
    } finally {
      depth--;
    }
  }

  public int started() {
    return started;
  }
}
