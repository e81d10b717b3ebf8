package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.chart.ChartNotes;
import jp.tsumugi.app.chart.ChartProblems;
import jp.tsumugi.app.chart.ChartSearch;
import jp.tsumugi.app.chart.ChartSearchHit;
import jp.tsumugi.app.chart.ChartSearchResult;
import jp.tsumugi.app.chart.EditLeases;
import jp.tsumugi.app.chart.Problem;
import jp.tsumugi.app.chart.ProblemInput;
import jp.tsumugi.app.chart.ProblemRevision;
import jp.tsumugi.app.chart.SearchField;
import jp.tsumugi.app.chart.SoapNote;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.MasterCatalog;
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

/** Chart full-text search (docs/adr/0027) over real stores: index built from the store and kept current after commit. */
abstract class ChartSearchContractTest {
  static final Instant START = Instant.parse("2026-11-25T01:02:03Z");
  private static final AtomicInteger NUMBER = new AtomicInteger(900);

  protected final MutableClock clock = new MutableClock(START);
  protected LocalStore store;
  private ChartSearch search;
  private ChartNotes notes;
  private ChartProblems problems;
  private final Session doctor = session("doctor", Role.DOCTOR);
  private long yamada;
  private long sato;

  abstract LocalStore openStore() throws Exception;

  private static Session session(String name, Role role) {
    return new Session(new User(0, name, name, role, "hash", null, true, 0, null, START), "診察室1", START);
  }

