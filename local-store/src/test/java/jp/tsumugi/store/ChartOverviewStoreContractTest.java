package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.tsumugi.app.chart.ChartNotes;
import jp.tsumugi.app.chart.EditLeases;
import jp.tsumugi.app.chart.RevisionState;
import jp.tsumugi.app.chart.SoapNote;
import jp.tsumugi.app.chart.TimelineEntry;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.reception.StatusChange;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.reception.VisitStatus;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chart window's timeline query on H2 and PostgreSQL. */
abstract class ChartOverviewStoreContractTest {
  static final Instant START = Instant.parse("2026-11-25T01:02:03Z");

  protected final MutableClock clock = new MutableClock(START);
  protected LocalStore store;
  private long patientId;
  private ChartNotes notes;
  private final Session doctor = ChartStoreContractTest.session("doctor", Role.DOCTOR, "t1");
  private final Session nurse = ChartStoreContractTest.session("nurse", Role.NURSE, "t2");

  abstract LocalStore openStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openStore();
    patientId = store.patients().insert(new Patient(0, "000001", "山田", "太郎", "ヤマダ", "タロウ", Sex.MALE,
        LocalDate.of(1966, 5, 26), null, null, null)).id();
    notes = new ChartNotes(store.chartStore(), new EditLeases(store.chartStore(), clock),
        new HashChainedAuditLog(store.auditEntries(), clock), store.transactions(), clock);
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private long visit(LocalDate date, String department) {
    return store.transactions().inTransaction(() -> store.visits().insert(new Visit(0, patientId, date, 0, department, "doctor",
        null, START)).id());
  }

  private void cancel(long visitId) {
    store.visits().appendStatus(new StatusChange(0, visitId, 1, VisitStatus.CANCELLED, "取消", "clerk", "t1", START));
  }

  @Test
  void newestVisitFirstWithTheLatestRevisionStateAndSummary() {
    long old = visit(LocalDate.of(2016, 4, 1), "内科");
    long middle = visit(LocalDate.of(2021, 7, 7), "小児科");
    long today = visit(LocalDate.of(2026, 11, 25), "内科");
    notes.signOff(doctor, old, 0, new SoapNote("咳が続く", "", "", ""), null);
    notes.signOff(doctor, middle, 0, new SoapNote("頭痛", "", "片頭痛\n経過観察", "Do"), null);
    notes.amend(doctor, middle, 1, new SoapNote("頭痛", "", "緊張型頭痛", "Do"), "診断修正");

    List<TimelineEntry> timeline = store.chartOverviewStore().timeline(patientId, "doctor");

    assertThat(timeline).extracting(TimelineEntry::visitId).containsExactly(today, middle, old);
    TimelineEntry amended = timeline.get(1);
    assertThat(amended.revision()).isEqualTo(2);
    assertThat(amended.amended()).isTrue();
    assertThat(amended.summary()).isEqualTo("緊張型頭痛");
    assertThat(amended.department()).isEqualTo("小児科");
    assertThat(timeline.get(2).summary()).as("no assessment: the subjective").isEqualTo("咳が続く");
    assertThat(timeline.get(0).state()).isNull();
    assertThat(timeline.get(0).revision()).isZero();
  }

  @Test
  void draftsAreTheReadersOwnAndTombstonesShowAsDeleted() {
    long a = visit(LocalDate.of(2026, 11, 20), "内科");
    long b = visit(LocalDate.of(2026, 11, 25), "内科");
    notes.saveDraft(nurse, b, 0, new SoapNote("看護記録", "", "", ""));
    notes.signOff(doctor, a, 0, new SoapNote("x", "", "", ""), null);
    notes.tombstone(doctor, a, 1, "別患者の記載");

    List<TimelineEntry> forDoctor = store.chartOverviewStore().timeline(patientId, "doctor");
    List<TimelineEntry> forNurse = store.chartOverviewStore().timeline(patientId, "nurse");

    assertThat(forDoctor.get(0).draft()).isFalse();
    assertThat(forNurse.get(0).draft()).isTrue();
    assertThat(forDoctor.get(1).state()).isEqualTo(RevisionState.TOMBSTONE);
    assertThat(forDoctor.get(1).deleted()).isTrue();
    assertThat(forDoctor.get(1).summary()).isEmpty();
  }

  @Test
  void cancelledVisitsWithoutANoteAreLeftOutButANotedOneStays() {
    long cancelledEmpty = visit(LocalDate.of(2026, 11, 1), "内科");
    long cancelledNoted = visit(LocalDate.of(2026, 11, 2), "内科");
    notes.signOff(doctor, cancelledNoted, 0, new SoapNote("受診後に取消", "", "", ""), null);
    cancel(cancelledEmpty);
    cancel(cancelledNoted);

    assertThat(store.chartOverviewStore().timeline(patientId, "doctor")).extracting(TimelineEntry::visitId)
        .containsExactly(cancelledNoted);
  }

  @Test
  void summaryIsOneLineAndNeverCutsAnEmojiInHalf() {
    long v = visit(LocalDate.of(2026, 11, 25), "内科");
    String longText = "あ".repeat(59) + "😷" + "いいい";
    notes.signOff(doctor, v, 0, new SoapNote("", "", longText, ""), null);

    String summary = store.chartOverviewStore().timeline(patientId, "doctor").get(0).summary();

    assertThat(summary).isEqualTo("あ".repeat(59) + "…");
    assertThat(JdbcChartOverviewStore.summary("一行目\n二行目\t三")).isEqualTo("一行目 二行目 三");
  }

  @Test
  void otherPatientsVisitsAreNotOnTheTimeline() {
    long other = store.patients().insert(new Patient(0, "000002", "佐藤", "花子", "サトウ", "ハナコ", Sex.FEMALE,
        LocalDate.of(1980, 1, 1), null, null, null)).id();
    store.transactions().inTransaction(() -> store.visits().insert(new Visit(0, other, LocalDate.of(2026, 11, 25), 0, "内科",
        "doctor", null, START)));
    long mine = visit(LocalDate.of(2026, 11, 24), "内科");

    assertThat(store.chartOverviewStore().timeline(patientId, "doctor")).extracting(TimelineEntry::visitId).containsExactly(mine);
  }
}
