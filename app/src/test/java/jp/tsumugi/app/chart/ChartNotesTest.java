package jp.tsumugi.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.testing.DirectTransactions;
import jp.tsumugi.app.testing.InMemoryAuditEntryStore;
import jp.tsumugi.app.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChartNotesTest {
  private static final Instant START = Instant.parse("2026-11-25T01:00:00Z");
  private static final long VISIT = 7;
  private static final long PATIENT = 42;
  private static final String SECRET = "患者は秘密の話をした";

  private final MutableClock clock = new MutableClock(START);
  private final InMemoryChartStore store = new InMemoryChartStore();
  private final InMemoryAuditEntryStore auditStore = new InMemoryAuditEntryStore();
  private ChartNotes notes;
  private final Session doctor = session("doctor", Role.DOCTOR, "診察室1");
  private final Session otherDoctor = session("doctor2", Role.DOCTOR, "診察室2");
  private final Session nurse = session("nurse", Role.NURSE, "処置室");
  private final Session clerk = session("clerk", Role.CLERK, "受付");

  private static Session session(String name, Role role, String terminal) {
    return new Session(new User(0, name, name, role, "hash", null, true, 0, null, START), terminal, START);
  }

  @BeforeEach
  void setUp() {
    store.addVisit(VISIT, PATIENT);
    notes = new ChartNotes(store, new EditLeases(store, clock), new HashChainedAuditLog(auditStore, clock),
        new DirectTransactions(), clock);
  }

  private static SoapNote note(String s) {
    return new SoapNote(s, "BP 120/80", "感冒", "カロナール");
  }

  @Test
  void openingAnUnsignedVisitShowsNothingAndGivesTheEditorTheLease() {
    ChartNotes.OpenNote open = notes.open(doctor, VISIT);
    assertThat(open.patientId()).isEqualTo(PATIENT);
    assertThat(open.latest()).isEmpty();
    assertThat(open.draft()).isEmpty();
    assertThat(open.baseRevision()).isZero();
    assertThat(open.readOnly()).isFalse();
  }

  @Test
  void aSecondTerminalOpensReadOnlyNamingWhoIsEditing() {
    notes.open(doctor, VISIT);
    ChartNotes.OpenNote second = notes.open(nurse, VISIT);
    assertThat(second.readOnly()).isTrue();
    assertThat(second.lease().lease().holder()).isEqualTo("doctor");
    assertThat(second.lease().lease().terminal()).isEqualTo("診察室1");
    clock.advance(EditLeases.DEFAULT_DURATION.plusSeconds(1));
    assertThat(notes.open(nurse, VISIT).readOnly()).as("the dead terminal's lease expired by itself").isFalse();
  }

  @Test
  void clerksReadButNeverTakeTheLease() {
    assertThat(notes.open(clerk, VISIT).readOnly()).isTrue();
    assertThat(notes.open(doctor, VISIT).readOnly()).isFalse();
  }

  @Test
  void autosaveKeepsOneDraftPerAuthorAndAuditsOnlyItsStart() {
    notes.saveDraft(doctor, VISIT, 0, note("頭"));
    notes.saveDraft(doctor, VISIT, 0, note("頭痛"));
    notes.saveDraft(nurse, VISIT, 0, note("看護記録"));
    assertThat(store.draftCount()).isEqualTo(2);
    assertThat(notes.open(doctor, VISIT).draft().orElseThrow().content().subjective()).isEqualTo("頭痛");
    assertThat(auditStore.entries()).filteredOn(e -> e.action() == AuditAction.CHART_DRAFT_STARTED).hasSize(2);
  }

  @Test
  void signingOffMakesRevisionOneAndDeletesTheDraft() {
    notes.saveDraft(doctor, VISIT, 0, note("頭痛"));
    NoteRevision signed = notes.signOff(doctor, VISIT, 0, note("頭痛"), null);
    assertThat(signed.revision()).isEqualTo(1);
    assertThat(signed.state()).isEqualTo(RevisionState.SIGNED);
    assertThat(signed.author()).isEqualTo("doctor");
    assertThat(signed.terminal()).isEqualTo("診察室1");
    assertThat(signed.at()).isEqualTo(START);
    assertThat(store.draft(VISIT, "doctor")).isEmpty();
    assertThat(notes.open(doctor, VISIT).latest()).contains(signed);
  }

  @Test
  void onlyDoctorsSignOff() {
    assertThatThrownBy(() -> notes.signOff(nurse, VISIT, 0, note("x"), null)).isInstanceOf(TsumugiException.class)
        .extracting(e -> ((TsumugiException) e).errorCode()).isEqualTo(ErrorCode.NOT_PERMITTED);
    assertThatThrownBy(() -> notes.saveDraft(clerk, VISIT, 0, note("x"))).isInstanceOf(TsumugiException.class)
        .extracting(e -> ((TsumugiException) e).errorCode()).isEqualTo(ErrorCode.NOT_PERMITTED);
  }

  @Test
  void anEmptyNoteCannotBeSigned() {
    assertThatThrownBy(() -> notes.signOff(doctor, VISIT, 0, new SoapNote(" ", "\n", "", ""), null))
        .extracting(e -> ((TsumugiException) e).errorCode()).isEqualTo(ErrorCode.CHART_NOTE_EMPTY);
  }

  @Test
  void amendingNeedsAReasonAndKeepsTheEarlierRevisionReadable() {
    notes.signOff(doctor, VISIT, 0, note("頭痛"), null);
    assertThatThrownBy(() -> notes.amend(doctor, VISIT, 1, note("頭痛と発熱"), "  "))
        .extracting(e -> ((TsumugiException) e).errorCode()).isEqualTo(ErrorCode.CHART_REASON_REQUIRED);
    assertThatThrownBy(() -> notes.amend(doctor, VISIT, 1, note("頭痛と発熱"), "x".repeat(501)))
        .extracting(e -> ((TsumugiException) e).errorCode()).isEqualTo(ErrorCode.CHART_REASON_REQUIRED);
    clock.advance(Duration.ofMinutes(10));
    NoteRevision amended = notes.amend(doctor, VISIT, 1, note("頭痛と発熱"), "発熱を追記");
    assertThat(amended.revision()).isEqualTo(2);
    assertThat(amended.reason()).isEqualTo("発熱を追記");
    List<NoteRevision> history = notes.history(doctor, VISIT);
    assertThat(history).extracting(r -> r.content().subjective()).containsExactly("頭痛", "頭痛と発熱");
    assertThat(history).extracting(NoteRevision::at).containsExactly(START, START.plus(Duration.ofMinutes(10)));
  }

  @Test
  void savingOnAStaleRevisionFailsWithBothSidesAndKeepsTheTextAsDraft() {
    notes.signOff(doctor, VISIT, 0, note("初版"), null);
    notes.amend(otherDoctor, VISIT, 1, note("二の修正"), "追記");
    assertThatThrownBy(() -> notes.amend(doctor, VISIT, 1, note("一の修正"), "追記"))
        .isInstanceOfSatisfying(ChartConflictException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(ErrorCode.CHART_REVISION_CONFLICT);
          assertThat(e.stored().revision()).isEqualTo(2);
          assertThat(e.stored().content().subjective()).isEqualTo("二の修正");
          assertThat(e.attempted().subjective()).isEqualTo("一の修正");
          assertThat(e.getMessage()).doesNotContain("修正");
        });
    assertThat(store.draft(VISIT, "doctor").orElseThrow().content().subjective()).isEqualTo("一の修正");
    assertThat(notes.history(doctor, VISIT)).hasSize(2);
    assertThat(auditStore.entries()).extracting(AuditEntry::action).contains(AuditAction.CHART_NOTE_CONFLICT);
  }

  @Test
  void twoNewNotesForOneVisitConflictInsteadOfOverwriting() {
    notes.signOff(otherDoctor, VISIT, 0, note("先"), null);
    assertThatThrownBy(() -> notes.signOff(doctor, VISIT, 0, note("後"), null)).isInstanceOf(ChartConflictException.class);
    assertThat(store.draft(VISIT, "doctor").orElseThrow().content().subjective()).isEqualTo("後");
  }

  @Test
  void aTombstoneNeedsAReasonEndsEditingAndKeepsHistory() {
    notes.signOff(doctor, VISIT, 0, note("別の患者の記載"), null);
    assertThatThrownBy(() -> notes.tombstone(doctor, VISIT, 1, null))
        .extracting(e -> ((TsumugiException) e).errorCode()).isEqualTo(ErrorCode.CHART_REASON_REQUIRED);
    NoteRevision tomb = notes.tombstone(doctor, VISIT, 1, "患者取り違え");
    assertThat(tomb.isTombstone()).isTrue();
    assertThat(tomb.revision()).isEqualTo(2);
    assertThatThrownBy(() -> notes.amend(doctor, VISIT, 2, note("x"), "戻す"))
        .extracting(e -> ((TsumugiException) e).errorCode()).isEqualTo(ErrorCode.CHART_RECORD_TOMBSTONED);
    assertThat(notes.history(doctor, VISIT).get(0).content().subjective()).isEqualTo("別の患者の記載");
  }

  @Test
  void diffShowsChangedLinesPerSection() {
    notes.signOff(doctor, VISIT, 0, new SoapNote("頭痛\n咳", "O", "A", "P1"), null);
    notes.amend(doctor, VISIT, 1, new SoapNote("頭痛\n咳なし\n発熱", "O", "A", "P1"), "修正");
    NoteDiff diff = notes.diff(doctor, VISIT, 1, 2);
    assertThat(diff.subjective()).containsExactly(
        new TextDiff.Line(TextDiff.Op.EQUAL, "頭痛"),
        new TextDiff.Line(TextDiff.Op.DELETE, "咳"),
        new TextDiff.Line(TextDiff.Op.INSERT, "咳なし"),
        new TextDiff.Line(TextDiff.Op.INSERT, "発熱"));
    assertThat(TextDiff.unchanged(diff.plan())).isTrue();
    assertThatThrownBy(() -> notes.diff(doctor, VISIT, 1, 3))
        .extracting(e -> ((TsumugiException) e).errorCode()).isEqualTo(ErrorCode.CHART_RECORD_NOT_FOUND);
  }

  @Test
  void everyCallIsAuditedWithThePatientIdAndNeverTheText() {
    notes.open(doctor, VISIT);
    notes.saveDraft(doctor, VISIT, 0, note(SECRET));
    notes.signOff(doctor, VISIT, 0, note(SECRET), null);
    notes.amend(doctor, VISIT, 1, note(SECRET + "追記"), "追記理由の秘密");
    notes.history(doctor, VISIT);
    notes.diff(doctor, VISIT, 1, 2);
    notes.tombstone(doctor, VISIT, 2, "削除理由");
    assertThat(auditStore.entries()).extracting(AuditEntry::action).containsExactly(AuditAction.CHART_NOTE_READ,
        AuditAction.CHART_DRAFT_STARTED, AuditAction.CHART_NOTE_SIGNED, AuditAction.CHART_NOTE_AMENDED,
        AuditAction.CHART_NOTE_HISTORY_READ, AuditAction.CHART_NOTE_HISTORY_READ, AuditAction.CHART_NOTE_TOMBSTONED);
    assertThat(auditStore.entries()).allSatisfy(e -> {
      assertThat(e.target()).isEqualTo(Long.toString(PATIENT));
      assertThat(e.detail()).doesNotContain("秘密").doesNotContain("頭").doesNotContain("理由");
    });
  }

  @Test
  void anUnknownVisitIsReported() {
    assertThatThrownBy(() -> notes.open(doctor, 999)).extracting(e -> ((TsumugiException) e).errorCode())
        .isEqualTo(ErrorCode.VISIT_NOT_FOUND);
  }
}
