package jp.tsumugi.app.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.AuditEntryStore;

/** Audit entries in a list; tests may tamper with {@link #rows()} to play the attacker. */
public final class InMemoryAuditEntryStore implements AuditEntryStore {
  private final List<AuditRow> rows = new ArrayList<>();

  public List<AuditRow> rows() {
    return rows;
  }

  public List<AuditEntry> entries() {
    return rows.stream().filter(ReadableEntry.class::isInstance).map(r -> ((ReadableEntry) r).entry()).toList();
  }

  @Override
  public synchronized Optional<AuditEntry> last() {
    return entries().stream().reduce((a, b) -> b);
  }

  @Override
  public synchronized boolean tryAppend(AuditEntry entry) {
    if (rows.stream().anyMatch(r -> r.sequence() == entry.sequence())) {
      return false;
    }
    rows.add(new ReadableEntry(entry));
    return true;
  }

  @Override
  public void forEachInOrder(Consumer<AuditRow> consumer) {
    rows.stream().sorted(java.util.Comparator.comparingLong(AuditRow::sequence)).forEach(consumer);
  }

  @Override
  public long count() {
    return rows.size();
  }
}
