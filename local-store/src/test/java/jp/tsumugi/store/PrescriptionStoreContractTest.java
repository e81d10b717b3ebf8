package jp.tsumugi.store;

import static jp.tsumugi.app.testing.RealDrugs.CALONAL_200;
import static jp.tsumugi.app.testing.RealDrugs.LOXONIN_60;
import static jp.tsumugi.app.testing.RealDrugs.LOXONIN_PAP;
import static jp.tsumugi.app.testing.RealDrugs.MUCOSTA_100;
import static jp.tsumugi.app.testing.RealDrugs.NORVASC_5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.chart.RevisionState;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.prescription.ChartPrescriptions;
import jp.tsumugi.app.prescription.ClinicMedications.Taken;
import jp.tsumugi.app.prescription.DispensingKind;
import jp.tsumugi.app.prescription.Prescription;
import jp.tsumugi.app.prescription.PrescriptionConflictException;
import jp.tsumugi.app.prescription.PrescriptionRevision;
import jp.tsumugi.app.prescription.PrescriptionStore;
import jp.tsumugi.app.prescription.RouteKind;
import jp.tsumugi.app.prescription.RpGroup;
import jp.tsumugi.app.prescription.RxItem;
import jp.tsumugi.app.prescription.SafetyOverride;
import jp.tsumugi.app.prescription.Usage;
import jp.tsumugi.app.prescription.UsageTiming;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.testing.MutableClock;
import jp.tsumugi.app.testing.RealDrugs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Prescriptions on the chart envelope (V21, V22) on H2 and PostgreSQL, with real y master rows. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PrescriptionStoreContractTest {
  static final Instant START = Instant.parse("2026-11-25T01:02:03Z");
  private static final AtomicInteger NUMBER = new AtomicInteger(900);

  protected final MutableClock clock = new MutableClock(START);
  protected LocalStore store;
  private PrescriptionStore rxStore;
  private ChartPrescriptions rx;
  private long patientId;
  private final Session doctor = session("doctor", Role.DOCTOR);
  private final Session otherDoctor = session("doctor2", Role.DOCTOR);
  private final Session nurse = session("nurse", Role.NURSE);

  abstract LocalStore openStore() throws Exception;

  private static Session session(String name, Role role) {
    return new Session(new User(0, name, name, role, "hash", null, true, 0, null, START), "診察室1", START);
  }

  @BeforeAll
  void openOnce() throws Exception {
    store = openStore();
    rxStore = store.prescriptionStore();
    rx = new ChartPrescriptions(rxStore, new RealDrugs(), new HashChainedAuditLog(store.auditEntries(), clock), store.transactions(),
        clock);
  }

  @AfterAll
  void closeOnce() {
    if (store != null) {
      store.close();
    }
  }

  @BeforeEach
  void newPatient() {
    clock.set(START);
    patientId = store.patients().insert(new Patient(0, String.format("%06d", NUMBER.incrementAndGet()), "山田", "太郎", "ヤマダ", "タロウ",
        Sex.MALE, LocalDate.of(1950, 4, 5), null, null, null)).id();
  }

  private long visit(String date) {
    return store.visits().insert(new Visit(0, patientId, LocalDate.parse(date), 0, "内科", "doctor", null, START)).id();
  }

  /** 内服 14 days (ロキソニン, ムコスタ), 内服 28 days (ノルバスク by generic name), 頓服 without days (カロナール), 外用 (パップ). */
  private static Prescription sample(long visitId) {
    return new Prescription(visitId, DispensingKind.OUTSIDE, List.of(
        RpGroup.oral("3A", 14, RxItem.of(LOXONIN_60, "1", "3"), RxItem.of(MUCOSTA_100, "1", "3").withComment("胃薬")),
        RpGroup.oral("1A", 28, RxItem.of(NORVASC_5, null, "1").asGeneric().withFlags(false, false, false)),
        new RpGroup(RouteKind.AS_NEEDED, "PAIN", "", "38.5度以上", null, 10, "", List.of(RxItem.of(CALONAL_200, "2", null))),
        new RpGroup(RouteKind.TOPICAL, "TOP1", "", "腰部", 7, null, "", List.of(RxItem.of(LOXONIN_PAP, null, "1")
            .withFlags(true, true, false)))), 0, "残薬確認");
  }

  private static Prescription oneDrug(long visitId, String code, int days) {
    return new Prescription(visitId, DispensingKind.OUTSIDE, List.of(RpGroup.oral("1A", days, RxItem.of(code, null, "1"))), 0, "");
  }

  @Test
  void aSignedPrescriptionReadsBackCompletedFromTheMasterWithItsOverrides() {
    long v = visit("2024-06-03");
    List<SafetyOverride> overrides = List.of(new SafetyOverride("DUPLICATE", "CAUTION", LOXONIN_60, "他院の処方は終了済み"),
        new SafetyOverride("CONTRAINDICATED", "CONTRAINDICATED", NORVASC_5, "循環器内科と相談済み"));
    PrescriptionRevision signed = rx.sign(doctor, v, 0, sample(v), overrides, null);
    assertThat(signed.revision()).isEqualTo(1);
    PrescriptionRevision read = rx.open(nurse, v).latest().orElseThrow();
    assertThat(read.visitDate()).isEqualTo(LocalDate.of(2024, 6, 3));
    assertThat(read.overrides()).isEqualTo(overrides);
    Prescription p = read.content();
    assertThat(p.kind()).isEqualTo(DispensingKind.OUTSIDE);
    assertThat(p.comment()).isEqualTo("残薬確認");
    assertThat(p.groups()).extracting(RpGroup::route).containsExactly(RouteKind.ORAL, RouteKind.ORAL, RouteKind.AS_NEEDED,
        RouteKind.TOPICAL);
    assertThat(p.groups()).extracting(RpGroup::usageText).containsExactly("1日3回毎食後", "1日1回朝食後", "疼痛時", "1日1回患部に貼付");
    assertThat(p.groups().get(2).times()).isEqualTo(10);
    assertThat(p.groups().get(2).days()).isNull();
    assertThat(p.groups().get(2).usageNote()).isEqualTo("38.5度以上");
    RxItem loxonin = p.groups().get(0).items().get(0);
    assertThat(loxonin.name()).isEqualTo("ロキソニン錠６０ｍｇ");
    assertThat(loxonin.perDay()).isEqualTo(new BigDecimal("3"));
    assertThat(loxonin.unit()).isEqualTo("錠");
    assertThat(p.groups().get(0).items().get(1).comment()).isEqualTo("胃薬");
    RxItem amlodipine = p.groups().get(1).items().get(0);
    assertThat(amlodipine.generic()).isTrue();
    assertThat(amlodipine.genericCode()).isEqualTo("2171022F2ZZZ");
    assertThat(amlodipine.genericName()).isEqualTo("【般】アムロジピン錠５ｍｇ");
    assertThat(amlodipine.dose()).isNull();
    RxItem pap = p.groups().get(3).items().get(0);
    assertThat(pap.noSubstitution()).isTrue();
    assertThat(pap.patientRequest()).isTrue();
    assertThat(pap.selectedCare()).isFalse();
    assertThat(pap.unit()).isEqualTo("枚");
  }

  @Test
  void anAmendmentNeedsAReasonAndTheHistoryKeepsEveryRevision() {
    long v = visit("2024-06-03");
    rx.sign(doctor, v, 0, sample(v), List.of(), null);
    assertThatThrownBy(() -> rx.sign(doctor, v, 1, oneDrug(v, NORVASC_5, 14), List.of(), " "))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CHART_REASON_REQUIRED));
    PrescriptionRevision amended = rx.sign(doctor, v, 1, oneDrug(v, NORVASC_5, 14), List.of(), "日数変更");
    assertThat(amended.revision()).isEqualTo(2);
    rx.tombstone(doctor, v, 2, "別患者の処方");
    List<PrescriptionRevision> history = rx.history(nurse, v);
    assertThat(history).extracting(PrescriptionRevision::revision).containsExactly(1, 2, 3);
    assertThat(history).extracting(PrescriptionRevision::state).containsExactly(RevisionState.SIGNED, RevisionState.SIGNED,
        RevisionState.TOMBSTONE);
    assertThat(history.get(0).content().itemCount()).isEqualTo(5);
    assertThat(history.get(1).content().itemCount()).isEqualTo(1);
    assertThat(history.get(1).reason()).isEqualTo("日数変更");
    assertThat(history.get(2).content()).isNull();
    assertThatThrownBy(() -> rx.sign(doctor, v, 3, oneDrug(v, NORVASC_5, 14), List.of(), "再処方"))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CHART_RECORD_TOMBSTONED));
  }

  @Test
  void oneRecordPerVisitAndAStaleBaseIsAConflictThatSavesNothing() {
    long v = visit("2024-06-03");
    rx.sign(doctor, v, 0, oneDrug(v, NORVASC_5, 28), List.of(), null);
    int revisionsBefore = StoreTestAccess.countRows(store, "chart_revision");
    assertThatThrownBy(() -> rx.sign(otherDoctor, v, 0, oneDrug(v, LOXONIN_60, 7), List.of(), null))
        .isInstanceOfSatisfying(PrescriptionConflictException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(ErrorCode.RX_REVISION_CONFLICT);
          assertThat(e.stored().revision()).isEqualTo(1);
          assertThat(e.attempted().groups().get(0).items().get(0).drugCode()).isEqualTo(LOXONIN_60);
        });
    rx.sign(doctor, v, 1, oneDrug(v, NORVASC_5, 14), List.of(), "日数変更");
    assertThatThrownBy(() -> rx.sign(otherDoctor, v, 1, oneDrug(v, LOXONIN_60, 7), List.of(), "追加"))
        .isInstanceOf(PrescriptionConflictException.class);
    assertThat(StoreTestAccess.countRows(store, "chart_revision")).isEqualTo(revisionsBefore + 1);
    assertThat(rxStore.recordOfVisit(v)).isPresent();
    assertThat(store.jdbcTransactions().first("SELECT COUNT(*) FROM chart_record WHERE visit_id = ? AND kind = 'PRESCRIPTION'",
        ps -> ps.setLong(1, v), rs -> rs.getInt(1))).contains(1);
  }

  @Test
  void aRefusedPrescriptionSavesNothingAndOnlyPrescribersSign() {
    long v = visit("2024-06-03");
    int before = StoreTestAccess.countRows(store, "chart_record");
    Prescription unknown = oneDrug(v, "699999999", 7);
    assertThatThrownBy(() -> rx.sign(doctor, v, 0, unknown, List.of(), null))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.RX_DRUG_UNKNOWN));
    assertThatThrownBy(() -> rx.sign(nurse, v, 0, oneDrug(v, NORVASC_5, 7), List.of(), null)).isInstanceOf(TsumugiException.class);
    assertThatThrownBy(() -> rx.sign(doctor, v, 0, oneDrug(v + 1000, NORVASC_5, 7), List.of(), null))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.RX_VISIT_MISMATCH));
    assertThatThrownBy(() -> rx.sign(doctor, v, 0, oneDrug(v, NORVASC_5, 7), List.of(new SafetyOverride("DUPLICATE", "CAUTION",
        NORVASC_5, "")), null)).isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.RX_OVERRIDE_REASON_REQUIRED));
    assertThat(StoreTestAccess.countRows(store, "chart_record")).isEqualTo(before);
    assertThat(rx.open(nurse, v).latest()).isEmpty();
  }

  @Test
  void takenOnCoversStartDateToStartPlusDaysMinusOne() {
    long v = visit("2024-06-03");
    rx.sign(doctor, v, 0, sample(v), List.of(), null);
    assertThat(codes(LocalDate.of(2024, 6, 2))).isEmpty();
    assertThat(codes(LocalDate.of(2024, 6, 3))).containsExactly(LOXONIN_60, MUCOSTA_100, NORVASC_5, CALONAL_200, LOXONIN_PAP);
    // 外用 7 days: 06-03..06-09
    assertThat(codes(LocalDate.of(2024, 6, 9))).contains(LOXONIN_PAP);
    assertThat(codes(LocalDate.of(2024, 6, 10))).doesNotContain(LOXONIN_PAP);
    // 14 days: the last day is 06-16; 頓服 without days counts 14 days
    assertThat(codes(LocalDate.of(2024, 6, 16))).containsExactly(LOXONIN_60, MUCOSTA_100, NORVASC_5, CALONAL_200);
    assertThat(codes(LocalDate.of(2024, 6, 17))).containsExactly(NORVASC_5);
    assertThat(codes(LocalDate.of(2024, 6, 30))).containsExactly(NORVASC_5);
    assertThat(codes(LocalDate.of(2024, 7, 1))).isEmpty();
    Taken calonal = rxStore.takenOn(patientId, LocalDate.of(2024, 6, 10)).stream().filter(t -> t.drugCode().equals(CALONAL_200))
        .findFirst().orElseThrow();
    assertThat(calonal.asNeeded()).isTrue();
    assertThat(calonal.days()).isEqualTo(14);
    assertThat(calonal.start()).isEqualTo(LocalDate.of(2024, 6, 3));
    assertThat(calonal.visitId()).isEqualTo(v);
    Taken amlodipine = rxStore.takenOn(patientId, LocalDate.of(2024, 6, 10)).stream().filter(t -> t.drugCode().equals(NORVASC_5))
        .findFirst().orElseThrow();
    assertThat(amlodipine.name()).isEqualTo("【般】アムロジピン錠５ｍｇ");
    assertThat(amlodipine.yjCode()).isEqualTo("2171022F2025");
    assertThat(amlodipine.prescriptionRecordId()).isEqualTo(rxStore.recordOfVisit(v).orElseThrow());
  }

  @Test
  void amendedPrescriptionsCountByTheirLatestRevisionAndTombstonedOnesNotAtAll() {
    long june = visit("2024-06-03");
    long july = visit("2024-07-01");
    rx.sign(doctor, june, 0, oneDrug(june, NORVASC_5, 28), List.of(), null);
    rx.sign(doctor, july, 0, oneDrug(july, LOXONIN_60, 28), List.of(), null);
    assertThat(codes(LocalDate.of(2024, 6, 20))).containsExactly(NORVASC_5);
    rx.sign(doctor, june, 1, oneDrug(june, MUCOSTA_100, 7), List.of(), "薬剤変更");
    assertThat(codes(LocalDate.of(2024, 6, 9))).containsExactly(MUCOSTA_100);
    assertThat(codes(LocalDate.of(2024, 6, 10))).isEmpty();
    assertThat(codes(LocalDate.of(2024, 7, 28))).containsExactly(LOXONIN_60);
    rx.tombstone(doctor, july, 1, "誤入力");
    assertThat(codes(LocalDate.of(2024, 7, 10))).isEmpty();
    assertThat(rxStore.takenOn(patientId + 100_000, LocalDate.of(2024, 6, 5))).isEmpty();
  }

  @Test
  void previousIsTheLatestSignedPrescriptionOfAnEarlierVisit() {
    long may = visit("2024-05-07");
    long june = visit("2024-06-03");
    long july = visit("2024-07-01");
    long today = visit("2024-08-05");
    rx.sign(doctor, may, 0, oneDrug(may, NORVASC_5, 28), List.of(), null);
    rx.sign(doctor, june, 0, oneDrug(june, LOXONIN_60, 28), List.of(), null);
    rx.sign(doctor, june, 1, oneDrug(june, MUCOSTA_100, 28), List.of(), "薬剤変更");
    rx.sign(doctor, july, 0, oneDrug(july, CALONAL_200, 28), List.of(), null);
    rx.tombstone(doctor, july, 1, "誤入力");
    PrescriptionRevision previous = rx.previous(doctor, today).orElseThrow();
    assertThat(previous.visitId()).isEqualTo(june);
    assertThat(previous.revision()).isEqualTo(2);
    assertThat(previous.content().groups().get(0).items().get(0).drugCode()).isEqualTo(MUCOSTA_100);
    assertThat(rx.previous(doctor, june).orElseThrow().visitId()).isEqualTo(may);
    assertThat(rx.previous(doctor, may)).isEmpty();
    PrescriptionRevision again = rx.sign(doctor, today, 0, previous.content().forVisit(today), List.of(), null);
    assertThat(again.content().groups().get(0).items().get(0).drugCode()).isEqualTo(MUCOSTA_100);
  }

  @Test
  void theUsageTableIsSeededAndEditableButRefusesInconsistentRows() {
    List<Usage> usages = rx.usages(nurse);
    assertThat(usages).hasSizeGreaterThanOrEqualTo(20);
    assertThat(usages).extracting(Usage::code).contains("1A", "3A", "1S", "PRN", "PAIN", "TOP", "INJ");
    assertThat(rxStore.usage("3A").orElseThrow().dosesPerDay()).isEqualTo(3);
    assertThat(rxStore.usage("PRN").orElseThrow().timing()).isEqualTo(UsageTiming.AS_NEEDED);
    rx.saveUsage(doctor, new Usage("1SX", "1日1回就寝前（追加）", UsageTiming.DAILY, 1, 55));
    rx.saveUsage(doctor, new Usage("1SX", "1日1回就寝30分前", UsageTiming.DAILY, 1, 55));
    assertThat(rxStore.usage("1SX").orElseThrow().text()).isEqualTo("1日1回就寝30分前");
    for (Usage bad : List.of(new Usage("x", "小文字", UsageTiming.DAILY, 1, 1), new Usage("D0", "回数なし", UsageTiming.DAILY, 0, 1),
        new Usage("N1", "頓用なのに回数", UsageTiming.AS_NEEDED, 1, 1), new Usage("E", " ", UsageTiming.NONE, 0, 1))) {
      assertThatThrownBy(() -> rx.saveUsage(doctor, bad)).as(bad.code())
          .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.RX_USAGE_INVALID));
    }
  }

  @Test
  void rawUpdateDeleteAndTruncateOnPrescriptionTablesFail() {
    long v = visit("2024-06-03");
    rx.sign(doctor, v, 0, sample(v), List.of(new SafetyOverride("DUPLICATE", "CAUTION", LOXONIN_60, "確認済み")), null);
    List<String> tables = List.of("chart_rx_visit", "chart_rx_content", "chart_rx_group", "chart_rx_item", "chart_rx_override");
    List<Integer> before = tables.stream().map(t -> StoreTestAccess.countRows(store, t)).toList();
    for (String table : tables) {
      for (String sql : List.of("UPDATE " + table + " SET " + (table.equals("chart_rx_visit") ? "record_id = record_id"
          : "revision_id = revision_id"), "DELETE FROM " + table)) {
        assertThatThrownBy(() -> execute(sql)).as(sql).isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CHART_REVISION_IMMUTABLE));
      }
      assertThatThrownBy(() -> execute("TRUNCATE TABLE " + table)).as(table).isInstanceOf(TsumugiException.class);
    }
    assertThat(tables.stream().map(t -> StoreTestAccess.countRows(store, t)).toList()).isEqualTo(before).allMatch(n -> n > 0);
  }

  @Test
  void takenOnForAPatientWithFiveYearsOfWeeklyPrescriptionsIsUnderTwoMilliseconds() {
    LocalDate first = LocalDate.of(2024, 4, 1);
    for (int week = 0; week < 260; week++) {
      long v = visit(first.plusWeeks(week).toString());
      rx.sign(doctor, v, 0, new Prescription(v, DispensingKind.OUTSIDE, List.of(
          RpGroup.oral("1A", 7, RxItem.of(NORVASC_5, null, "1")),
          RpGroup.oral("3A", 7, RxItem.of(LOXONIN_60, "1", "3"), RxItem.of(MUCOSTA_100, "1", "3"))), 0, ""), List.of(), null);
    }
    LocalDate day = first.plusWeeks(130).plusDays(3);
    assertThat(codes(day)).containsExactly(NORVASC_5, LOXONIN_60, MUCOSTA_100);
    for (int i = 0; i < 300; i++) {
      rxStore.takenOn(patientId, first.plusDays(i * 5L));
    }
    long[] nanos = new long[301];
    for (int i = 0; i < nanos.length; i++) {
      long t0 = System.nanoTime();
      rxStore.takenOn(patientId, first.plusDays(i * 6L));
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    assertThat(nanos[nanos.length / 2]).as("median ns").isLessThan(2_000_000L);
  }

  @Test
  void signingIsAuditedWithThePatientIdAndCodesButNoFreeText() {
    long v = visit("2024-06-03");
    rx.sign(doctor, v, 0, sample(v), List.of(new SafetyOverride("CONTRAINDICATED", "CONTRAINDICATED", NORVASC_5, "循環器内科と相談済み")),
        null);
    rx.sign(doctor, v, 1, oneDrug(v, NORVASC_5, 14), List.of(), "日数変更");
    List<AuditEntry> entries = new ArrayList<>();
    store.auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry r && r.entry().target().equals(Long.toString(patientId))) {
        entries.add(r.entry());
      }
    });
    assertThat(entries).extracting(AuditEntry::action).containsExactly(AuditAction.CHART_RX_SIGNED, AuditAction.CHART_RX_AMENDED);
    assertThat(entries.get(0).detail()).contains("visit=" + v, "revision=1", "drugs=5", "CONTRAINDICATED/CONTRAINDICATED/" + NORVASC_5);
    assertThat(entries).extracting(AuditEntry::detail).noneMatch(d -> d.contains("循環器") || d.contains("日数変更")
        || d.contains("残薬") || d.contains("胃薬") || d.contains("38.5"));
  }

  @Test
  void aSecondRecordForTheSameVisitLosesTheUniqueKeyAndLeavesTheTransactionUsable() {
    long v = visit("2024-06-03");
    long first = store.transactions().inTransaction(() -> {
      long id = rxStore.createRecord(patientId, v, START).orElseThrow();
      assertThat(rxStore.createRecord(patientId, v, START)).isEmpty();
      assertThat(rxStore.recordOfVisit(v)).contains(id);
      return id;
    });
    assertThat(rxStore.recordOfVisit(v)).contains(first);
    assertThat(rx.sign(doctor, v, 0, oneDrug(v, NORVASC_5, 7), List.of(), null).recordId()).isEqualTo(first);
  }

  private List<String> codes(LocalDate date) {
    List<String> out = new ArrayList<>();
    for (Taken t : rxStore.takenOn(patientId, date)) {
      out.add(t.drugCode());
    }
    return out;
  }

  private int execute(String sql) {
    return store.jdbcTransactions().inTransaction(() -> store.jdbcTransactions().withConnection(c -> {
      try (Statement s = c.createStatement()) {
        return s.executeUpdate(sql);
      }
    }));
  }
}
