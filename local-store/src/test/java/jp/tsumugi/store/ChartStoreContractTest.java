package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.tsumugi.app.audit.AuditVerifier;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.chart.ChartConflictException;
import jp.tsumugi.app.chart.ChartNotes;
import jp.tsumugi.app.chart.ChartStore;
import jp.tsumugi.app.chart.EditLease;
import jp.tsumugi.app.chart.EditLeases;
import jp.tsumugi.app.chart.NoteDraft;
import jp.tsumugi.app.chart.NoteRevision;
import jp.tsumugi.app.chart.RevisionState;
import jp.tsumugi.app.chart.SoapNote;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chart tables (V14, V15) on H2 and PostgreSQL: append-only revisions, drafts, leases, optimistic versioning. */
abstract class ChartStoreContractTest {
  static final Instant START = Instant.parse("2026-11-25T01:02:03Z");
  /** Emoji, a 外字-range character outside the BMP (surrogate pair), CRLF, tab, a trailing newline. */
  static final String FAITHFUL = "頭痛😷と𠮷野家\r\n\t熱 38.5℃\n";

  protected final MutableClock clock = new MutableClock(START);
  protected LocalStore store;
  protected ChartStore chart;
  protected long patientId;
  protected long visitId;

  abstract LocalStore openStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openStore();
    chart = store.chartStore();
    patientId = store.patients().insert(new Patient(0, "000001", "山田", "太郎", "ヤマダ", "タロウ", Sex.MALE,
        LocalDate.of(1966, 5, 26), null, null, null)).id();
    visitId = newVisit(store, patientId);
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  static long newVisit(LocalStore s, long patient) {
    return s.transactions().inTransaction(() -> s.visits().insert(new Visit(0, patient, LocalDate.of(2026, 11, 25), 0, "内科",
        "doctor", null, START)).id());
  }

  static Session session(String user, Role role, String terminal) {
    return new Session(new User(0, user, user, role, "hash", null, true, 0, null, START), terminal, START);
  }

  ChartNotes notes(LocalStore s) {
    return new ChartNotes(s.chartStore(), new EditLeases(s.chartStore(), clock), new HashChainedAuditLog(s.auditEntries(), clock),
        s.transactions(), clock);
  }

  private NoteRevision revision(long recordId, int n, RevisionState state, String reason, SoapNote content) {
    return new NoteRevision(recordId, patientId, visitId, n, state, "doctor", clock.instant(), "t1", reason, content);
  }

  @Test
  void revisionsAreReadBackOldestFirstWithTextStoredFaithfully() {
    long record = chart.createNoteRecord(patientId, visitId, START).orElseThrow();
    SoapNote first = new SoapNote(FAITHFUL, "O", "A", "P\n処方");
    SoapNote second = new SoapNote(FAITHFUL + "追記", "O", "A", "P\n処方");
    assertThat(chart.appendNoteRevision(revision(record, 1, RevisionState.SIGNED, "", first))).isTrue();
    clock.advance(Duration.ofMinutes(5));
    assertThat(chart.appendNoteRevision(revision(record, 2, RevisionState.SIGNED, "誤記訂正", second))).isTrue();

    List<NoteRevision> all = chart.noteRevisions(record);
    assertThat(all).extracting(NoteRevision::revision).containsExactly(1, 2);
    assertThat(all.get(0).content().subjective()).isEqualTo(FAITHFUL);
    assertThat(all.get(0).content().subjective().codePointCount(0, FAITHFUL.length())).isEqualTo(FAITHFUL.codePointCount(0,
        FAITHFUL.length()));
    assertThat(all.get(1).reason()).isEqualTo("誤記訂正");
    assertThat(all.get(1).at()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    assertThat(chart.latestNoteRevision(record).orElseThrow().content()).isEqualTo(second);
    assertThat(chart.noteRecordOfVisit(visitId)).contains(record);
    assertThat(chart.latestNotesOfPatient(patientId, 10)).extracting(NoteRevision::revision).containsExactly(2);
  }

  @Test
  void aFieldOfTwoHundredThousandCharactersIsStored() {
    long record = chart.createNoteRecord(patientId, visitId, START).orElseThrow();
    String full = "𠮷".repeat(100_000);
    SoapNote content = new SoapNote(full, "", "", "");
    assertThat(chart.appendNoteRevision(revision(record, 1, RevisionState.SIGNED, "", content))).isTrue();
    assertThat(chart.latestNoteRevision(record).orElseThrow().content().subjective()).isEqualTo(full);
    assertThat(full).hasSize(200_000);
  }

  @Test
  void aSecondRevisionWithTheSameNumberIsRefusedAndTheFirstStays() {
    long record = chart.createNoteRecord(patientId, visitId, START).orElseThrow();
    SoapNote mine = new SoapNote("mine", "", "", "");
    assertThat(chart.appendNoteRevision(revision(record, 1, RevisionState.SIGNED, "", mine))).isTrue();
    boolean second = store.transactions().inTransaction(() ->
        chart.appendNoteRevision(revision(record, 1, RevisionState.SIGNED, "", new SoapNote("theirs", "", "", ""))));
    assertThat(second).isFalse();
    assertThat(chart.noteRevisions(record)).extracting(r -> r.content().subjective()).containsExactly("mine");
    assertThat(chart.createNoteRecord(patientId, visitId, START)).as("one note per visit").isEmpty();
  }

  @Test
  void rawUpdateAndDeleteOnRevisionTablesFailAndRowsStayUnchanged() {
    long record = chart.createNoteRecord(patientId, visitId, START).orElseThrow();
    SoapNote content = new SoapNote("S", "O", "A", "P");
    chart.appendNoteRevision(revision(record, 1, RevisionState.SIGNED, "", content));
    List<String> attacks = List.of(
        "UPDATE chart_note_content SET subjective = 'forged'",
        "DELETE FROM chart_note_content",
        "UPDATE chart_revision SET author = 'mallory'",
        "UPDATE chart_revision SET revision = 7",
        "DELETE FROM chart_revision",
        "UPDATE chart_record SET patient_id = patient_id",
        "DELETE FROM chart_record");
    for (String sql : attacks) {
      assertThatThrownBy(() -> store.jdbcTransactions().inTransaction(() -> store.jdbcTransactions().withConnection(c -> {
        try (Statement s = c.createStatement()) {
          return s.executeUpdate(sql);
        }
      }))).as(sql).isInstanceOfSatisfying(TsumugiException.class,
          e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CHART_REVISION_IMMUTABLE));
    }
    NoteRevision stored = chart.latestNoteRevision(record).orElseThrow();
    assertThat(stored.content()).isEqualTo(content);
    assertThat(stored.author()).isEqualTo("doctor");
    assertThat(stored.revision()).isEqualTo(1);
    assertThat(StoreTestAccess.countRows(store, "chart_revision")).isEqualTo(1);
    assertThat(StoreTestAccess.countRows(store, "chart_note_content")).isEqualTo(1);
    assertThat(StoreTestAccess.countRows(store, "chart_record")).isEqualTo(1);
  }

