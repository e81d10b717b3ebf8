package jp.tsumugi.sync.qualification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import jp.tsumugi.app.qualification.QualificationRequestEvents;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;

/**
 * Run in a separate JVM by {@link QualificationInboxCrashTest}: opens the store, scans the inbox, and in the
 * handler (after the file was read and recorded RECEIVED, inside the apply transaction) writes a marker
 * file and waits to be killed.
 * Arguments: share folder, data dir, key dir, marker file.
 */
public final class InboxCrashMain {
  private InboxCrashMain() {
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Path marker = Path.of(args[3]);
    Clock clock = Clock.systemUTC();
    LocalStore store = LocalStore.openH2(new StoreLocation(Path.of(args[1]), Path.of(args[2])), clock);
    ResultFileProcessor processor = new ResultFileProcessor(new QualificationResultParser(), store.qualificationLedger(),
        store.qualificationRequests(), (result, origin) -> {
          try {
            Files.writeString(marker, "received " + origin.ledgerId());
            Thread.sleep(Duration.ofMinutes(5).toMillis());
          } catch (IOException | InterruptedException e) {
            Runtime.getRuntime().halt(3);
          }
          Runtime.getRuntime().halt(4);
          return null;
        }, store.transactions(), QualificationRequestEvents.NONE, clock, 3);
    InboxSettings settings = new InboxSettings(Duration.ofMillis(50), Duration.ZERO, 3, Duration.ofSeconds(30));
    QualificationInbox inbox = new QualificationInbox(new InboxFolders(Path.of(args[0])), processor, store.qualificationLedger(),
        Optional.empty(), settings, clock);
    inbox.scanOnce();
    Thread.sleep(20);
    inbox.scanOnce();
    Runtime.getRuntime().halt(5);
  }
}
