package jp.tsumugi.sync.qualification;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.qualification.ApplyReport;
import jp.tsumugi.app.qualification.InboxSource;
import jp.tsumugi.app.qualification.LedgerEntry;
import jp.tsumugi.app.qualification.LedgerState;
import jp.tsumugi.app.qualification.PendingRequest;
import jp.tsumugi.app.qualification.QualificationLedger;
import jp.tsumugi.app.qualification.QualificationRequestEvents;
import jp.tsumugi.app.qualification.QualificationRequestLog;
import jp.tsumugi.app.qualification.QualificationResult;
import jp.tsumugi.app.qualification.QualificationResultHandler;
import jp.tsumugi.app.qualification.ResultOrigin;

/**
 * Takes one completely read result file through the ledger (docs/adr/0018): record it RECEIVED, parse
 * it, and apply it and mark it APPLIED in one transaction; or quarantine it with a reason. A file whose
 * name and content were finished before is reported as such and not applied again. Folder mechanics
 * (settling, moving) belong to {@link QualificationInbox}; the CLI uses this class directly.
 */
public final class ResultFileProcessor {
  private static final Logger LOG = Logger.getLogger(ResultFileProcessor.class.getName());

  /** What happened to a file. */
  public enum Kind {
    /** Applied now. */
    APPLIED,
    /** Quarantined now. */
    QUARANTINED,
    /** The same name and content were applied before: nothing done. */
    ALREADY_APPLIED,
    /** The same name and content were quarantined before: nothing done. */
    ALREADY_QUARANTINED,
    /** Applying failed and will be tried again; the file stays where it is. */
    RETRY_LATER
  }

  /**
   * The result of processing one file.
   *
   * @param report what the handler did (APPLIED only)
   * @param answered the request this result answered, if it answered one
   */
  public record Outcome(Kind kind, LedgerEntry entry, Optional<ApplyReport> report, Optional<PendingRequest> answered) {
    public Outcome {
      Objects.requireNonNull(kind);
      Objects.requireNonNull(entry);
      report = report == null ? Optional.empty() : report;
      answered = answered == null ? Optional.empty() : answered;
    }

    public boolean isFinished() {
      return kind != Kind.RETRY_LATER;
    }

    public boolean isQuarantined() {
      return kind == Kind.QUARANTINED || kind == Kind.ALREADY_QUARANTINED;
    }
  }

  private final QualificationResultParser parser;
  private final QualificationLedger ledger;
  private final QualificationRequestLog requests;
  private final QualificationResultHandler handler;
  private final Transactions transactions;
  private final QualificationRequestEvents events;
  private final Clock clock;
  private final int maxApplyAttempts;

  public ResultFileProcessor(QualificationResultParser parser, QualificationLedger ledger, QualificationRequestLog requests,
      QualificationResultHandler handler, Transactions transactions, QualificationRequestEvents events, Clock clock, int maxApplyAttempts) {
    this.parser = Objects.requireNonNull(parser);
    this.ledger = Objects.requireNonNull(ledger);
    this.requests = Objects.requireNonNull(requests);
    this.handler = Objects.requireNonNull(handler);
    this.transactions = Objects.requireNonNull(transactions);
    this.events = Objects.requireNonNull(events);
    this.clock = Objects.requireNonNull(clock);
    if (maxApplyAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt");
    }
    this.maxApplyAttempts = maxApplyAttempts;
  }

  /** The largest file the parser reads; larger ones are quarantined after hashing. */
  long maxBytes() {
    return parser.limits().maxBytes();
  }