  @Test
  void truncatingRevisionTablesFails() {
    long record = chart.createNoteRecord(patientId, visitId, START).orElseThrow();
    chart.appendNoteRevision(revision(record, 1, RevisionState.SIGNED, "", new SoapNote("S", "", "", "")));
    for (String table : List.of("chart_note_content", "chart_revision", "chart_record")) {
      assertThatThrownBy(() -> store.jdbcTransactions().inTransaction(() -> store.jdbcTransactions().withConnection(c -> {
        try (Statement s = c.createStatement()) {
          return s.executeUpdate("TRUNCATE TABLE " + table);
        }
      }))).as(table).isInstanceOf(TsumugiException.class);
    }
    assertThat(StoreTestAccess.countRows(store, "chart_note_content")).isEqualTo(1);
  }

  @Test
  void aTombstoneHasNoContentAndEarlierRevisionsStayReadable() {
    long record = chart.createNoteRecord(patientId, visitId, START).orElseThrow();
    chart.appendNoteRevision(revision(record, 1, RevisionState.SIGNED, "", new SoapNote("S", "", "", "")));
    chart.appendNoteRevision(revision(record, 2, RevisionState.TOMBSTONE, "別患者に記載", SoapNote.EMPTY));
    assertThat(chart.latestNoteRevision(record).orElseThrow().isTombstone()).isTrue();
    assertThat(chart.noteRevision(record, 1).orElseThrow().content().subjective()).isEqualTo("S");
  }

  @Test
  void aDraftIsUpsertedPerVisitAndAuthor() {
    NoteDraft first = new NoteDraft(patientId, visitId, 0, "doctor", "t1", START, new SoapNote("a", "", "", ""));
    assertThat(chart.saveDraft(first)).isTrue();
    NoteDraft second = new NoteDraft(patientId, visitId, 0, "doctor", "t2", START.plusSeconds(3),
        new SoapNote(FAITHFUL, "o", "", "p"));
    assertThat(chart.saveDraft(second)).isFalse();
    assertThat(chart.saveDraft(new NoteDraft(patientId, visitId, 0, "nurse", "t3", START, new SoapNote("n", "", "", ""))))
        .isTrue();
    assertThat(chart.draft(visitId, "doctor")).contains(second);
    assertThat(StoreTestAccess.countRows(store, "chart_note_draft")).isEqualTo(2);
    chart.deleteDraft(visitId, "doctor");
    assertThat(chart.draft(visitId, "doctor")).isEmpty();
    assertThat(chart.draft(visitId, "nurse")).isPresent();
  }

