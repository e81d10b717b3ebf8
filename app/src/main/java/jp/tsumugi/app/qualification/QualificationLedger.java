package jp.tsumugi.app.qualification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.common.ErrorCode;

/**
 * Port: the record of every result file ever read, so that each is applied exactly once across
 * restarts and crashes (docs/adr/0018). A file is identified by its name and the SHA-256 of its bytes.
 */
public interface QualificationLedger {
  /** The entry for this name and content, if the file was read before. */
  Optional<LedgerEntry> find(String fileName, String sha256);

  /**
   * Records a file as RECEIVED (committed on its own) and returns its entry; if the same name and
   * content were recorded before, returns that entry unchanged, whatever its state.
   */
  LedgerEntry receive(String fileName, String sha256, InboxSource source, long sizeBytes, Instant at);

  /**
   * Moves a RECEIVED entry to APPLIED. Call it inside the transaction that applies the result: it
   * updates only a RECEIVED row, so a second process that applied the same file at the same time gets
   * {@code false} (after the first commits) and must roll its work back.
   */
  boolean claimApplied(long id, String summary, Instant at);

  /** Moves a RECEIVED entry to QUARANTINED with a reason; false if it was already finished. */
  boolean markQuarantined(long id, ErrorCode reason, String detail, Instant at);

  /** Counts one failed attempt to apply a RECEIVED entry and returns the new count. */
  int countFailedAttempt(long id);

  /**
   * Forces every committed change to stable storage. Called before a file is moved out of the inbox
   * folder and after a file is first recorded: an embedded database may hold recent commits in memory
   * for a moment (H2 writes them in the background), and a file must never leave the folder while the
   * record of its application could still be lost.
   */
  void makeDurable();

  /** Entries still RECEIVED (read, not applied): what a crash left behind. Oldest first. */
  List<LedgerEntry> received();

  /** Quarantined files for staff, newest first. */
  List<LedgerEntry> quarantined();
}
