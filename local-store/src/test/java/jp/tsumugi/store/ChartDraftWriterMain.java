package jp.tsumugi.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.chart.ChartNotes;
import jp.tsumugi.app.chart.EditLeases;
import jp.tsumugi.app.chart.SoapNote;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;

/**
 * Run in a separate JVM by ChartCrashTest: opens the store, opens the visit's note, autosaves S/O/A, writes
 * "SAVED" into a signal file and waits to be killed (never closing the store).
 */
public final class ChartDraftWriterMain {
  private ChartDraftWriterMain() {
  }

  public static void main(String[] args) throws InterruptedException, IOException {
    Clock clock = Clock.systemUTC();
    LocalStore store = LocalStore.openH2(new StoreLocation(Path.of(args[0]), Path.of(args[1])), clock);
    long visit = Long.parseLong(args[2]);
    ChartNotes notes = new ChartNotes(store.chartStore(), new EditLeases(store.chartStore(), clock),
        new HashChainedAuditLog(store.auditEntries(), clock), store.transactions(), clock);
    Session doctor = new Session(new User(0, "doctor", "医師", Role.DOCTOR, "hash", null, true, 0, null, Instant.EPOCH),
        "診察室1", Instant.EPOCH);
    notes.open(doctor, visit);
    notes.saveDraft(doctor, visit, 0, new SoapNote("頭", "", "", ""));
    notes.saveDraft(doctor, visit, 0, new SoapNote(args[3], "咽頭発赤😷", "急性上気道炎", ""));
    Files.writeString(Path.of(args[4]), "SAVED");
    Thread.sleep(120_000);
  }
}
