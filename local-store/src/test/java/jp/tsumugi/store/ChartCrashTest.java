package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.AuditVerifier;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.chart.ChartNotes;
import jp.tsumugi.app.chart.EditLeases;
import jp.tsumugi.app.chart.NoteDiff;
import jp.tsumugi.app.chart.NoteRevision;
import jp.tsumugi.app.chart.SoapNote;
import jp.tsumugi.app.chart.TextDiff;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 5, acceptance 1 (store part): type S/O/A, kill the process, restart, the draft is there; sign off, amend, diff, audit. */
class ChartCrashTest {
  @TempDir Path root;

  @Test
  void aDraftSurvivesAKilledProcessThenSignOffAndAmendAreReadableWithDiffAndAnIntactAuditLog() throws Exception {
    StoreLocation location = new StoreLocation(root.resolve("data"), root.resolve("keys"));
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T01:00:00Z"));
    long visit;
    long patient;
    try (LocalStore store = LocalStore.createH2(location, clock).store()) {
      patient = store.patients().insert(new Patient(0, "000001", "山田", "太郎", "ヤマダ", "タロウ", Sex.MALE,
          LocalDate.of(1966, 5, 26), null, null, null)).id();
      visit = store.transactions().inTransaction(() -> store.visits().insert(new Visit(0, patient, LocalDate.of(2026, 11, 25), 0,
          "内科", "doctor", null, clock.instant())).id());
    }
    Path signal = root.resolve("saved.signal");
    String typed = "昨夜から咽頭痛\n𠮷田さんの紹介";
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process writer = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), ChartDraftWriterMain.class.getName(),
        location.dataDir().toString(), location.keyDir().toString(), Long.toString(visit), typed, signal.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(signal) && writer.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(signal).exists();
    writer.destroyForcibly();
    assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();

    try (LocalStore store = LocalStore.openH2(location, clock)) {
      ChartNotes notes = new ChartNotes(store.chartStore(), new EditLeases(store.chartStore(), clock),
          new HashChainedAuditLog(store.auditEntries(), clock), store.transactions(), clock);
      Session doctor = new Session(new User(0, "doctor", "医師", Role.DOCTOR, "hash", null, true, 0, null, clock.instant()),
          "診察室1", clock.instant());
      ChartNotes.OpenNote reopened = notes.open(doctor, visit);
      SoapNote draft = reopened.draft().orElseThrow().content();
      assertThat(draft).isEqualTo(new SoapNote(typed, "咽頭発赤😷", "急性上気道炎", ""));
      assertThat(reopened.readOnly()).as("same user at the same terminal renews its own lease").isFalse();

      NoteRevision first = notes.signOff(doctor, visit, reopened.baseRevision(), new SoapNote(draft.subjective(), draft.objective(),
          draft.assessment(), "カロナール 200mg 3T"), null);
      clock.advance(java.time.Duration.ofHours(2));
      NoteRevision second = notes.amend(doctor, visit, 1, new SoapNote(draft.subjective() + "\n夕方より発熱", draft.objective(),
          draft.assessment(), "カロナール 200mg 3T"), "再診時に追記");
      assertThat(notes.history(doctor, visit)).containsExactly(first, second);
      NoteDiff diff = notes.diff(doctor, visit, 1, 2);
      assertThat(diff.subjective()).filteredOn(l -> l.op() == TextDiff.Op.INSERT).extracting(TextDiff.Line::text)
          .containsExactly("夕方より発熱");
      assertThat(store.chartStore().draft(visit, "doctor")).isEmpty();

      assertThat(new AuditVerifier(store.auditEntries()).verify().intact()).isTrue();
      java.util.List<AuditEntry> entries = new java.util.ArrayList<>();
      store.auditEntries().forEachInOrder(row -> {
        if (row instanceof jp.tsumugi.app.audit.AuditEntryStore.ReadableEntry readable) {
          entries.add(readable.entry());
        }
      });
      assertThat(entries).extracting(AuditEntry::action).containsSubsequence(
          AuditAction.CHART_NOTE_READ, AuditAction.CHART_DRAFT_STARTED, AuditAction.CHART_NOTE_READ,
          AuditAction.CHART_NOTE_SIGNED, AuditAction.CHART_NOTE_AMENDED, AuditAction.CHART_NOTE_HISTORY_READ);
      assertThat(entries).filteredOn(e -> e.action().name().startsWith("CHART_"))
          .allSatisfy(e -> assertThat(e.target()).isEqualTo(Long.toString(patient)));
    }
  }
}
