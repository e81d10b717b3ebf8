package jp.tsumugi.store;

import static jp.tsumugi.app.testing.RealDrugs.CALONAL_200;
import static jp.tsumugi.app.testing.RealDrugs.LOXONIN_60;
import static jp.tsumugi.app.testing.RealDrugs.LOXONIN_PAP;
import static jp.tsumugi.app.testing.RealDrugs.MUCOSTA_100;
import static jp.tsumugi.app.testing.RealDrugs.NORVASC_5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.clinic.Clinic;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.insurance.Insurance;
import jp.tsumugi.app.insurance.InsuranceCombination;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.InsuranceStore;
import jp.tsumugi.app.insurance.PublicExpense;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.prescription.ChartPrescriptions;
import jp.tsumugi.app.prescription.DispensingKind;
import jp.tsumugi.app.prescription.Prescription;
import jp.tsumugi.app.prescription.RouteKind;
import jp.tsumugi.app.prescription.RpGroup;
import jp.tsumugi.app.prescription.RxItem;
import jp.tsumugi.app.prescription.memo.DrugMemo;
import jp.tsumugi.app.prescription.memo.DrugMemos;
import jp.tsumugi.app.prescription.print.DrugInformationSheet;
import jp.tsumugi.app.prescription.print.PrescriptionDocuments;
import jp.tsumugi.app.prescription.print.PrescriptionSlip;
import jp.tsumugi.app.reception.StatusChange;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.reception.VisitStatus;
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

