package jp.tsumugi.sync.qualification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.qualification.PendingRequest;
import jp.tsumugi.app.qualification.QualificationRequest;
import jp.tsumugi.app.qualification.QualificationRequestEvents;
import jp.tsumugi.app.qualification.QualificationRequestLog;
import jp.tsumugi.app.qualification.QualificationRequestSender;
import jp.tsumugi.app.qualification.RequestState;

/**
 * Requests written into {@code req/} (docs/adr/0018): each is recorded PENDING before it is written,
 * answered when its result arrives in {@code res/} (through {@link ResultFileProcessor}), TIMED_OUT when
 * no result comes within the timeout or the folder cannot be written, and re-sent in one call by
 * {@link #retryTimedOut()}. A late result for a timed-out request is still applied.
 */
public final class QualificationRequests implements QualificationRequestSender {
  private static final Logger LOG = Logger.getLogger(QualificationRequests.class.getName());

  private final InboxFolders folders;
  private final QualificationRequestWriter writer;
  private final QualificationRequestLog log;
  private final QualificationRequestEvents events;
  private final Clock clock;
  private final Duration timeout;
  private final RandomGenerator random;

  public QualificationRequests(InboxFolders folders, QualificationRequestWriter writer, QualificationRequestLog log,
      QualificationRequestEvents events, Clock clock, Duration timeout, RandomGenerator random) {
    this.folders = Objects.requireNonNull(folders);
    this.writer = Objects.requireNonNull(writer);
    this.log = Objects.requireNonNull(log);
    this.events = Objects.requireNonNull(events);
    this.clock = Objects.requireNonNull(clock);
    this.timeout = Objects.requireNonNull(timeout);
    this.random = Objects.requireNonNull(random);
  }

  /**
   * Writes a request into {@code req/} and records it PENDING. If the folder cannot be written (the
   * terminal's share is offline) the request comes back TIMED_OUT at once and the listener is told:
   * reception carries on with the last verified insurance. A request that is itself invalid or cannot
   * be encoded is refused ({@code TSU-7061}, {@code TSU-7062}) and nothing is recorded.
   *
   * @param reference the caller's key for what the request is about (a visit id), never patient data
   */
  @Override
  public PendingRequest submit(QualificationRequest request, String reference) {
    return submit(request, reference, 0);
  }

  private PendingRequest submit(QualificationRequest request, String reference, long retryOf) {
    String identifier = QualificationFileNames.newIdentifier(clock, random);
    writer.encode(request, identifier);
    String requestName = QualificationFileNames.requestName(identifier);
    Instant now = clock.instant();
    PendingRequest pending = log.insert(new PendingRequest(0, identifier, requestName, QualificationFileNames.resultNameFor(requestName),
        reference, request, now, now.plus(timeout), RequestState.PENDING, Optional.empty(), retryOf));
    try {
      writer.writeTo(folders.requests(), request, identifier);
      return pending;
    } catch (TsumugiException e) {
      LOG.log(Level.WARNING, "qualification request not written (request id {0}): {1}", new Object[] {pending.id(), e.errorCode().code()});
      log.markTimedOut(pending.id());
      PendingRequest timedOut = with(pending, RequestState.TIMED_OUT);
      tell(timedOut, true);
      return timedOut;
    }
  }

  /** Moves overdue PENDING requests to TIMED_OUT and tells the listener of each; returns them. */
  public List<PendingRequest> expireOverdue() {
    List<PendingRequest> expired = log.expire(clock.instant());
    for (PendingRequest r : expired) {
      tell(r, true);
    }
    return expired;
  }

  /**
   * Re-sends every TIMED_OUT request as a new request dated today (the old one becomes RETRIED; its
   * result, if it still comes, is applied too). Returns the new requests.
   */
  public List<PendingRequest> retryTimedOut() {
    List<PendingRequest> sent = new ArrayList<>();
    LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
    for (PendingRequest old : log.timedOut()) {
      if (!log.markRetried(old.id())) {
        continue;
      }
      QualificationRequest q = old.request();
      QualificationRequest again = new QualificationRequest(today, q.institutionCode(), q.insurerNumber(), q.symbol(), q.number(),
          q.branch(), q.birthDate(), q.limitCertificateConsent());
      sent.add(submit(again, old.reference(), old.id()));
    }
    return sent;
  }

  /** A request by its identifier; {@code TSU-7105} if there is none. */
  public PendingRequest status(String identifier) {
    return log.findByIdentifier(identifier).orElseThrow(() -> new TsumugiException(ErrorCode.QUALIFICATION_REQUEST_UNKNOWN));
  }

  public List<PendingRequest> pending() {
    return log.pending();
  }

  public List<PendingRequest> timedOut() {
    return log.timedOut();
  }

  private void tell(PendingRequest request, boolean timedOut) {
    try {
      if (timedOut) {
        events.timedOut(request);
      } else {
        events.answered(request);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "request listener failed: {0}", e.getClass().getSimpleName());
    }
  }

  private static PendingRequest with(PendingRequest r, RequestState state) {
    return new PendingRequest(r.id(), r.identifier(), r.requestFileName(), r.resultFileName(), r.reference(), r.request(), r.submittedAt(),
        r.deadline(), state, r.answeredAt(), r.retryOf());
  }
}
