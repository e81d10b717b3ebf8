package jp.tsumugi.ui.composition;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.tsumugi.app.qualification.LedgerEntry;
import jp.tsumugi.app.qualification.PatientMatchingResultHandler;
import jp.tsumugi.app.qualification.PendingRequest;
import jp.tsumugi.app.qualification.ReceptionQualificationChecks;
import jp.tsumugi.app.qualification.ReceptionQualificationFlags;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.sync.qualification.InboxFolders;
import jp.tsumugi.sync.qualification.InboxSettings;
import jp.tsumugi.sync.qualification.QualificationInbox;
import jp.tsumugi.sync.qualification.QualificationRequests;
import jp.tsumugi.sync.qualification.TerminalSimulator;

/**
 * The desktop's connection to the 資格確認端末 while somebody is logged in (docs/adr/0018, 0023): the inbox
 * watching {@code res/} and {@code face/} (and timing requests out on each scan), requests written after
 * each check-in on a thread of their own (a hanging network share never holds up reception), the one-click
 * re-check, and the quarantine list. Request outcomes flag and clear 資格未確認 through
 * {@link ReceptionQualificationFlags} as the system actor. In the demo a simulated terminal answers the requests.
 */
public final class OqsDesk implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(OqsDesk.class.getName());

  private final Path folder;
  private final QualificationInbox inbox;
  private final ReceptionQualificationChecks checks;
  private final ExecutorService requestThread;
  private final Optional<TerminalSimulator> simulator;

  public OqsDesk(AppServices services, Path folder, OqsDeskSettings settings) {
    this.folder = Objects.requireNonNull(folder);
    InboxFolders folders = new InboxFolders(folder);
    InboxSettings inboxSettings = settings.inboxSettings();
    ReceptionQualificationFlags flags = new ReceptionQualificationFlags(services.reception(), PatientMatchingResultHandler.SYSTEM_ACTOR,
        services.terminal());
    QualificationRequests requests = services.qualificationRequests(folders, flags, inboxSettings);
    this.checks = new ReceptionQualificationChecks(services.reception(), services.store().clinics(), services.store().insuranceStore(),
        services.store().patientStore(), requests, services.store().qualificationRequests(), services.audit(), services.clock(),
        settings.limitCertificateConsent());
    this.inbox = services.qualificationInbox(folders, flags, inboxSettings);
    this.simulator = settings.simulatedTerminal()
        ? Optional.of(new TerminalSimulator(folders, services.simulatedNationalRegistry(), services.clock()))
        : Optional.empty();
    this.requestThread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "qualification-requests");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts watching the folders. */
  public void start() {
    inbox.start();
    simulator.ifPresent(TerminalSimulator::start);
  }

  /** The demo's simulated terminal, when the settings ask for one (tests drive it). */
  public Optional<TerminalSimulator> simulator() {
    return simulator;
  }

  /** The terminal's shared folder (shown to staff next to the quarantine list). */
  public Path folder() {
    return folder;
  }

  /** The folder quarantined files are moved to. */
  public Path quarantineFolder() {
    return new InboxFolders(folder).quarantine();
  }

  /** Queues the request for a visit just checked in; returns at once. */
  public void afterCheckIn(Visit visit) {
    try {
      requestThread.execute(() -> checks.requestAfterCheckIn(visit));
    } catch (RejectedExecutionException e) {
      LOG.log(Level.INFO, "qualification request not queued (visit {0}): logged out", visit.id());
    }
  }

  /** The request for a visit, sent on the calling thread (tests and tools; the screen uses {@link #afterCheckIn}). */
  public java.util.Optional<PendingRequest> requestNow(Visit visit) {
    return checks.requestAfterCheckIn(visit);
  }

  /** 資格再確認 of today's flagged visits (call it off the UI thread); the requests sent. */
  public List<PendingRequest> recheckToday(Session session) {
    return checks.recheckToday(session);
  }

  /** Quarantined files, newest first. */
  public List<LedgerEntry> quarantined() {
    return inbox.quarantined();
  }

  /** The inbox (tests scan it). */
  public QualificationInbox inbox() {
    return inbox;
  }

  @Override
  public void close() {
    simulator.ifPresent(TerminalSimulator::close);
    inbox.close();
    requestThread.shutdown();
    try {
      requestThread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
