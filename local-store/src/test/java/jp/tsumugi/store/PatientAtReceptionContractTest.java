package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.clinic.Clinic;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.insurance.InsuranceCombination;
import jp.tsumugi.app.insurance.InsuranceForm;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.InsuranceRegistration;
import jp.tsumugi.app.insurance.PublicExpense;
import jp.tsumugi.app.insurance.PublicExpenseForm;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.PatientForm;
import jp.tsumugi.app.patient.PatientNumberFormat;
import jp.tsumugi.app.patient.PatientRegistration;
import jp.tsumugi.app.patient.PatientRevision;
import jp.tsumugi.app.patient.PatientSearch;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.qualification.LimitCategory;
import jp.tsumugi.app.reception.ClinicReceptionSettings;
import jp.tsumugi.app.reception.Departments;
import jp.tsumugi.app.reception.PatientAtReception;
import jp.tsumugi.app.reception.PatientEntry;
import jp.tsumugi.app.reception.PatientFile;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The full registration panel's use case (patient + insurance + 公費 + combinations, edits as revisions) and
 * the clinic's reception settings (departments, V11; patient number format, V13) on a real store, run on H2
 * and PostgreSQL.
 */
abstract class PatientAtReceptionContractTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:02:03.456Z"), ZoneId.of("Asia/Tokyo"));
  private static final PublicExpenseForm NANBYOU = new PublicExpenseForm("54136015", "1111111", "R6.4.1", "R9.3.31", "10000");
  private static final PublicExpenseForm LOCAL = new PublicExpenseForm("85144004", "", "R6.4.1", "", "");
  protected LocalStore store;
  private PatientAtReception desk;
  private ClinicReceptionSettings settings;
  private final Session clerk = session(Role.CLERK);
  private final Session admin = session(Role.ADMIN);

  abstract LocalStore openStore() throws Exception;

  private static Session session(Role role) {
    return new Session(new User(1, role.name().toLowerCase(java.util.Locale.ROOT), "職員", role, "x", null, true, 0, null,
        CLOCK.instant()), "desk-1", CLOCK.instant());
  }

  @BeforeEach
  void open() throws Exception {
    store = openStore();
    HashChainedAuditLog audit = new HashChainedAuditLog(store.auditEntries(), CLOCK);
    settings = new ClinicReceptionSettings(store.receptionSettings(), audit, store.transactions());
    PatientRegistration patients = new PatientRegistration(store.patientStore(), new PatientSearch(store.patientStore(), CLOCK),
        audit, store.transactions(), CLOCK, settings::patientNumberFormat);
    InsuranceRegistration insurance = new InsuranceRegistration(store.insuranceStore(),
        id -> store.patientStore().findRecord(id).map(r -> r.patient().birthDate()), audit, store.transactions(), CLOCK);
    desk = new PatientAtReception(patients, insurance, store.transactions(), CLOCK);
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private static PatientForm suzuki(String alias, String address) {
    return new PatientForm("鈴木", "一郎", "スズキ", "イチロウ", alias, "1", "S23.3.3", "160-0022", address, "03-1234-5678",
        "090-1234-5678", "鈴木花子（妻）", "090-8765-4321", "ペニシリン禁");
  }

  private static InsuranceForm elderly(String symbol) {
    return new InsuranceForm("01130012", symbol, "345", "01", "1", "R5.4.1", "R5.4.1", "", "2", "", false, "B04", "", "");
  }

  private long register(PatientEntry entry) {
    return desk.register(clerk, entry, false).registered().orElseThrow().id();
  }

  @Test
  void aPatientWithAliasElderlyCertificateAndTwoPublicExpensesGetsOneCombinationPerPublicExpenseAndOneWithBoth() {
    long id = register(new PatientEntry(suzuki("イチさん", "東京都新宿区1-1"), elderly("12"), List.of(NANBYOU, LOCAL,
        new PublicExpenseForm("", "", "", "", ""))));

    var record = store.patientStore().findRecord(id).orElseThrow();
    assertThat(record.details().alias()).isEqualTo("イチさん");
    assertThat(record.details().mobilePhone()).isEqualTo("090-1234-5678");
    assertThat(record.details().emergencyContact()).isEqualTo("鈴木花子（妻）");
    assertThat(record.details().emergencyPhone()).isEqualTo("090-8765-4321");
    assertThat(record.details().memo()).isEqualTo("ペニシリン禁");
    InsuranceRecord ins = store.insuranceStore().insurancesOfPatient(id).get(0);
    assertThat(ins.elderlyRecipientTenths()).isEqualTo(2);
    assertThat(ins.limitCategory()).contains(LimitCategory.B04);
    List<PublicExpense> pes = store.insuranceStore().publicExpensesOfPatient(id);
    assertThat(pes).extracting(PublicExpense::payerNumber).containsExactlyInAnyOrder("54136015", "85144004");
    long nanbyou = pes.stream().filter(p -> p.lawNumber().equals("54")).findFirst().orElseThrow().id();
    long local = pes.stream().filter(p -> p.lawNumber().equals("85")).findFirst().orElseThrow().id();
    assertThat(store.insuranceStore().combinationsOfPatient(id)).extracting(InsuranceCombination::publicExpenseIds)
        .containsExactlyInAnyOrder(List.of(), List.of(nanbyou), List.of(local), List.of(nanbyou, local));
  }

  @Test
  void aPublicExpenseWithAWrongCheckDigitOrEndedBeforeTodayIsRefusedAtItsLineAndNothingIsSaved() {
    long patients = store.patients().count();
    long audit = store.auditEntries().count();
    PublicExpenseForm wrongDigit = new PublicExpenseForm("54136016", "1111111", "R6.4.1", "", "");
    assertThatThrownBy(() -> desk.register(clerk, new PatientEntry(suzuki("", ""), elderly("12"), List.of(LOCAL, wrongDigit)),
        false)).isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(ErrorCode.PUBLIC_PAYER_NUMBER_INVALID);
          assertThat(e.field()).isEqualTo("publicExpense2.payerNumber");
        });
    PublicExpenseForm ended = new PublicExpenseForm("54136015", "1111111", "R6.4.1", "R7.3.31", "");
    assertThatThrownBy(() -> desk.register(clerk, new PatientEntry(suzuki("", ""), elderly("12"), List.of(ended)), false))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(ErrorCode.PUBLIC_EXPENSE_ENDED);
          assertThat(e.field()).isEqualTo("publicExpense1.validTo");
        });
    InsuranceForm endedInsurance = new InsuranceForm("01130012", "12", "345", "01", "1", "R2.4.1", "R2.4.1", "R3.3.31", "", "",
        false, "", "", "");
    assertThatThrownBy(() -> desk.register(clerk, new PatientEntry(suzuki("", ""), endedInsurance, List.of(LOCAL)), false))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(ErrorCode.PUBLIC_EXPENSE_OUTSIDE_INSURANCE);
          assertThat(e.field()).isEqualTo("publicExpense1.validFrom");
        });
    assertThat(store.patients().count()).isEqualTo(patients);
    assertThat(store.auditEntries().count()).isEqualTo(audit);
  }

  @Test
  void editingWritesRevisionTwoForThePatientAndTheInsuranceAndKeepsRevisionOne() {
    long id = register(new PatientEntry(suzuki("", "東京都新宿区1-1"), elderly("12"), List.of(NANBYOU)));
    PatientFile opened = desk.open(clerk, id);
    assertThat(opened.revisions()).isEqualTo(1);
    assertThat(opened.last().author()).isEqualTo("clerk");
    assertThat(opened.insurance()).isPresent();
    assertThat(opened.publicExpenses()).hasSize(1);

    PatientAtReception.Changed changed = desk.change(clerk, opened, new PatientEntry(suzuki("", "東京都渋谷区2-2"), elderly("99"),
        List.of(NANBYOU, LOCAL)), "転居と保険証の記号変更");

    assertThat(changed.written()).isTrue();
    assertThat(changed.revision()).isEqualTo(2);
    List<PatientRevision> history = store.patientStore().history(id);
    assertThat(history).extracting(h -> h.record().patient().address()).containsExactly("東京都新宿区1-1", "東京都渋谷区2-2");
    assertThat(history.get(1).reason()).isEqualTo("転居と保険証の記号変更");
    long insuranceId = opened.insurance().orElseThrow().id();
    assertThat(store.insuranceStore().insuranceHistory(insuranceId)).extracting(r -> r.state().insurance().symbol())
        .containsExactly("12", "99");
    assertThat(store.insuranceStore().insurancesOfPatient(id)).hasSize(1);
    assertThat(store.insuranceStore().publicExpensesOfPatient(id)).hasSize(2);
    assertThat(store.insuranceStore().combinationsOfPatient(id)).hasSize(4);

    PatientFile reopened = desk.open(clerk, id);
    assertThat(reopened.revisions()).isEqualTo(2);
    assertThat(desk.change(clerk, reopened, new PatientEntry(suzuki("", "東京都渋谷区2-2"), elderly("99"), List.of(NANBYOU, LOCAL)),
        "").written()).as("nothing changed: nothing written, no reason needed").isFalse();
    assertThat(store.patientStore().history(id)).hasSize(2);
  }

  @Test
  void anEditWithoutReasonOrOverAStaleStateSavesNothing() {
    long id = register(new PatientEntry(suzuki("", "東京都新宿区1-1"), elderly("12"), List.of()));
    PatientFile opened = desk.open(clerk, id);
    PatientEntry moved = new PatientEntry(suzuki("", "東京都渋谷区2-2"), elderly("99"), List.of(LOCAL));
    assertThatThrownBy(() -> desk.change(clerk, opened, moved, " "))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    desk.change(clerk, opened, new PatientEntry(suzuki("", "東京都中野区3-3"), elderly("12"), List.of()), "転居");
    assertThatThrownBy(() -> desk.change(clerk, opened, moved, "記号変更"))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REVISION_CONFLICT));
    assertThat(store.insuranceStore().insuranceHistory(opened.insurance().orElseThrow().id())).hasSize(1);
    assertThat(store.insuranceStore().publicExpensesOfPatient(id)).isEmpty();
    assertThat(store.patientStore().findRecord(id).orElseThrow().patient().address()).isEqualTo("東京都中野区3-3");
    assertThatThrownBy(() -> desk.change(clerk, desk.open(clerk, id), new PatientEntry(suzuki("", "x"), null, List.of()), "保険削除"))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(ErrorCode.INSURANCE_REMOVAL_UNSUPPORTED);
          assertThat(e.field()).isEqualTo(PatientAtReception.INSURANCE_FIELD_PREFIX + "insurerNumber");
        });
  }

  @Test
  void departmentsAreStoredWithTheClinicAndDefaultToInternalMedicine() {
    assertThat(settings.departments()).isEqualTo(Departments.DEFAULT);
    assertThatThrownBy(() -> settings.updateDepartments(admin, "内科\n小児科"))
        .as("no clinic row yet").isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CLINIC_NOT_SET_UP));
    store.clinics().save(new Clinic("1234567", "13", "紡クリニック", "160-0022", "東京都", "03-1234-5678", "1", 5));
    assertThat(store.receptionSettings().findDepartments()).isEqualTo(Optional.empty());

    settings.updateDepartments(admin, "小児科\n内科、 皮膚科 \n\n");

    assertThat(settings.departments().names()).containsExactly("小児科", "内科", "皮膚科");
    assertThat(store.clinics().find()).get().extracting(Clinic::name).isEqualTo("紡クリニック");
    assertThatThrownBy(() -> settings.updateDepartments(admin, "内科,内科"))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DEPARTMENTS_INVALID));
    assertThatThrownBy(() -> settings.updateDepartments(clerk, "外科"))
        .isInstanceOf(TsumugiException.class);
    assertThat(settings.departments().names()).containsExactly("小児科", "内科", "皮膚科");
  }

  private static Clinic clinic() {
    return new Clinic("1234567", "13", "紡クリニック", "160-0022", "東京都", "03-1234-5678", "1", 5);
  }

  private String registeredNumber(String address) {
    // The same 鈴木一郎 each time: registered despite the likely-duplicate warning.
    long id = desk.register(clerk, new PatientEntry(suzuki("", address), elderly("12"), List.of()), true).registered().orElseThrow().id();
    return store.patientStore().findRecord(id).orElseThrow().patient().patientNumber();
  }

  @Test
  void aNewPatientNumberFormatContinuesTheSequenceWithoutRenumberingOrCollidingAndCanBeSwitchedBack() {
    store.clinics().save(clinic());
    assertThat(settings.patientNumberFormat()).isEqualTo(PatientNumberFormat.DEFAULT);
    assertThat(store.receptionSettings().findPatientNumberFormat()).isEmpty();
    // 240 patients so far: the last one came from the previous system as 000240.
    Patient imported = store.patients().insert(new Patient(0, "000240", "既存", "患者", "キゾン", "カンジャ", Sex.MALE,
        LocalDate.of(1950, 1, 1), "", "", ""));
    assertThat(settings.upcomingPatientSequence()).isEqualTo(241);

    PatientNumberFormat k5 = settings.updatePatientNumberFormat(admin, " K ", "5");

    assertThat(k5).isEqualTo(new PatientNumberFormat("K", 5));
    assertThat(store.receptionSettings().findPatientNumberFormat()).contains(new PatientNumberFormat("K", 5));
    assertThat(registeredNumber("東京都新宿区1-1")).isEqualTo("K00241");
    assertThat(registeredNumber("東京都新宿区1-2")).isEqualTo("K00242");
    assertThat(store.patientStore().findRecord(imported.id()).orElseThrow().patient().patientNumber()).isEqualTo("000240");

    settings.updatePatientNumberFormat(admin, "", "6");

    assertThat(registeredNumber("東京都新宿区1-3")).isEqualTo("000243");
    assertThat(store.patientStore().findRecord(imported.id()).orElseThrow().patient().patientNumber()).isEqualTo("000240");
    assertThat(store.receptionSettings().findPatientNumberFormat()).contains(PatientNumberFormat.DEFAULT);
  }

  @Test
  void aNumberGivenOutsideInTheNewFormatIsNeverHandedOut() {
    store.clinics().save(clinic());
    assertThat(registeredNumber("東京都新宿区1-1")).isEqualTo("000001");
    settings.updatePatientNumberFormat(admin, "A", "5");
    store.patients().insert(new Patient(0, "A00003", "既存", "三郎", "キゾン", "サブロウ", Sex.MALE, LocalDate.of(1950, 1, 3), "",
        "", ""));

    assertThat(registeredNumber("東京都新宿区1-2")).isEqualTo("A00004");
  }

  @Test
  void aBadPatientNumberFormatIsRefusedAtItsFieldAndNothingIsStoredOrAudited() {
    store.clinics().save(clinic());
    long audited = store.auditEntries().count();

    assertThatThrownBy(() -> settings.updatePatientNumberFormat(admin, "KAN1", "5"))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(ErrorCode.PATIENT_NUMBER_FORMAT_INVALID);
          assertThat(e.field()).isEqualTo(PatientNumberFormat.PREFIX_FIELD);
        });
    assertThatThrownBy(() -> settings.updatePatientNumberFormat(admin, "K", "11"))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo(PatientNumberFormat.WIDTH_FIELD));
    assertThatThrownBy(() -> settings.updatePatientNumberFormat(clerk, "K", "5"))
        .isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_PERMITTED));

    assertThat(store.receptionSettings().findPatientNumberFormat()).isEmpty();
    assertThat(store.auditEntries().count()).isEqualTo(audited);
  }

  @Test
  void changingThePatientNumberFormatIsAuditedAsAClinicChangeWithTheFormatOnly() {
    store.clinics().save(clinic());

    settings.updatePatientNumberFormat(admin, "K", "5");

    AuditEntry last = store.auditEntries().last().orElseThrow();
    assertThat(last.action()).isEqualTo(AuditAction.CLINIC_CHANGED);
    assertThat(last.actor()).isEqualTo("admin");
    assertThat(last.target()).isEqualTo("patientNumberFormat");
    assertThat(last.detail()).isEqualTo("patientNumberFormat=K/5");
  }

  @Test
  void thePatientNumberFormatNeedsAClinicRow() {
    assertThatThrownBy(() -> settings.updatePatientNumberFormat(admin, "K", "5"))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CLINIC_NOT_SET_UP));
    assertThat(settings.patientNumberFormat()).isEqualTo(PatientNumberFormat.DEFAULT);
  }
}