  /**
   * Applies one result file exactly as if it had arrived in {@code res/} or {@code face/}, through the
   * same ledger and handler, without moving it: for support staff and tests.
   */
  public Outcome ingest(Path file) {
    FileSnapshot snapshot;
    try {
      snapshot = FileSnapshot.read(file, maxBytes());
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_FILE_UNREADABLE, e.getClass().getSimpleName(), e);
    }
    return process(snapshot, InboxSource.INGEST);
  }

  /** Processes a file already read in full. */
  Outcome process(FileSnapshot file, InboxSource source) {
    LedgerEntry entry = ledger.receive(file.fileName(), file.sha256(), source, file.size(), clock.instant());
    switch (entry.state()) {
      case APPLIED:
        return new Outcome(Kind.ALREADY_APPLIED, entry, Optional.empty(), Optional.empty());
      case QUARANTINED:
        return new Outcome(Kind.ALREADY_QUARANTINED, entry, Optional.empty(), Optional.empty());
      default:
        break;
    }
    if (entry.attempts() == 0) {
      ledger.makeDurable();
    }
    if (!file.fileName().toLowerCase(Locale.ROOT).endsWith(".xml")) {
      return quarantine(entry, ErrorCode.QUALIFICATION_FILE_NAME_UNKNOWN, "name does not end in .xml");
    }
    if (file.bytes().isEmpty()) {
      return quarantine(entry, ErrorCode.QUALIFICATION_FILE_TOO_LARGE, "over " + maxBytes() + " bytes");
    }
    QualificationResult result;
    try {
      result = parser.parse(file.bytes().get());
    } catch (TsumugiException e) {
      return quarantine(entry, e.errorCode(), e.detail());
    }
    return apply(entry, result);
  }

  private Outcome apply(LedgerEntry entry, QualificationResult result) {
    ResultOrigin origin = new ResultOrigin(entry.id(), entry.fileName(), entry.source());
    try {
      Applied applied = transactions.inTransaction(() -> {
        ApplyReport report = handler.apply(result, origin);
        Optional<PendingRequest> answered = requests.markAnswered(entry.fileName(), clock.instant());
        if (!ledger.claimApplied(entry.id(), report.summary(), clock.instant())) {
          throw new FinishedElsewhere();
        }
        return new Applied(report, answered);
      });
      applied.answered().ifPresent(request -> tellAnswered(request, applied.report()));
      LedgerEntry done = ledger.find(entry.fileName(), entry.sha256()).orElse(entry);
      return new Outcome(Kind.APPLIED, done, Optional.of(applied.report()), applied.answered());
    } catch (FinishedElsewhere e) {
      LedgerEntry done = ledger.find(entry.fileName(), entry.sha256()).orElse(entry);
      return new Outcome(done.state() == LedgerState.QUARANTINED ? Kind.ALREADY_QUARANTINED : Kind.ALREADY_APPLIED,
          done, Optional.empty(), Optional.empty());
    } catch (RuntimeException e) {
      int attempts = ledger.countFailedAttempt(entry.id());
      String cause = e instanceof TsumugiException t ? t.errorCode().code() : e.getClass().getSimpleName();
      LOG.log(Level.WARNING, "applying qualification result failed (ledger id {0}, attempt {1}): {2}",
          new Object[] {entry.id(), attempts, cause});
      if (attempts >= maxApplyAttempts) {
        return quarantine(entry, ErrorCode.QUALIFICATION_APPLY_FAILED, attempts + " attempts failed, last: " + cause);
      }
      return new Outcome(Kind.RETRY_LATER, entry, Optional.empty(), Optional.empty());
    }
  }

  private Outcome quarantine(LedgerEntry entry, ErrorCode reason, String detail) {
    ledger.markQuarantined(entry.id(), reason, detail, clock.instant());
    LedgerEntry done = ledger.find(entry.fileName(), entry.sha256()).orElse(entry);
    LOG.log(Level.INFO, "qualification file quarantined (ledger id {0}): {1}", new Object[] {entry.id(), reason.code()});
    return new Outcome(done.state() == LedgerState.APPLIED ? Kind.ALREADY_APPLIED : Kind.QUARANTINED,
        done, Optional.empty(), Optional.empty());
  }

  private void tellAnswered(PendingRequest request, ApplyReport report) {
    try {
      events.answered(request, report);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "request listener failed: {0}", e.getClass().getSimpleName());
    }
  }

  private record Applied(ApplyReport report, Optional<PendingRequest> answered) {
  }

  /** Another process finished the file between our read and our commit: roll back our work. */
  private static final class FinishedElsewhere extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FinishedElsewhere() {
      super(null, null, false, false);
    }
  }
}
