package jp.tsumugi.sync.qualification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.qualification.InboxSource;
import jp.tsumugi.app.qualification.LedgerEntry;
import jp.tsumugi.app.qualification.QualificationLedger;

/**
 * Watches {@code res/} and {@code face/} of the 資格確認端末's shared folder and takes each result file
 * exactly once (docs/adr/0018). A WatchService wakes the scan early; a scan also runs every poll
 * interval because shared network folders miss events. A file is read only after its size and
 * modification time stayed the same for the settle time (by the injected clock) across two scans and it
 * opened for reading; it is then hashed, recorded, parsed and applied through {@link ResultFileProcessor},
 * and moved to {@code processed/} or, with a {@code .reason.txt}, to {@code quarantine/}. Nothing is
 * deleted. Any error in a scan is logged without patient data and the next scan tries again.
 */
public final class QualificationInbox implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(QualificationInbox.class.getName());
  private static final List<InboxSource> WATCHED = List.of(InboxSource.RES, InboxSource.FACE);

  /** One file taken by a scan. */
  public record Handled(String fileName, InboxSource source, ResultFileProcessor.Outcome outcome) {
  }

  /**
   * What one scan did.
   *
   * @param settling files seen but not yet stable long enough to be read
   * @param timedOut requests that timed out during this scan
   */
  public record ScanReport(List<Handled> handled, int settling, int timedOut) {
    public ScanReport {
      handled = List.copyOf(handled);
    }
  }

  private record Observation(long size, FileTime modified, Instant since) {
  }

  private final InboxFolders folders;
  private final ResultFileProcessor processor;
  private final QualificationLedger ledger;
  private final Optional<QualificationRequests> requests;
  private final InboxSettings settings;
  private final Clock clock;
  private final Map<Path, Observation> settling = new HashMap<>();
  private volatile boolean running;
  private Thread worker;
  private String lastScanError = "";

  public QualificationInbox(InboxFolders folders, ResultFileProcessor processor, QualificationLedger ledger,
      Optional<QualificationRequests> requests, InboxSettings settings, Clock clock) {
    this.folders = Objects.requireNonNull(folders);
    this.processor = Objects.requireNonNull(processor);
    this.ledger = Objects.requireNonNull(ledger);
    this.requests = Objects.requireNonNull(requests);
    this.settings = Objects.requireNonNull(settings);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Quarantined files for staff, newest first. */
  public List<LedgerEntry> quarantined() {
    return ledger.quarantined();
  }

  /**
   * Scans both folders once: takes every file that has settled, and times out overdue requests.
   * Throws {@code TSU-7101} if the shared folder cannot be reached; a problem with one file is logged
   * and does not stop the others.
   */
  public synchronized ScanReport scanOnce() {
    folders.check();
    List<Handled> handled = new ArrayList<>();
    Set<Path> present = new HashSet<>();
    for (InboxSource source : WATCHED) {
      for (Path file : list(folders.incoming(source))) {
        present.add(file);
        try {
          take(file, source).ifPresent(handled::add);
        } catch (TsumugiException e) {
          LOG.log(Level.WARNING, "qualification file not taken, will retry: {0}", e.errorCode().code());
        } catch (IOException | RuntimeException e) {
          LOG.log(Level.WARNING, "qualification file not taken, will retry: {0}", e.getClass().getSimpleName());
        }
      }
    }
    settling.keySet().retainAll(present);
    int timedOut = requests.map(r -> r.expireOverdue().size()).orElse(0);
    return new ScanReport(handled, settling.size(), timedOut);
  }

  private static List<Path> list(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(Files::isRegularFile).filter(p -> isCandidate(p.getFileName().toString())).sorted().toList();
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_FOLDER_UNAVAILABLE, "cannot list " + folder.getFileName(), e);
    }
  }

  /** Hidden files and a writer's temporary names are not results yet: they are renamed when complete. */
  private static boolean isCandidate(String name) {
    return !name.startsWith(".") && !name.endsWith(".part") && !name.endsWith(".tmp") && !name.endsWith("~");
  }

  private Optional<Handled> take(Path file, InboxSource source) throws IOException {
    BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
    Instant at = clock.instant();
    Observation seen = settling.get(file);
    if (seen == null || seen.size() != now.size() || !seen.modified().equals(now.lastModifiedTime())) {
      settling.put(file, new Observation(now.size(), now.lastModifiedTime(), at));
      return Optional.empty();
    }
    if (Duration.between(seen.since(), at).compareTo(settings.settleTime()) < 0) {
      return Optional.empty();
    }
    FileSnapshot snapshot;
    try {
      snapshot = FileSnapshot.read(file, processor.maxBytes());
    } catch (IOException e) {
      // Still held open by its writer (Windows shares lock it), or gone: try again on the next scan.
      LOG.log(Level.FINE, "qualification file not readable yet: {0}", e.getClass().getSimpleName());
      return Optional.empty();
    }
    BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
    if (after.size() != seen.size() || snapshot.size() != seen.size() || !after.lastModifiedTime().equals(seen.modified())) {
      settling.put(file, new Observation(after.size(), after.lastModifiedTime(), clock.instant()));
      return Optional.empty();
    }
    ResultFileProcessor.Outcome outcome = processor.process(snapshot, source);
    if (outcome.isFinished()) {
      ledger.makeDurable();
      moveAway(file, outcome);
      settling.remove(file);
    }
    return Optional.of(new Handled(snapshot.fileName(), source, outcome));
  }

  /** Moves a finished file to processed/ or quarantine/; the ledger already says it is finished. */
  private void moveAway(Path file, ResultFileProcessor.Outcome outcome) {
    boolean quarantined = outcome.isQuarantined();
    Path folder = quarantined ? folders.quarantine() : folders.processed();
    LedgerEntry entry = outcome.entry();
    try {
      Path target = freeName(folder, entry.id() + "-" + file.getFileName());
      if (quarantined) {
        Files.writeString(folder.resolve(target.getFileName() + ".reason.txt"), reasonText(entry), StandardCharsets.UTF_8);
      }
      try {
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(file, target);
      }
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_FILE_MOVE_FAILED, e.getClass().getSimpleName(), e);
    }
  }

  private static Path freeName(Path folder, String name) {
    Path target = folder.resolve(name);
    for (int n = 2; Files.exists(target); n++) {
      target = folder.resolve(n + "-" + name);
    }
    return target;
  }

  /** What staff and support read next to a quarantined file. No patient data: codes and element names only. */
  static String reasonText(LedgerEntry entry) {
    String english = "";
    for (ErrorCode code : ErrorCode.values()) {
      if (code.code().equals(entry.reasonCode())) {
        english = code.englishText();
      }
    }
    return "code: " + entry.reasonCode() + "\n"
        + "reason: " + english + "\n"
        + "detail: " + entry.reasonDetail() + "\n"
        + "file: " + entry.fileName() + "\n"
        + "source: " + entry.source() + "\n"
        + "sha256: " + entry.sha256() + "\n"
        + "received: " + entry.receivedAt() + "\n"
        + "quarantined: " + entry.finishedAt().map(Instant::toString).orElse("") + "\n"
        + "ledger id: " + entry.id() + "\n";
  }

  /** Starts the background watcher (idempotent). */
  public synchronized void start() {
    if (worker != null) {
      return;
    }
    running = true;
    worker = new Thread(this::run, "qualification-inbox");
    worker.setDaemon(true);
    worker.start();
  }

  /** Stops the background watcher and waits for it briefly. */
  @Override
  public void close() {
    Thread w;
    synchronized (this) {
      running = false;
      w = worker;
      worker = null;
    }
    if (w != null) {
      w.interrupt();
      try {
        w.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    WatchService watch = openWatch();
    Map<Path, WatchKey> keys = new HashMap<>();
    try {
      while (running) {
        scanGuarded();
        long waitMillis = settings.pollInterval().toMillis();
        if (settlingCount() > 0) {
          waitMillis = Math.min(waitMillis, settings.settleTime().toMillis());
        }
        if (watch == null) {
          Thread.sleep(Math.max(1, waitMillis));
        } else {
          register(watch, keys);
          WatchKey key = watch.poll(Math.max(1, waitMillis), TimeUnit.MILLISECONDS);
          while (key != null) {
            key.pollEvents();
            if (!key.reset()) {
              keys.values().remove(key);
            }
            key = watch.poll();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(watch);
    }
  }

  private synchronized int settlingCount() {
    return settling.size();
  }

  private void scanGuarded() {
    try {
      scanOnce();
      lastScanError = "";
    } catch (TsumugiException e) {
      logOnce(e.errorCode().code() + " " + e.detail());
    } catch (RuntimeException e) {
      logOnce(e.getClass().getSimpleName());
    }
  }

  /** A share that stays offline is logged once, not every two seconds. */
  private void logOnce(String error) {
    if (!error.equals(lastScanError)) {
      LOG.log(Level.WARNING, "qualification inbox scan failed, will retry: {0}", error);
      lastScanError = error;
    }
  }

  private static WatchService openWatch() {
    try {
      return FileSystems.getDefault().newWatchService();
    } catch (IOException | UnsupportedOperationException e) {
      LOG.log(Level.INFO, "no watch service, polling only: {0}", e.getClass().getSimpleName());
      return null;
    }
  }

  private void register(WatchService watch, Map<Path, WatchKey> keys) {
    for (InboxSource source : WATCHED) {
      Path folder = folders.incoming(source);
      WatchKey key = keys.get(folder);
      if (key != null && key.isValid()) {
        continue;
      }
      try {
        keys.put(folder, folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY));
      } catch (IOException | UnsupportedOperationException e) {
        keys.remove(folder);
      }
    }
  }

  private static void closeQuietly(WatchService watch) {
    if (watch == null) {
      return;
    }
    try {
      watch.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "watch service close failed: {0}", e.getClass().getSimpleName());
    }
  }
}
