package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.insurance.Insurance;
import jp.tsumugi.app.insurance.InsuranceCombination;
import jp.tsumugi.app.insurance.InsuranceForm;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.InsuranceRegistration;
import jp.tsumugi.app.insurance.InsuranceStore;
import jp.tsumugi.app.insurance.PublicExpense;
import jp.tsumugi.app.insurance.PublicExpenseForm;
import jp.tsumugi.app.insurance.ValidCombination;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.PatientForm;
import jp.tsumugi.app.patient.PatientNumberFormat;
import jp.tsumugi.app.patient.PatientRecord;
import jp.tsumugi.app.patient.PatientRegistration;
import jp.tsumugi.app.patient.PatientRevision;
import jp.tsumugi.app.patient.PatientSearch;
import jp.tsumugi.app.patient.RegistrationOutcome;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.qualification.LimitCategory;
import jp.tsumugi.app.reception.PatientAtReception;
import jp.tsumugi.app.reception.PatientEntry;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Patient registration, revisions, insurance, 公費 and combinations on a real store, run on H2 and PostgreSQL. */
abstract class PatientStoreContractTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:02:03.456Z"), ZoneId.of("Asia/Tokyo"));
  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  protected LocalStore store;
  private PatientRegistration patients;
  private InsuranceRegistration insurance;
  private PatientSearch search;
  private final Session clerk = new Session(new User(1, "clerk", "事務", Role.CLERK, "x", null, true, 0, null, CLOCK.instant()),
      "desk-1", CLOCK.instant());

  abstract LocalStore openStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openStore();
    HashChainedAuditLog audit = new HashChainedAuditLog(store.auditEntries(), CLOCK);
    search = new PatientSearch(store.patientStore(), CLOCK);
    patients = new PatientRegistration(store.patientStore(), search, audit, store.transactions(), CLOCK,
        PatientNumberFormat.DEFAULT);
    insurance = new InsuranceRegistration(store.insuranceStore(),
        id -> store.patientStore().findRecord(id).map(r -> r.patient().birthDate()), audit, store.transactions(), CLOCK);
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  static PatientForm yamada(String birthDate) {
    return new PatientForm("山田", "花子", "ヤマダ", "ハナコ", "", "2", birthDate, "160-0022", "東京都新宿区新宿1-2-3", "03-1234-5678",
        "", "山田太郎（夫）", "090-0000-1111", "ペニシリン注意");
  }

  private PatientRecord registered(PatientForm form) {
    return ((RegistrationOutcome.Registered) patients.register(clerk, form, false)).record();
  }

  private List<AuditEntry> auditEntries() {
    List<AuditEntry> out = new ArrayList<>();
    store.auditEntries().forEachInOrder(row -> out.add(((AuditEntryStore.ReadableEntry) row).entry()));
    return out;
  }

  @Test
  void registrationAssignsTheNextNumberAndKeepsRevisionOne() {
    PatientRecord first = registered(yamada("S41.5.26"));
    PatientRecord second = registered(new PatientForm("田中", "一郎", "タナカ", "イチロウ", "", "1", "3410526", "", "", "", "", "", "",
        ""));
    assertThat(first.patient().patientNumber()).isEqualTo("000001");
    assertThat(second.patient().patientNumber()).isEqualTo("000002");
    PatientRecord read = patients.show(clerk, first.id());
    assertThat(read.patient().birthDate()).isEqualTo(LocalDate.of(1966, 5, 26));
    assertThat(read.details().emergencyContact()).isEqualTo("山田太郎（夫）");
    assertThat(read.details().memo()).isEqualTo("ペニシリン注意");
    assertThat(read.revision()).isEqualTo(1);
  }

  @Test
  void aChangeAppendsARevisionAndKeepsTheOldOneWithAuthorTimeAndReason() {
    PatientRecord r = registered(yamada("19660526"));
    PatientForm moved = new PatientForm("山田", "花子", "ヤマダ", "ハナコ", "ハナ", "2", "19660526", "151-0053", "東京都渋谷区代々木1-1",
        "03-9999-0000", "", "", "", "");
    PatientRecord changed = patients.change(clerk, r.id(), 1, moved, "転居");
    assertThat(changed.revision()).isEqualTo(2);
    assertThat(changed.patient().patientNumber()).isEqualTo(r.patient().patientNumber());
    List<PatientRevision> history = patients.history(clerk, r.id());
    assertThat(history).extracting(h -> h.record().revision()).containsExactly(1, 2);
    assertThat(history.get(0).record().patient().address()).isEqualTo("東京都新宿区新宿1-2-3");
    assertThat(history.get(1).record().patient().address()).isEqualTo("東京都渋谷区代々木1-1");
    assertThat(history.get(1).author()).isEqualTo("clerk");
    assertThat(history.get(1).reason()).isEqualTo("転居");
    assertThat(history.get(1).changedAt()).isEqualTo(CLOCK.instant());
    assertThat(patients.search(clerk, "ハナ", 10).hits()).extracting(h -> h.alias()).containsExactly("ハナ");
  }

  @Test
  void aStaleRevisionOrAMissingReasonChangesNothing() {
    PatientRecord r = registered(yamada("19660526"));
    patients.change(clerk, r.id(), 1, yamada("19660527"), "誤入力の訂正");
    assertThatThrownBy(() -> patients.change(clerk, r.id(), 1, yamada("19660528"), "再訂正"))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REVISION_CONFLICT));
    assertThatThrownBy(() -> patients.change(clerk, r.id(), 2, yamada("19660528"), " "))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    assertThat(store.patientStore().history(r.id())).hasSize(2);
    assertThat(store.patientStore().findRecord(r.id()).orElseThrow().patient().birthDate()).isEqualTo(LocalDate.of(1966, 5, 27));
  }

  @Test
  void badInputIsRejectedAtTheFieldAndNothingIsSaved() {
    long before = store.patients().count();
    long auditBefore = store.auditEntries().count();
    assertThatThrownBy(() -> patients.register(clerk, yamada("20261126"), false))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo("birthDate");
          assertThat(e.errorCode()).isEqualTo(ErrorCode.BIRTH_DATE_IN_FUTURE);
        });
    assertThatThrownBy(() -> patients.register(clerk, yamada("H32.1.1"), false))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.WAREKI_OUT_OF_ERA));
    PatientRecord r = registered(yamada("19660526"));
    assertThatThrownBy(() -> insurance.addInsurance(clerk, r.id(), InsuranceForm.basic("01130013", "1", "2", "00", true, "")))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("insurerNumber"));
    assertThatThrownBy(() -> insurance.addInsurance(clerk, r.id(), InsuranceForm.basic("01130012", "1", "2", "001", true, "")))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("branch"));
    assertThat(store.patients().count()).isEqualTo(before + 1);
    assertThat(store.insuranceStore().insurancesOfPatient(r.id())).isEmpty();
    assertThat(store.auditEntries().count()).isEqualTo(auditBefore + 1);
  }

  @Test
  void aLikelyDuplicateNeedsRegisterAnyway() {
    PatientRecord first = registered(yamada("19660526"));
    PatientForm sameKanaOtherScript = new PatientForm("山田", "華子", "やまだ", "はなこ", "", "2", "S41.5.26", "", "", "", "", "", "",
        "");
    RegistrationOutcome outcome = patients.register(clerk, sameKanaOtherScript, false);
    assertThat(outcome).isInstanceOfSatisfying(RegistrationOutcome.LikelyDuplicates.class,
        d -> assertThat(d.candidates()).extracting(h -> h.id()).containsExactly(first.id()));
    assertThat(store.patients().count()).isEqualTo(1);
    RegistrationOutcome anyway = patients.register(clerk, sameKanaOtherScript, true);
    assertThat(anyway).isInstanceOf(RegistrationOutcome.Registered.class);
    assertThat(store.patients().count()).isEqualTo(2);
    assertThat(auditEntries()).filteredOn(e -> e.action() == AuditAction.PATIENT_CREATED).last()
        .satisfies(e -> assertThat(e.detail()).contains("registeredDespiteDuplicates=1"));
  }

  @Test
  void everyReadAndChangeIsAuditedWithThePatientIdAndNeverTheName() {
    PatientRecord r = registered(yamada("19660526"));
    patients.show(clerk, r.id());
    patients.search(clerk, "ヤマダ", 10);
    InsuranceRecord i = insurance.addInsurance(clerk, r.id(), InsuranceForm.basic("01130012", "12", "345", "01", true, "R6.4.1"));
    insurance.holdings(clerk, r.id());
    List<AuditEntry> entries = auditEntries();
    assertThat(entries).extracting(AuditEntry::action).containsSubsequence(AuditAction.PATIENT_CREATED, AuditAction.PATIENT_READ,
        AuditAction.PATIENT_SEARCHED, AuditAction.INSURANCE_CREATED, AuditAction.INSURANCE_READ);
    assertThat(entries).filteredOn(e -> e.action() != AuditAction.PATIENT_SEARCHED)
        .allSatisfy(e -> assertThat(e.target()).isEqualTo(Long.toString(r.id())));
    assertThat(entries).allSatisfy(e -> {
      assertThat(e.detail()).doesNotContain("山田").doesNotContain("ヤマダ").doesNotContain("ハナコ");
      assertThat(e.actor()).isEqualTo("clerk");
      assertThat(e.terminal()).isEqualTo("desk-1");
    });
    assertThat(i.revision()).isEqualTo(1);
  }

  @Test
  void theSequenceSkipsNumbersAlreadyGivenOutside() {
    store.patients().insert(new Patient(0, "000001", "既存", "患者", "キゾン", "カンジャ", Sex.MALE, LocalDate.of(1950, 1, 1), "", "",
        ""));
    store.patients().insert(new Patient(0, "000005", "既存", "二郎", "キゾン", "ジロウ", Sex.MALE, LocalDate.of(1950, 1, 2), "", "",
        ""));
    assertThat(registered(yamada("19660526")).patient().patientNumber()).isEqualTo("000006");
    assertThat(store.patientStore().history(1)).hasSize(1);
  }

  @Test
  void anInsuranceChangeIsANewRevisionAndTheOldOneIsKept() {
    PatientRecord r = registered(yamada("19560526"));
    InsuranceRecord first = insurance.addInsurance(clerk, r.id(), InsuranceForm.basic("01130012", "12-34", "567", "00", true,
        "R2.4.1"));
    InsuranceForm withCertificate = new InsuranceForm("01130012", "12-34", "567", "00", "1", "R2.4.1", "R2.4.1", "", "2", "", false,
        "B04", "", "");
    InsuranceRecord second = insurance.changeInsurance(clerk, first.id(), 1, withCertificate, "高齢受給者証の提示");
    assertThat(second.revision()).isEqualTo(2);
    assertThat(second.limitCategory()).contains(LimitCategory.B04);
    List<InsuranceStore.Revision<InsuranceRecord>> history = insurance.insuranceHistory(clerk, first.id());
    assertThat(history).extracting(h -> h.state().elderlyRecipientTenths()).containsExactly(0, 2);
    assertThat(history.get(1).reason()).isEqualTo("高齢受給者証の提示");
    assertThat(insurance.copayment(clerk, first.id(), TODAY).effectiveTenths()).isEqualTo(2);
    assertThat(store.insuranceStore().insurancesByNumbers("01130012", "12-34", "567", "00")).extracting(InsuranceRecord::revision)
        .containsExactly(2);
    assertThat(store.insuranceStore().insurancesByNumbers("01130012", "12-34", "567", "01")).isEmpty();
    InsuranceForm overridden = new InsuranceForm("01130012", "12-34", "567", "00", "1", "R2.4.1", "R2.4.1", "", "2", "", false,
        "B04", "1", "保険者からの連絡");
    insurance.changeInsurance(clerk, first.id(), 2, overridden, "負担割合の変更");
    assertThat(insurance.copayment(clerk, first.id(), TODAY).effectiveTenths()).isEqualTo(1);
    assertThat(insurance.copayment(clerk, first.id(), TODAY).derived().tenths()).isEqualTo(2);
  }

  @Test
  void combinationsAreValidOnlyInsideEveryMembersDates() {
    PatientRecord r = registered(yamada("19660526"));
    InsuranceRecord ins = insurance.addInsurance(clerk, r.id(), InsuranceForm.basic("01130012", "12", "345", "00", true, "R2.4.1"));
    PublicExpense nanbyou = insurance.addPublicExpense(clerk, r.id(), new PublicExpenseForm("54136015", "1111111", "R6.4.1",
        "R7.3.31", "10000"));
    PublicExpense local = insurance.addPublicExpense(clerk, r.id(), new PublicExpenseForm("85144004", "", "R6.4.1", "", ""));
    InsuranceCombination combo = insurance.addCombination(clerk, r.id(), ins.id(), List.of(local.id(), nanbyou.id()));
    assertThat(combo.publicExpenseIds()).containsExactly(nanbyou.id(), local.id());
    InsuranceCombination plain = insurance.addCombination(clerk, r.id(), ins.id(), List.of());
    assertThat(store.insuranceStore().combinationsOfPatient(r.id())).as("the insurance alone was made with the insurance, once")
        .hasSize(2);
    assertThat(insurance.combinationsValidOn(clerk, r.id(), LocalDate.of(2024, 6, 1)))
        .extracting(v -> v.combination().id()).containsExactly(plain.id(), combo.id());
    assertThat(insurance.combinationsValidOn(clerk, r.id(), LocalDate.of(2025, 4, 1)))
        .extracting(v -> v.combination().id()).containsExactly(plain.id());
    ValidCombination valid = insurance.requireValidOn(clerk, combo.id(), LocalDate.of(2025, 3, 31));
    assertThat(valid.publicExpenses()).extracting(PublicExpense::lawNumber).containsExactly("54", "85");
    assertThatThrownBy(() -> insurance.requireValidOn(clerk, combo.id(), LocalDate.of(2025, 4, 1)))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(ErrorCode.COMBINATION_NOT_VALID_ON_DATE);
          assertThat(e.field()).isEqualTo("publicExpenses[0]");
        });
  }

  @Test
  void aCombinationOfMembersThatNeverOverlapOrOfAnotherPatientIsRefused() {
    PatientRecord r = registered(yamada("19660526"));
    PatientRecord other = registered(new PatientForm("田中", "一郎", "タナカ", "イチロウ", "", "1", "19700101", "", "", "", "", "", "",
        ""));
    InsuranceRecord ins = insurance.addInsurance(clerk, r.id(), new InsuranceForm("01130012", "", "1", "", "1", "", "R2.4.1",
        "R3.3.31", "", "", false, "", "", ""));
    PublicExpense later = insurance.addPublicExpense(clerk, r.id(), new PublicExpenseForm("54136015", "1111111", "R6.4.1", "", ""));
    PublicExpense others = insurance.addPublicExpense(clerk, other.id(), new PublicExpenseForm("85144004", "", "", "", ""));
    assertThatThrownBy(() -> insurance.addCombination(clerk, r.id(), ins.id(), List.of(later.id())))
        .isInstanceOfSatisfying(InvalidFieldException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.COMBINATION_NOT_VALID_ON_DATE));
    assertThatThrownBy(() -> insurance.addCombination(clerk, r.id(), ins.id(), List.of(others.id())))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.COMBINATION_INVALID));
    assertThat(store.insuranceStore().combinationsOfPatient(r.id())).extracting(InsuranceCombination::publicExpenseIds)
        .containsExactly(List.of());
  }

  @Test
  void atMostFourCurrentPublicExpensesAndChangesKeepHistory() {
    PatientRecord r = registered(yamada("19660526"));
    List<PublicExpense> four = new ArrayList<>();
    for (String payer : List.of("54136015", "85144004", "83123067", "12143210")) {
      four.add(insurance.addPublicExpense(clerk, r.id(), new PublicExpenseForm(payer, payer.startsWith("8") ? "" : "1111111", "", "",
          "")));
    }
    assertThatThrownBy(() -> insurance.addPublicExpense(clerk, r.id(), new PublicExpenseForm("85144004", "", "", "", "")))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PUBLIC_EXPENSE_TOO_MANY));
    PublicExpense ended = insurance.changePublicExpense(clerk, four.get(1).id(), 1, new PublicExpenseForm("85144004", "", "",
        "R8.10.31", "2500"), "資格喪失");
    assertThat(ended.revision()).isEqualTo(2);
    assertThat(ended.monthlyCapYen()).hasValue(2500L);
    insurance.addPublicExpense(clerk, r.id(), new PublicExpenseForm("85144004", "", "R8.11.1", "", ""));
    assertThat(insurance.publicExpenseHistory(clerk, four.get(1).id())).extracting(h -> h.state().validTo())
        .containsExactly(null, LocalDate.of(2026, 10, 31));
  }

  @Test
  void anotherTerminalsIndexSeesRegistrationsAndChangesAfterItsRefresh() {
    PatientSearch otherTerminal = new PatientSearch(store.patientStore(), CLOCK);
    assertThat(otherTerminal.search("ヤマダ", 10).total()).isZero();
    PatientRecord r = registered(yamada("19660526"));
    otherTerminal.refresh();
    assertThat(otherTerminal.search("ヤマダ", 10).hits()).extracting(h -> h.id()).containsExactly(r.id());
    patients.change(clerk, r.id(), 1, new PatientForm("山田", "花子", "ヤマモト", "ハナコ", "", "2", "19660526", "", "", "", "", "", "", ""),
        "婚姻による氏の変更");
    otherTerminal.refresh();
    assertThat(otherTerminal.search("ヤマダ", 10).total()).isZero();
    assertThat(otherTerminal.search("ヤマモト", 10).hits()).extracting(h -> h.id()).containsExactly(r.id());
  }

  @Test
  void aRegistrationRolledBackWithItsOuterTransactionNeverShowsInThisTerminalsIndex() {
    search.refresh();
    assertThatThrownBy(() -> store.transactions().run(() -> {
      registered(yamada("19660526"));
      throw new IllegalStateException("the check-in after it failed");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(search.search("ヤマダ", 10).total()).isZero();
    PatientRecord r = registered(yamada("19660526"));
    assertThat(search.search("ヤマダ", 10).hits()).extracting(h -> h.id()).containsExactly(r.id());
  }

  @Test
  void theOlderRepositoryInsertsWriteRevisionOneSoTheDemoKeepsWorking() {
    Patient p = store.patients().insert(new Patient(0, "000010", "佐藤", "一", "サトウ", "ハジメ", Sex.MALE, LocalDate.of(1950, 1, 1), "",
        "", ""));
    Insurance i = store.patients().insertInsurance(new Insurance(0, p.id(), "01130012", "1", "2", "00", true, null, null));
    assertThat(store.patientStore().history(p.id())).hasSize(1);
    assertThat(store.insuranceStore().insuranceHistory(i.id())).hasSize(1);
    assertThat(store.patients().insurancesOf(p.id())).hasSize(1);
    assertThat(store.insuranceStore().combinationsOfPatient(p.id())).extracting(InsuranceCombination::insuranceId)
        .containsExactly(i.id());
    assertThat(patients.search(clerk, "サトウ", 10).hits()).extracting(h -> h.id()).containsExactly(p.id());
  }

  @Test
  void newPatientAtReceptionWithABadInsurerCheckDigitSavesNeitherPatientNorInsurance() {
    PatientAtReception intake = new PatientAtReception(patients, insurance, store.transactions(), CLOCK);
    InsuranceForm wrongDigit = InsuranceForm.basic("01130013", "12", "345", "01", true, "R5.4.1");
    assertThatThrownBy(() -> intake.register(clerk, new PatientEntry(yamada("S41.5.26"), wrongDigit, List.of()), false))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo("insurance.insurerNumber");
          assertThat(e.errorCode()).isEqualTo(ErrorCode.INSURER_NUMBER_INVALID);
        });
    assertThat(store.patientStore().bornOn(LocalDate.of(1966, 5, 26))).isEmpty();
  }

  @Test
  void newPatientAtReceptionRegistersPatientAndInsuranceTogetherAndStopsAtTheLikelyDuplicate() {
    PatientAtReception intake = new PatientAtReception(patients, insurance, store.transactions(), CLOCK);
    PatientAtReception.Result first = intake.register(clerk, new PatientEntry(yamada("S41.5.26"),
        InsuranceForm.basic("01130012", "12", "345", "01", true, "R5.4.1"), List.of()), false);
    assertThat(first.outcome()).isInstanceOf(RegistrationOutcome.Registered.class);
    long id = first.registered().orElseThrow().id();
    assertThat(first.registered().orElseThrow().birthDate()).isEqualTo(LocalDate.of(1966, 5, 26));
    assertThat(store.insuranceStore().insurancesOfPatient(id)).singleElement()
        .satisfies(r -> assertThat(r.insurance().insurerNumber()).isEqualTo("01130012"));
    assertThat(insurance.validCombinationsForCheckIn(id, TODAY)).hasSize(1);

    PatientAtReception.Result again = intake.register(clerk, new PatientEntry(yamada("19660526"), null, List.of()), false);
    assertThat(again.registered()).isEmpty();
    assertThat(again.outcome()).isInstanceOfSatisfying(RegistrationOutcome.LikelyDuplicates.class,
        d -> assertThat(d.candidates()).extracting(c -> c.id()).containsExactly(id));
    assertThat(store.patientStore().bornOn(LocalDate.of(1966, 5, 26))).hasSize(1);
  }
}
