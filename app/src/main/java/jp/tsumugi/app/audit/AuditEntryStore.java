package jp.tsumugi.app.audit;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port: the append-only table of audit entries. There is deliberately no update or delete.
 */
public interface AuditEntryStore {
  Optional<AuditEntry> last();

  /**
   * Inserts the entry. Returns false, inserting nothing, when another writer already took the
   * entry's sequence number (several terminals on one database); the caller then chains again.
   */
  boolean tryAppend(AuditEntry entry);

  /** Streams every entry in sequence order; rows the store cannot read come as {@link UnreadableEntry}. */
  void forEachInOrder(Consumer<AuditRow> consumer);

  long count();

  /** A row as read back for verification: either an entry or why it could not be read. */
  sealed interface AuditRow permits ReadableEntry, UnreadableEntry {
    long sequence();
  }

  record ReadableEntry(AuditEntry entry) implements AuditRow {
    @Override
    public long sequence() {
      return entry.sequence();
    }
  }

  record UnreadableEntry(long sequence, String reason) implements AuditRow {
  }
}
