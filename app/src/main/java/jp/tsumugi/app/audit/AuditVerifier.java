package jp.tsumugi.app.audit;

/** Walks the whole log and reports the first entry whose link or content does not hold. */
public final class AuditVerifier {
  private final AuditEntryStore store;

  public AuditVerifier(AuditEntryStore store) {
    this.store = store;
  }

  /** Outcome of a verification. {@code firstBrokenSequence} is 0 when the log is intact. */
  public record Result(boolean intact, long entriesChecked, long firstBrokenSequence, String reason) {
  }

  public Result verify() {
    var walker = new Walker();
    store.forEachInOrder(walker::accept);
    return walker.result();
  }

  private static final class Walker {
    private long expectedSequence = 1;
    private String previousHash = AuditChain.GENESIS;
    private long checked;
    private Result broken;

    void accept(AuditEntryStore.AuditRow row) {
      if (broken != null) {
        return;
      }
      if (row.sequence() != expectedSequence) {
        broken = new Result(false, checked, expectedSequence, row.sequence() > expectedSequence
            ? "entry " + expectedSequence + " is missing (next present is " + row.sequence() + ")"
            : "sequence " + row.sequence() + " appears out of order");
        return;
      }
      if (row instanceof AuditEntryStore.UnreadableEntry unreadable) {
        broken = new Result(false, checked, row.sequence(), "entry cannot be read: " + unreadable.reason());
        return;
      }
      AuditEntry entry = ((AuditEntryStore.ReadableEntry) row).entry();
      if (!entry.previousHash().equals(previousHash)) {
        broken = new Result(false, checked, entry.sequence(), "link to the previous entry does not match");
        return;
      }
      if (!AuditChain.expectedHash(entry).equals(entry.hash())) {
        broken = new Result(false, checked, entry.sequence(), "content does not match its hash (edited)");
        return;
      }
      previousHash = entry.hash();
      expectedSequence++;
      checked++;
    }

    Result result() {
      return broken != null ? broken : new Result(true, checked, 0, "");
    }
  }
}