  @Test
  void leasesAreComparedAndSet() {
    EditLease a = new EditLease("note:visit:1", "doctor", "t1", START.plusSeconds(90));
    EditLease b = new EditLease("note:visit:1", "nurse", "t2", START.plusSeconds(120));
    assertThat(chart.insertLease(a)).isTrue();
    assertThat(store.transactions().inTransaction(() -> chart.insertLease(b))).isFalse();
    assertThat(chart.replaceLease(b, a)).as("stale expectation").isFalse();
    assertThat(chart.replaceLease(a, b)).isTrue();
    assertThat(chart.lease("note:visit:1")).contains(b);
    chart.deleteLease("note:visit:1", "doctor", "t1");
    assertThat(chart.lease("note:visit:1")).contains(b);
    chart.deleteLease("note:visit:1", "nurse", "t2");
    assertThat(chart.lease("note:visit:1")).isEmpty();
  }

  @Test
  void anExpiredLeaseIsTakenOverAndALiveOneIsReported() {
    EditLeases leases = new EditLeases(chart, clock, Duration.ofSeconds(90));
    Session doctor = session("doctor", Role.DOCTOR, "診察室1");
    Session nurse = session("nurse", Role.NURSE, "処置室");
    String section = EditLeases.noteSection(visitId);
    assertThat(leases.acquire(doctor, section).granted()).isTrue();
    var refused = leases.acquire(nurse, section);
    assertThat(refused.granted()).isFalse();
    assertThat(refused.lease().holder()).isEqualTo("doctor");
    assertThat(refused.lease().terminal()).isEqualTo("診察室1");
    clock.advance(Duration.ofSeconds(60));
    assertThat(leases.renew(doctor, section).expiresAt()).isEqualTo(clock.instant().plusSeconds(90));
    clock.advance(Duration.ofSeconds(91));
    assertThat(leases.holder(section)).isEmpty();
    assertThat(leases.acquire(nurse, section).granted()).isTrue();
    assertThatThrownBy(() -> leases.renew(doctor, section)).isInstanceOf(TsumugiException.class)
        .extracting(e -> ((TsumugiException) e).errorCode()).isEqualTo(ErrorCode.CHART_LEASE_NOT_HELD);
  }

  @Test
  void twoThreadsSigningOnTheSameRevisionOneWinsAndTheOtherKeepsItsTextAsDraft() throws Exception {
    ChartNotes chartNotes = notes(store);
    Session d1 = session("doctor1", Role.DOCTOR, "t1");
    Session d2 = session("doctor2", Role.DOCTOR, "t2");
    chartNotes.signOff(d1, visitId, 0, new SoapNote("初版", "", "", ""), null);
    List<Future<Object>> results = race(List.of(
        () -> chartNotes.amend(d1, visitId, 1, new SoapNote("一の修正", "", "", ""), "追記"),
        () -> chartNotes.amend(d2, visitId, 1, new SoapNote("二の修正", "", "", ""), "追記")));
    assertExactlyOneWonAndNothingLost(chartNotes, store, results, d1, d2, 1);
  }

  static List<Future<Object>> race(List<Callable<Object>> work) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(work.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> futures = new ArrayList<>();
    for (Callable<Object> w : work) {
      futures.add(pool.submit(() -> {
        start.await();
        try {
          return w.call();
        } catch (ChartConflictException e) {
          return e;
        }
      }));
    }
    start.countDown();
    pool.shutdown();
    return futures;
  }

  /** Both raced on {@code base}: one revision base+1 exists, the loser's text is its draft on base, the audit chain holds. */
  void assertExactlyOneWonAndNothingLost(ChartNotes chartNotes, LocalStore s, List<Future<Object>> results, Session d1,
      Session d2, int base) throws Exception {
    List<NoteRevision> won = new ArrayList<>();
    List<ChartConflictException> lost = new ArrayList<>();
    for (Future<Object> f : results) {
      Object r = f.get();
      if (r instanceof NoteRevision rev) {
        won.add(rev);
      } else {
        lost.add((ChartConflictException) r);
      }
    }
    assertThat(won).hasSize(1);
    assertThat(lost).hasSize(1);
    ChartConflictException conflict = lost.get(0);
    assertThat(conflict.errorCode()).isEqualTo(ErrorCode.CHART_REVISION_CONFLICT);
    assertThat(conflict.stored().revision()).isEqualTo(base + 1);
    assertThat(conflict.stored().content()).isEqualTo(won.get(0).content());
    assertThat(conflict.attempted()).isNotEqualTo(won.get(0).content());
    assertThat(chartNotes.history(d1, visitId)).extracting(NoteRevision::revision).last().isEqualTo(base + 1);
    assertThat(chartNotes.history(d1, visitId)).hasSize(base + 1);
    String loser = won.get(0).author().equals(d1.username()) ? d2.username() : d1.username();
    NoteDraft kept = s.chartStore().draft(visitId, loser).orElseThrow();
    assertThat(kept.content()).isEqualTo(conflict.attempted());
    assertThat(kept.baseRevision()).isEqualTo(base);
    assertThat(new AuditVerifier(s.auditEntries()).verify().intact()).isTrue();
  }
}
