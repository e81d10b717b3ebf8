package jp.tsumugi.sync.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.qualification.AuditOnlyResultHandler;
import jp.tsumugi.app.qualification.QualificationRequestEvents;
import jp.tsumugi.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background watcher on the real clock: bounded waits, never an unbounded loop. */
class QualificationInboxWatcherTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);
  @TempDir Path tmp;

  @Test
  void theRunningWatcherSurvivesABadFileAndAVanishedFolderAndTakesTheNextGoodFile() throws IOException, InterruptedException {
    InboxHarness.makeShare(tmp.resolve("share"));
    InboxFolders folders = new InboxFolders(tmp.resolve("share"));
    Clock clock = Clock.systemUTC();
    try (LocalStore store = LocalStore.createH2(InboxHarness.location(tmp), clock).store()) {
      ResultFileProcessor processor = new ResultFileProcessor(new QualificationResultParser(), store.qualificationLedger(),
          store.qualificationRequests(), new AuditOnlyResultHandler(new HashChainedAuditLog(store.auditEntries(), clock), "system", "t"),
          store.transactions(), QualificationRequestEvents.NONE, clock, 3);
      InboxSettings settings = new InboxSettings(Duration.ofMillis(100), Duration.ofMillis(100), 3, Duration.ofSeconds(30));
      try (QualificationInbox inbox = new QualificationInbox(folders, processor, store.qualificationLedger(), Optional.empty(), settings,
          clock)) {
        inbox.start();
        Files.write(folders.face().resolve("bad.xml"), Fixtures.bytes("attack-billion-laughs.xml"));
        awaitFiles(folders.quarantine(), 2);
        Path away = tmp.resolve("face-away");
        Files.move(folders.face(), away);
        Thread.sleep(400);
        Files.move(away, folders.face());
        Files.write(folders.face().resolve("good.xml"), Fixtures.bytes("face-new-patient-sjis.xml"));
        awaitFiles(folders.processed(), 1);
        assertThat(InboxHarness.names(folders.face())).isEmpty();
        assertThat(inbox.quarantined()).singleElement().satisfies(e -> assertThat(e.fileName()).isEqualTo("bad.xml"));
      }
      AtomicInteger applied = new AtomicInteger();
      store.auditEntries().forEachInOrder(row -> {
        if (row instanceof AuditEntryStore.ReadableEntry e && e.entry().action() == AuditAction.QUALIFICATION_RESULT_APPLIED) {
          applied.incrementAndGet();
        }
      });
      assertThat(applied.get()).isEqualTo(1);
    }
  }

  private static void awaitFiles(Path folder, int count) throws InterruptedException {
    Instant end = Instant.now().plus(LIMIT);
    while (!Files.isDirectory(folder) || InboxHarness.names(folder).size() < count) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("the watcher did not take the file within " + LIMIT + ": " + InboxHarness.names(folder));
      }
      Thread.sleep(50);
    }
  }
}