/** Drug memos (V25) and the printed prescription's data assembled from the stores, on H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PrescriptionPrintContractTest {
  static final Instant START = Instant.parse("2026-11-25T01:02:03Z");
  private static final AtomicInteger NUMBER = new AtomicInteger(700);

  protected final MutableClock clock = new MutableClock(START);
  protected LocalStore store;
  private ChartPrescriptions rx;
  private DrugMemos memos;
  private PrescriptionDocuments documents;
  private long patientId;
  private final Session doctor = session("drsato", Role.DOCTOR);
  private final Session nurse = session("nurse", Role.NURSE);

  abstract LocalStore openStore() throws Exception;

  private static Session session(String name, Role role) {
    return new Session(new User(0, name, name, role, "hash", null, true, 0, null, START), "診察室1", START);
  }

  @BeforeAll
  void openOnce() throws Exception {
    store = openStore();
    HashChainedAuditLog audit = new HashChainedAuditLog(store.auditEntries(), clock);
    RealDrugs drugs = new RealDrugs();
    rx = new ChartPrescriptions(store.prescriptionStore(), drugs, audit, store.transactions(), clock);
    memos = new DrugMemos(store.drugMemoStore(), drugs, audit, store.transactions(), clock);
    documents = new PrescriptionDocuments(store.prescriptionStore(), store.visits(), store.patientStore(), store.insuranceStore(),
        store.clinics(), store.users(), memos, audit, store.transactions());
    store.transactions().run(() -> {
      store.clinics().save(new Clinic("1234567", "13", "紡クリニック", "160-0022", "東京都新宿区新宿1-2-3", "03-1234-5678", "1", 5));
      store.users().insert(new User(0, "drsato", "佐藤 一郎", Role.DOCTOR, "hash", null, true, 0, null, START));
    });
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
    patientId = store.patients().insert(new Patient(0, String.format("%06d", NUMBER.incrementAndGet()), "山田", "花子", "ヤマダ", "ハナコ",
        Sex.FEMALE, LocalDate.of(1980, 4, 5), null, null, null)).id();
  }

  private long insuredVisit(String date) {
    InsuranceStore.Change change = new InsuranceStore.Change("clerk", START.toEpochMilli(), "");
    InsuranceRecord ins = store.insuranceStore().insertInsurance(InsuranceRecord.of(new Insurance(0, patientId, "01130012", "記号１２",
        "3456", "02", false, null, null)), change);
    PublicExpense nanbyou = store.insuranceStore().insertPublicExpense(new PublicExpense(0, patientId, "54136015", "1111111", null,
        null, OptionalLong.empty(), 1), change);
    PublicExpense local = store.insuranceStore().insertPublicExpense(new PublicExpense(0, patientId, "85144004", "", null, null,
        OptionalLong.empty(), 1), change);
    InsuranceCombination c = store.insuranceStore().insertCombination(new InsuranceCombination(0, patientId, ins.id(),
        List.of(nanbyou.id(), local.id())), change);
    return checkedIn(new Visit(0, patientId, LocalDate.parse(date), 0, "内科", "drsato", c.id(), START));
  }

  private long selfPayVisit(String date) {
    return checkedIn(new Visit(0, patientId, LocalDate.parse(date), 0, "内科", "drsato", null, START));
  }

  private long checkedIn(Visit visit) {
    long id = store.visits().insert(visit).id();
    store.visits().appendStatus(new StatusChange(0, id, 1, VisitStatus.CHECKED_IN, "", "clerk", "受付", START));
    return id;
  }

  private static Prescription sample(long visitId, DispensingKind kind) {
    return new Prescription(visitId, kind, List.of(
        RpGroup.oral("3A", 14, RxItem.of(LOXONIN_60, "1", "3").withFlags(false, true, true), RxItem.of(MUCOSTA_100, "1", "3")),
        RpGroup.oral("1A", 28, RxItem.of(NORVASC_5, null, "1").asGeneric()),
        new RpGroup(RouteKind.AS_NEEDED, "PAIN", "", "38.5度以上", null, 10, "", List.of(RxItem.of(CALONAL_200, "2", null))),
        new RpGroup(RouteKind.TOPICAL, "TOP1", "", "腰部", 7, null, "", List.of(RxItem.of(LOXONIN_PAP, null, "14")
            .withFlags(true, false, false)))), 0, "残薬確認");
  }

  private List<AuditEntry> auditOf(String target) {
    List<AuditEntry> entries = new ArrayList<>();
    store.auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry r && r.entry().target().equals(target)) {
        entries.add(r.entry());
      }
    });
    return entries;
  }

  @Test
  void theSlipCarriesInsurancePublicExpensesPatientClinicDoctorAndRpLinesFromTheStores() {
    long v = insuredVisit("2026-11-20");
    rx.sign(doctor, v, 0, sample(v, DispensingKind.OUTSIDE), List.of(), null);
    PrescriptionSlip slip = documents.slip(nurse, v);
    assertThat(slip.insurance()).contains(new PrescriptionSlip.SlipInsurance("01130012", "記号１２", "3456", "02", false));
    assertThat(slip.publicExpenses()).containsExactly(new PrescriptionSlip.SlipPublicExpense("54136015", "1111111"),
        new PrescriptionSlip.SlipPublicExpense("85144004", ""));
    assertThat(slip.patient()).isEqualTo(new PrescriptionSlip.SlipPatient("山田　花子", "ヤマダ　ハナコ", LocalDate.of(1980, 4, 5),
        Sex.FEMALE));
    // 46 years old: 3割 (健康保険法 §74)
    assertThat(slip.copaymentTenths()).hasValue(3);
    assertThat(slip.clinic()).isEqualTo(new PrescriptionSlip.SlipClinic("紡クリニック", "160-0022", "東京都新宿区新宿1-2-3",
        "03-1234-5678", "13", "1", "1234567"));
    assertThat(slip.doctorName()).isEqualTo("佐藤 一郎");
    assertThat(slip.issuedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(slip.validUntil()).isEmpty();
    assertThat(slip.lastValidDay()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(slip.groups()).extracting(PrescriptionSlip.SlipGroup::usage)
        .containsExactly("1日3回毎食後", "1日1回朝食後", "疼痛時（38.5度以上）", "1日1回患部に貼付（腰部）");
    PrescriptionSlip.SlipItem loxonin = slip.groups().get(0).items().get(0);
    assertThat(loxonin.printedName()).isEqualTo("ロキソニン錠６０ｍｇ");
    assertThat(loxonin.dose()).isEqualTo("1");
    assertThat(loxonin.perDay()).isEqualTo("3");
    assertThat(loxonin.unit()).isEqualTo("錠");
    assertThat(loxonin.patientRequest()).isTrue();
    assertThat(slip.groups().get(1).items().get(0).printedName()).startsWith("【般】アムロジピン");
    assertThat(slip.groups().get(2).times()).isEqualTo(10);
    assertThat(slip.groups().get(3).items().get(0).noSubstitution()).isTrue();
    assertThat(slip.remarks()).containsExactly("残薬確認", "選定療養（長期収載品）：ロキソニン錠６０ｍｇ");
    List<AuditEntry> audit = auditOf(Long.toString(patientId));
    assertThat(audit).extracting(AuditEntry::action).contains(AuditAction.RX_PRINT_SLIP);
    assertThat(audit).extracting(AuditEntry::detail).noneMatch(d -> d.contains("山田") || d.contains("花子"));
  }

  @Test
  void aSelfPayVisitHasNoInsuranceAndAnInsidePrescriptionHasNoSlipButACopy() {
    long v = selfPayVisit("2026-11-20");
    rx.sign(doctor, v, 0, sample(v, DispensingKind.INSIDE), List.of(), null);
    assertThatThrownBy(() -> documents.slip(nurse, v)).isInstanceOf(TsumugiException.class)
        .extracting(e -> ((TsumugiException) e).errorCode()).isEqualTo(ErrorCode.RX_PRINT_NOT_OUTSIDE);
    PrescriptionSlip copy = documents.patientCopy(nurse, v);
    assertThat(copy.insurance()).isEmpty();
    assertThat(copy.publicExpenses()).isEmpty();
    assertThat(copy.copaymentTenths()).isEmpty();
    assertThat(auditOf(Long.toString(patientId))).extracting(AuditEntry::action).contains(AuditAction.RX_PRINT_COPY)
        .doesNotContain(AuditAction.RX_PRINT_SLIP);
  }

  @Test
  void nothingSignedAndADeletedPrescriptionAreRefusedWithTheirOwnCodes() {
    long v = selfPayVisit("2026-11-20");
    assertThatThrownBy(() -> documents.slip(nurse, v)).extracting(e -> ((TsumugiException) e).errorCode())
        .isEqualTo(ErrorCode.RX_PRINT_NOTHING_SIGNED);
    rx.sign(doctor, v, 0, sample(v, DispensingKind.OUTSIDE), List.of(), null);
    rx.tombstone(doctor, v, 1, "誤入力");
    assertThatThrownBy(() -> documents.informationSheet(nurse, v)).extracting(e -> ((TsumugiException) e).errorCode())
        .isEqualTo(ErrorCode.RX_PRINT_DELETED);
  }

  @Test
  void theInformationSheetTakesMemosByDrugCodeThenByIngredientAndSaysWhenNoneIsWritten() {
    memos.set(doctor, LOXONIN_60, "痛みをおさえます。", "空腹時を避けてください。");
    memos.set(doctor, "2171022", "血圧を下げます。", "");
    long v = selfPayVisit("2026-11-20");
    rx.sign(doctor, v, 0, sample(v, DispensingKind.INSIDE), List.of(), null);
    DrugInformationSheet sheet = documents.informationSheet(nurse, v);
    assertThat(sheet.drugs()).hasSize(5);
    DrugInformationSheet.Drug loxonin = sheet.drugs().get(0);
    assertThat(loxonin.effects()).contains("痛みをおさえます。");
    assertThat(loxonin.cautions()).contains("空腹時を避けてください。");
    assertThat(loxonin.usage()).isEqualTo("1日3回毎食後　1回1錠　1日3錠　14日分");
    assertThat(sheet.drugs().get(4).memoWritten()).isFalse();
    DrugInformationSheet.Drug amlodipine = sheet.drugs().get(2);
    assertThat(amlodipine.effects()).contains("血圧を下げます。");
    assertThat(amlodipine.cautions()).isEmpty();
    assertThat(sheet.drugs().get(3).usage()).isEqualTo("疼痛時（38.5度以上）　1回2錠　10回分");
    assertThat(auditOf(Long.toString(patientId))).extracting(AuditEntry::action).contains(AuditAction.RX_PRINT_INFO);
  }

  @Test
  void aMemoIsSavedReplacedListedAndAuditedWithoutItsText() {
    DrugMemo first = memos.set(doctor, " " + MUCOSTA_100 + " ", "胃を守ります。", "発疹に注意。");
    assertThat(first.drugName()).isEqualTo("ムコスタ錠１００ｍｇ");
    clock.set(START.plusSeconds(60));
    memos.set(doctor, MUCOSTA_100, "胃の粘膜を守ります。", "");
    DrugMemo read = memos.get(nurse, MUCOSTA_100).orElseThrow();
    assertThat(read.effects()).isEqualTo("胃の粘膜を守ります。");
    assertThat(read.cautions()).isEmpty();
    assertThat(read.updatedAt()).isEqualTo(START.plusSeconds(60));
    assertThat(memos.list(nurse)).extracting(DrugMemo::key).contains(MUCOSTA_100);
    List<AuditEntry> audit = auditOf(MUCOSTA_100);
    assertThat(audit).extracting(AuditEntry::action).containsOnly(AuditAction.DRUG_MEMO_SAVED);
    assertThat(audit).extracting(AuditEntry::detail).noneMatch(d -> d.contains("胃"));
  }

  @Test
  void badMemoInputIsRefusedWithItsCodeAndSavesNothing() {
    assertCode(() -> memos.set(doctor, "12345", "効能", ""), ErrorCode.DRUG_MEMO_KEY_INVALID);
    assertCode(() -> memos.set(doctor, "abcdefg", "効能", ""), ErrorCode.DRUG_MEMO_KEY_INVALID);
    assertCode(() -> memos.set(doctor, "ABC1234", "効能", ""), ErrorCode.DRUG_MEMO_KEY_INVALID);
    assertCode(() -> memos.set(doctor, CALONAL_200, "  ", ""), ErrorCode.DRUG_MEMO_EMPTY);
    assertCode(() -> memos.set(doctor, CALONAL_200, "あ".repeat(DrugMemos.MAX_TEXT_LENGTH + 1), ""), ErrorCode.DRUG_MEMO_TOO_LONG);
    assertCode(() -> memos.set(doctor, "999999999", "効能", ""), ErrorCode.DRUG_MEMO_DRUG_UNKNOWN);
    assertCode(() -> memos.set(doctor, CALONAL_200, "効能\u0007", ""), ErrorCode.CHART_TEXT_CONTROL_CHARACTER);
    assertCode(() -> memos.set(nurse, CALONAL_200, "効能", ""), ErrorCode.NOT_PERMITTED);
    assertThat(memos.get(nurse, CALONAL_200)).isEqualTo(Optional.empty());
    assertThat(memos.set(doctor, CALONAL_200, "あ".repeat(DrugMemos.MAX_TEXT_LENGTH), "😷𠮷").cautions()).isEqualTo("😷𠮷");
  }

  private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call).isInstanceOf(TsumugiException.class).extracting(e -> ((TsumugiException) e).errorCode()).isEqualTo(code);
  }
}
