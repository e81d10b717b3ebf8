package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.chart.ChartNotes;
import jp.tsumugi.app.chart.EditLeases;
import jp.tsumugi.app.chart.PreviousPlan;
import jp.tsumugi.app.chart.SoapNote;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Do (前回処方): ChartNotes.previousPlan on H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PreviousPlanContractTest {
  static final Instant START = Instant.parse("2026-11-25T01:02:03Z");
  private static final AtomicInteger NUMBER = new AtomicInteger(700);

  protected final MutableClock clock = new MutableClock(START);
  protected LocalStore store;
  private ChartNotes notes;
  private final Session doctor = new Session(new User(0, "doctor", "doctor", Role.DOCTOR, "hash", null, true, 0, null, START),
      "診察室1", START);

  abstract LocalStore openStore() throws Exception;

  @BeforeAll
  void openOnce() throws Exception {
    store = openStore();
    notes = new ChartNotes(store.chartStore(), new EditLeases(store.chartStore(), clock),
        new HashChainedAuditLog(store.auditEntries(), clock), store.transactions(), clock);
  }

  @AfterAll
  void closeOnce() {
    if (store != null) {
      store.close();
    }
  }

  private long patient() {
    return store.patients().insert(new Patient(0, String.format("%06d", NUMBER.incrementAndGet()), "山田", "太郎", "ヤマダ",
        "タロウ", Sex.MALE, LocalDate.of(1950, 1, 2), null, null, null)).id();
  }

  private long visit(long patient, String date) {
    return store.visits().insert(new Visit(0, patient, LocalDate.parse(date), 0, "内科", "doctor", null, START)).id();
  }

  private void sign(long visit, String plan) {
    notes.signOff(doctor, visit, 0, new SoapNote("咽頭痛", "", "", plan), null);
  }

  @Test
  void usesTheLatestRevisionOfTheMostRecentEarlierSignedNoteWithAPlan() {
    long p = patient();
    long other = patient();
    long v1 = visit(p, "2026-10-01");
    sign(v1, "カロナール錠200mg 3錠 分3 5日分");
    long v2 = visit(p, "2026-10-15");
    sign(v2, "アムロジピン錠5mg 1錠");
    notes.amend(doctor, v2, 1, new SoapNote("咽頭痛", "", "", "アムロジピン錠5mg 1錠 分1 朝食後 28日分\n💊 残薬確認"), "処方修正");
    long v3 = visit(p, "2026-11-01");
    sign(v3, "誤記録の処方");
    notes.tombstone(doctor, v3, 1, "別患者のカルテ");
    long v4 = visit(p, "2026-11-10");
    sign(v4, "  \n");
    long otherVisit = visit(other, "2026-11-20");
    sign(otherVisit, "他患者の処方");
    long later = visit(p, "2026-12-01");
    sign(later, "未来の処方");
    long today = visit(p, "2026-11-25");

    Optional<PreviousPlan> plan = notes.previousPlan(doctor, today);

    assertThat(plan).isPresent();
    assertThat(plan.get().visitId()).isEqualTo(v2);
    assertThat(plan.get().visitDate()).isEqualTo(LocalDate.of(2026, 10, 15));
    assertThat(plan.get().revision()).isEqualTo(2);
    assertThat(plan.get().plan()).isEqualTo("アムロジピン錠5mg 1錠 分1 朝食後 28日分\n💊 残薬確認");
    assertThat(plan.get().lines()).containsExactly("アムロジピン錠5mg 1錠 分1 朝食後 28日分", "💊 残薬確認");
    assertThat(notes.previousPlan(doctor, v2)).map(PreviousPlan::visitId).contains(v1);
    assertThat(notes.previousPlan(doctor, v1)).isEmpty();
  }

  @Test
  void anEarlierVisitOnTheSameDayCountsAndNoneGivesEmpty() {
    long p = patient();
    long morning = visit(p, "2026-11-25");
    long afternoon = visit(p, "2026-11-25");
    assertThat(notes.previousPlan(doctor, afternoon)).isEmpty();
    sign(morning, "ロキソニン錠60mg 頓用 10回分");
    assertThat(notes.previousPlan(doctor, afternoon)).map(PreviousPlan::plan).contains("ロキソニン錠60mg 頓用 10回分");
    assertThat(notes.previousPlan(doctor, morning)).isEmpty();
  }

  @Test
  void theReadIsAuditedWithThePatientIdAndNoText() {
    long p = patient();
    long v1 = visit(p, "2026-09-01");
    sign(v1, "ひみつの処方");
    long v2 = visit(p, "2026-09-08");
    notes.previousPlan(doctor, v2);
    AuditEntryStore.ReadableEntry[] last = new AuditEntryStore.ReadableEntry[1];
    store.auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry e) {
        last[0] = e;
      }
    });
    assertThat(last[0].entry().action()).isEqualTo(AuditAction.CHART_PREVIOUS_PLAN_READ);
    assertThat(last[0].entry().target()).isEqualTo(Long.toString(p));
    assertThat(last[0].entry().detail()).contains("from=" + v1).doesNotContain("ひみつ");
  }
}
