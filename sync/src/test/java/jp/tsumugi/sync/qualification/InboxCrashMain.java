package jp.tsumugi.sync.qualification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.qualification.ApplyReport;
import jp.tsumugi.app.qualification.AuditOnlyResultHandler;
import jp.tsumugi.app.qualification.InboxSource;
import jp.tsumugi.app.qualification.LedgerEntry;
import jp.tsumugi.app.qualification.QualificationLedger;
import jp.tsumugi.app.qualification.QualificationRequestEvents;
import jp.tsumugi.app.qualification.QualificationResultHandler;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;

/**
 * Run in a separate JVM by {@link QualificationInboxCrashTest}: opens the store, scans the inbox, writes a
 * marker file at the chosen moment and waits there to be killed. Moments: {@code before-apply} (in the
 * handler: the file was read and recorded RECEIVED, the apply transaction is open) and {@code before-move}
 * (the result was applied and committed, the file not yet moved out of {@code face/}).
 * Arguments: share folder, data dir, key dir, marker file, moment.
 */
public final class InboxCrashMain {
  private InboxCrashMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    Path marker = Path.of(args[3]);
    boolean beforeApply = args[4].equals("before-apply");
    Clock clock = Clock.systemUTC();
    LocalStore store = LocalStore.openH2(new StoreLocation(Path.of(args[1]), Path.of(args[2])), clock);
    QualificationResultHandler audited = new AuditOnlyResultHandler(new HashChainedAuditLog(store.auditEntries(), clock), "system",
        "child");
    QualificationResultHandler handler = beforeApply ? (result, origin) -> stopHere(marker) : audited;
    QualificationLedger ledger = beforeApply ? store.qualificationLedger() : new StopBeforeMove(store.qualificationLedger(), marker);
    ResultFileProcessor processor = new ResultFileProcessor(new QualificationResultParser(), ledger, store.qualificationRequests(), handler,
        store.transactions(), QualificationRequestEvents.NONE, clock, 3);
    InboxSettings settings = new InboxSettings(Duration.ofMillis(50), Duration.ZERO, 3, Duration.ofSeconds(30));
    QualificationInbox inbox = new QualificationInbox(new InboxFolders(Path.of(args[0])), processor, ledger, Optional.empty(), settings,
        clock);
    inbox.scanOnce();
    Thread.sleep(20);
    inbox.scanOnce();
    Runtime.getRuntime().halt(5);
  }

  private static ApplyReport stopHere(Path marker) {
    try {
      Files.writeString(marker, "stopped");
      Thread.sleep(Duration.ofMinutes(5).toMillis());
    } catch (IOException | InterruptedException e) {
      Runtime.getRuntime().halt(3);
    }
    Runtime.getRuntime().halt(4);
    return null;
  }

  /** The real ledger, except that the second {@link #makeDurable()} (the one before the move) stops the process there. */
  private static final class StopBeforeMove implements QualificationLedger {
    private final QualificationLedger real;
    private final Path marker;
    private int durableCalls;

    StopBeforeMove(QualificationLedger real, Path marker) {
      this.real = real;
      this.marker = marker;
    }

    @Override
    public Optional<LedgerEntry> find(String fileName, String sha256) {
      return real.find(fileName, sha256);
    }

    @Override
    public LedgerEntry receive(String fileName, String sha256, InboxSource source, long sizeBytes, Instant at) {
      return real.receive(fileName, sha256, source, sizeBytes, at);
    }

    @Override
    public boolean claimApplied(long id, String summary, Instant at) {
      return real.claimApplied(id, summary, at);
    }

    @Override
    public boolean markQuarantined(long id, ErrorCode reason, String detail, Instant at) {
      return real.markQuarantined(id, reason, detail, at);
    }

    @Override
    public int countFailedAttempt(long id) {
      return real.countFailedAttempt(id);
    }

    @Override
    public void makeDurable() {
      real.makeDurable();
      if (++durableCalls == 2) {
        stopHere(marker);
      }
    }

    @Override
    public List<LedgerEntry> received() {
      return real.received();
    }

    @Override
    public List<LedgerEntry> quarantined() {
      return real.quarantined();
    }
  }
}
