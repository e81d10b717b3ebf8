package jp.tsumugi.sync.qualification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.qualification.ApplyReport;
import jp.tsumugi.app.qualification.AuditOnlyResultHandler;
import jp.tsumugi.app.qualification.InboxSource;
import jp.tsumugi.app.qualification.PendingRequest;
import jp.tsumugi.app.qualification.QualificationRequestEvents;
import jp.tsumugi.app.qualification.QualificationResult;
import jp.tsumugi.app.qualification.QualificationResultHandler;
import jp.tsumugi.app.qualification.ResultOrigin;
import jp.tsumugi.app.testing.MutableClock;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;

/** A real shared folder in a temp directory, a real encrypted H2 store, and the inbox wired as the application wires it. */
final class InboxHarness implements AutoCloseable {
  static final Instant START = Instant.parse("2026-11-25T00:30:00Z");
  static final Duration SETTLE = Duration.ofSeconds(1);

  final Path root;
  final InboxFolders folders;
  final LocalStore store;
  final MutableClock clock;
  final FlakyHandler handler;
  final RecordingEvents events = new RecordingEvents();
  final ResultFileProcessor processor;
  final QualificationRequests requests;
  final QualificationInbox inbox;

  private InboxHarness(Path root, LocalStore store, MutableClock clock, InboxSettings settings) {
    this.root = root;
    this.folders = new InboxFolders(root.resolve("share"));
    this.store = store;
    this.clock = clock;
    this.handler = new FlakyHandler(new AuditOnlyResultHandler(new HashChainedAuditLog(store.auditEntries(), clock), "system", "test"));
    this.processor = new ResultFileProcessor(new QualificationResultParser(), store.qualificationLedger(), store.qualificationRequests(),
        handler, store.transactions(), events, clock, settings.maxApplyAttempts());
    this.requests = new QualificationRequests(folders, new QualificationRequestWriter(), store.qualificationRequests(), events, clock,
        settings.requestTimeout(), new SplittableRandom(7));
    this.inbox = new QualificationInbox(folders, processor, store.qualificationLedger(), Optional.of(requests), settings, clock);
  }

  static InboxSettings settings(int maxAttempts) {
    return new InboxSettings(Duration.ofMillis(200), SETTLE, maxAttempts, Duration.ofSeconds(30));
  }

  static InboxHarness create(Path root) {
    return create(root, settings(3));
  }

  static InboxHarness create(Path root, InboxSettings settings) {
    makeShare(root.resolve("share"));
    LocalStore store = LocalStore.createH2(location(root), Clock.fixed(START, java.time.ZoneOffset.UTC)).store();
    return new InboxHarness(root, store, new MutableClock(START), settings);
  }

  /** Opens the store a previous harness (or a killed process) left in {@code root}. */
  static InboxHarness reopen(Path root, Instant now) {
    LocalStore store = LocalStore.openH2(location(root), Clock.fixed(now, java.time.ZoneOffset.UTC));
    return new InboxHarness(root, store, new MutableClock(now), settings(3));
  }

  static StoreLocation location(Path root) {
    return new StoreLocation(root.resolve("data"), root.resolve("keys"));
  }

  static void makeShare(Path share) {
    try {
      Files.createDirectories(share.resolve("req"));
      Files.createDirectories(share.resolve("res"));
      Files.createDirectories(share.resolve("face"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path drop(InboxSource source, String name, byte[] bytes) {
    try {
      return Files.write(folders.incoming(source).resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One scan to see the files, the settle time, and a second scan to take them. */
  List<QualificationInbox.Handled> settleAndScan() {
    List<QualificationInbox.Handled> handled = new ArrayList<>(inbox.scanOnce().handled());
    clock.advance(SETTLE);
    handled.addAll(inbox.scanOnce().handled());
    return handled;
  }

  long audited(AuditAction action) {
    AtomicInteger n = new AtomicInteger();
    store.auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry e && e.entry().action() == action) {
        n.incrementAndGet();
      }
    });
    return n.get();
  }

  static List<String> names(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    inbox.close();
    store.close();
  }

  /** The default handler, made to fail a given number of times first. */
  static final class FlakyHandler implements QualificationResultHandler {
    private final QualificationResultHandler delegate;
    final AtomicInteger calls = new AtomicInteger();
    private int failuresLeft;

    FlakyHandler(QualificationResultHandler delegate) {
      this.delegate = delegate;
    }

    void failNext(int times) {
      failuresLeft = times;
    }

    @Override
    public ApplyReport apply(QualificationResult result, ResultOrigin origin) {
      calls.incrementAndGet();
      ApplyReport report = delegate.apply(result, origin);
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new IllegalStateException("simulated failure after the audit write");
      }
      return report;
    }
  }

  /** Remembers what the request listener was told. */
  static final class RecordingEvents implements QualificationRequestEvents {
    final List<PendingRequest> timedOut = new ArrayList<>();
    final List<PendingRequest> answered = new ArrayList<>();

    @Override
    public void timedOut(PendingRequest request) {
      timedOut.add(request);
    }

    @Override
    public void answered(PendingRequest request) {
      answered.add(request);
    }
  }
}
