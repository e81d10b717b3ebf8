package jp.tsumugi.app.chart;

/**
 * Told after the commit of a change to a note or a problem (sign-off, amendment, tombstone), with the record
 * id only; the listener reads the committed state itself. {@link ChartSearch} keeps its index current this way.
 * Called from {@code Transactions.afterCommit}: never for work that was rolled back; must not throw.
 */
public interface ChartChangeListener {
  ChartChangeListener NONE = new ChartChangeListener() {
    @Override
    public void noteChanged(long recordId) {
      // nobody listens
    }

    @Override
    public void problemChanged(long recordId) {
      // nobody listens
    }
  };

  void noteChanged(long recordId);

  void problemChanged(long recordId);
}