  @BeforeEach
  void open() throws Exception {
    store = openStore();
    HashChainedAuditLog audit = new HashChainedAuditLog(store.auditEntries(), clock);
    search = new ChartSearch(store.chartSearchSource(), audit, store.transactions());
    notes = new ChartNotes(store.chartStore(), new EditLeases(store.chartStore(), clock), audit, store.transactions(), clock, search);
    problems = new ChartProblems(store.problemStore(), new MasterCatalog(store.masters(), store.masterUsage(), clock), audit,
        store.transactions(), clock, search);
    yamada = patient("山田", "太郎");
    sato = patient("佐藤", "花子");
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private long patient(String family, String given) {
    return store.patients().insert(new Patient(0, String.format("%06d", NUMBER.incrementAndGet()), family, given, "ヤマダ", "タロウ",
        Sex.MALE, LocalDate.of(1950, 1, 2), null, null, null)).id();
  }

  private long visit(long patient, String date) {
    return store.visits().insert(new Visit(0, patient, LocalDate.parse(date), 0, "内科", "doctor", null, START)).id();
  }

  private long sign(long patient, String date, SoapNote note) {
    long v = visit(patient, date);
    notes.signOff(doctor, v, 0, note, null);
    return v;
  }

  @Test
  void findsNotesBuiltIntoTheIndexFromTheStoreWithFoldingAndAnd() {
    long v1 = sign(yamada, "2026-10-01", new SoapNote("昨夜から咽頭痛あり。", "体温 38.2℃", "急性上気道炎", "カロナール錠200mg 3錠 分3"));
    long v2 = sign(sato, "2026-11-01", new SoapNote("腰痛", "", "", "ｶﾛﾅｰﾙ錠200mg 頓用"));
    sign(yamada, "2026-11-10", new SoapNote("咽頭痛は軽快", "", "", "経過観察"));

    ChartSearchResult result = search.search(doctor, "かろなーる");

    assertThat(result.total()).isEqualTo(2);
    assertThat(result.hits()).extracting(ChartSearchHit::visitId).containsExactly(v2, v1); // newest first
    ChartSearchHit first = result.hits().get(0);
    assertThat(first.field()).isEqualTo(SearchField.PLAN);
    assertThat(first.patientName()).isEqualTo("佐藤\u3000花子");
    assertThat(first.date()).isEqualTo(LocalDate.of(2026, 11, 1));
    ChartSearchHit.Range h = first.highlights().get(0);
    assertThat(first.snippet().substring(h.start(), h.end())).isEqualTo("ｶﾛﾅｰﾙ");

    ChartSearchResult both = search.search(doctor, "咽頭痛　カロナール");
    assertThat(both.hits()).extracting(ChartSearchHit::visitId).containsExactly(v1);
    assertThat(both.hits().get(0).field()).isEqualTo(SearchField.SUBJECTIVE);
    assertThat(search.search(doctor, "咽頭痛 ロキソニン").total()).isZero();
  }

  @Test
  void theIndexFollowsSignOffAmendmentAndTombstoneButNotARollback() {
    assertThat(search.search(doctor, "帯状疱疹").total()).isZero(); // builds the index
    long v = sign(yamada, "2026-11-20", new SoapNote("帯状疱疹の疑い", "", "", "バラシクロビル"));
    assertThat(search.search(doctor, "帯状疱疹").hits()).extracting(ChartSearchHit::visitId).containsExactly(v);

    notes.amend(doctor, v, 1, new SoapNote("単純疱疹", "", "", "アシクロビル軟膏"), "診断変更");
    assertThat(search.search(doctor, "帯状疱疹").total()).isZero();
    assertThat(search.search(doctor, "単純疱疹").hits()).extracting(ChartSearchHit::visitId).containsExactly(v);

    notes.tombstone(doctor, v, 2, "別患者");
    assertThat(search.search(doctor, "単純疱疹").total()).isZero();

    long other = visit(sato, "2026-11-21");
    assertThatThrownBy(() -> store.transactions().run(() -> {
      notes.signOff(doctor, other, 0, new SoapNote("取り消される記載", "", "", ""), null);
      throw new IllegalStateException("roll back");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(search.search(doctor, "取り消される").total()).isZero();
    // and a fresh index built from the store agrees
    search.invalidate();
    assertThat(search.search(doctor, "取り消される").total()).isZero();
    assertThat(search.search(doctor, "疱疹").total()).isZero();
  }

  @Test
  void problemNamesIncludingFreeTextOnesAreSearchedAndFollowChanges() {
    search.search(doctor, "x");
    ProblemRevision p = problems.add(doctor, sato, new ProblemInput(Problem.UNCODED, List.of(), "左母趾陥入爪術後疼痛", false, false,
        null, LocalDate.of(2026, 6, 1), null, null));
    ChartSearchResult result = search.search(doctor, "陥入爪");
    assertThat(result.hits()).singleElement().satisfies(hit -> {
      assertThat(hit.field()).isEqualTo(SearchField.PROBLEM);
      assertThat(hit.visitId()).isZero();
      assertThat(hit.recordId()).isEqualTo(p.recordId());
      assertThat(hit.date()).isEqualTo(LocalDate.of(2026, 6, 1));
      assertThat(hit.snippet().substring(hit.highlights().get(0).start(), hit.highlights().get(0).end())).isEqualTo("陥入爪");
    });
    problems.change(doctor, p.recordId(), 1, new ProblemInput(Problem.UNCODED, List.of(), "右母趾陥入爪", false, false, null,
        LocalDate.of(2026, 6, 1), null, null), "左右の誤り");
    assertThat(search.search(doctor, "左母趾").total()).isZero();
    assertThat(search.search(doctor, "右母趾").hits()).singleElement()
        .satisfies(hit -> assertThat(hit.patientNumber()).isNotEmpty());
    problems.tombstone(doctor, p.recordId(), 2, "誤登録");
    assertThat(search.search(doctor, "陥入爪").total()).isZero();
  }

  @Test
  void returnsTheNewestHundredAndTheTotal() {
    store.transactions().run(() -> {
      for (int i = 0; i < 105; i++) {
        sign(i % 2 == 0 ? yamada : sato, LocalDate.of(2026, 1, 1).plusDays(i).toString(), new SoapNote("定期受診 高血圧症", "", "", ""));
      }
    });
    ChartSearchResult result = search.search(doctor, "高血圧");
    assertThat(result.total()).isEqualTo(105);
    assertThat(result.truncated()).isTrue();
    assertThat(result.hits()).hasSize(ChartSearch.LIMIT);
    assertThat(result.hits().get(0).date()).isEqualTo(LocalDate.of(2026, 1, 1).plusDays(104));
    assertThat(result.hits().get(99).date()).isEqualTo(LocalDate.of(2026, 1, 1).plusDays(5));
  }

  @Test
  void bulkLoadedNotesAreSignedNotesThatSearchAndCheckInSee() {
    long before = visit(sato, "2026-11-02");
    BulkChartLoader.insertSignedNotes(store, List.of(
        new BulkChartLoader.Note(yamada, LocalDate.of(2026, 11, 2), "doctor", START, new SoapNote("一括投入の記載", "", "", "")),
        new BulkChartLoader.Note(sato, LocalDate.of(2026, 11, 2), "doctor", START, new SoapNote("", "", "", "一括 Do 処方"))));
    long after = visit(sato, "2026-11-02");
    ChartSearchResult result = search.search(doctor, "一括");
    assertThat(result.total()).isEqualTo(2);
    List<Long> visits = result.hits().stream().map(ChartSearchHit::visitId).toList();
    assertThat(visits).allSatisfy(v -> assertThat(v).isBetween(before + 1, after - 1));
    assertThat(notes.open(doctor, visits.get(0)).latest()).isPresent();
    assertThat(notes.previousPlan(doctor, after)).map(p -> p.plan()).contains("一括 Do 処方");
  }

  @Test
  void eachSearchIsAuditedOnceWithoutTheQueryAndOnlyDoctorsMaySearch() {
    sign(yamada, "2026-11-01", new SoapNote("山田さんの腹痛", "", "", ""));
    search.search(doctor, "山田 腹痛");
    List<AuditEntry> searches = new ArrayList<>();
    store.auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry e && e.entry().action() == AuditAction.CHART_SEARCHED) {
        searches.add(e.entry());
      }
    });
    assertThat(searches).singleElement().satisfies(e -> {
      assertThat(e.detail()).isEqualTo("terms=2,chars=5,total=1,shown=1");
      assertThat(e.detail()).doesNotContain("山田").doesNotContain("腹痛");
    });
    assertThatThrownBy(() -> search.search(session("nurse", Role.NURSE), "腹痛"))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_PERMITTED));
    assertThatThrownBy(() -> search.search(doctor, "  "))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CHART_SEARCH_QUERY_INVALID));
  }
}
