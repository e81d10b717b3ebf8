package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.chart.Allergy;
import jp.tsumugi.app.chart.AllergyKind;
import jp.tsumugi.app.chart.AllergySeverity;
import jp.tsumugi.app.chart.PatientFacts;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.prescription.ClinicMedications;
import jp.tsumugi.app.prescription.safety.DemoSafetyData;
import jp.tsumugi.app.prescription.safety.ExternalMedication;
import jp.tsumugi.app.prescription.safety.ExternalMedications;
import jp.tsumugi.app.prescription.safety.ExternalSource;
import jp.tsumugi.app.prescription.safety.Finding;
import jp.tsumugi.app.prescription.safety.InteractionCsv;
import jp.tsumugi.app.prescription.safety.InteractionTableVersion;
import jp.tsumugi.app.prescription.safety.InteractionTables;
import jp.tsumugi.app.prescription.safety.PrescriptionSafety;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The interaction table, external medication records and the whole safety check (V23) on H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SafetyStoreContractTest {
  static final Instant START = Instant.parse("2026-11-25T01:02:03Z");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  private static final AtomicInteger NUMBER = new AtomicInteger(700);

  protected final MutableClock clock = new MutableClock(START);
  protected LocalStore store;
  private HashChainedAuditLog audit;
  private InteractionTables tables;
  private ExternalMedications externals;
  private PrescriptionSafety safety;
  private long patientId;
  private final Session admin = session("admin", Role.ADMIN);
  private final Session doctor = session("doctor", Role.DOCTOR);

  abstract LocalStore openStore() throws Exception;

  private static Session session(String name, Role role) {
    return new Session(new User(0, name, name, role, "hash", null, true, 0, null, START), "診察室1", START);
  }

  @BeforeAll
  void openOnce() throws Exception {
    store = openStore();
    audit = new HashChainedAuditLog(store.auditEntries(), clock);
    FakeDrugMaster master = FakeDrugMaster.standard();
    tables = new InteractionTables(store.interactionStore(), master, audit, store.transactions(), clock);
    externals = new ExternalMedications(store.externalMedicationStore(), audit, store.transactions(), clock);
    safety = new PrescriptionSafety(master, ClinicMedications.NONE, store.externalMedicationStore(), store.patientFactStore(),
        store.interactionStore(), audit, store.transactions());
  }

  @AfterAll
  void closeOnce() {
    if (store != null) {
      store.close();
    }
  }

  @BeforeEach
  void newPatient() {
    patientId = store.patients().insert(new Patient(0, String.format("%06d", NUMBER.incrementAndGet()), "鈴木", "一郎", "スズキ",
        "イチロウ", Sex.MALE, LocalDate.of(1950, 2, 3), null, null, null)).id();
  }

  private List<AuditEntry> entries() {
    List<AuditEntry> out = new ArrayList<>();
    store.auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry r) {
        out.add(r.entry());
      }
    });
    return out;
  }

  @Test
  void aNewStoreHoldsTheDemoTableMarkedDemoWithTheResourceRowsAndHash() {
    InteractionTableVersion first = tables.versions().get(tables.versions().size() - 1);
    assertThat(first.demo()).isTrue();
    assertThat(first.sourceSha256()).isEqualTo(InteractionCsv.sha256(DemoSafetyData.bytes(DemoSafetyData.INTERACTIONS)));
    List<InteractionCsv.Row> stored = store.interactionStore().rows(first.version());
    InteractionCsv.Preview demo = DemoSafetyData.interactions();
    assertThat(stored).extracting(InteractionCsv.Row::interaction).containsExactlyElementsOf(demo.interactions());
    assertThat(stored).extracting(InteractionCsv.Row::nameA).containsExactlyElementsOf(demo.rows().stream()
        .map(InteractionCsv.Row::nameA).toList());
    assertThat(store.interactionStore().combinations()).containsExactlyInAnyOrderElementsOf(DemoSafetyData.combinationRows());
    assertThat(store.interactionStore().controlledLimits()).containsExactlyInAnyOrderElementsOf(DemoSafetyData.controlledRows());
  }

  @Test
  void aFileWithAnyProblemSavesNothingAndACleanOneBecomesTheCurrentVersionAndExportsBack() {
    int before = tables.versions().size();
    String header = "ingredient_a,ingredient_b,severity,mechanism,source_reference\n";
    String bad = header + "1124007,6290004,CONTRAINDICATED,CYP3A4,添付文書\n6290004,1124007,CAUTION,x,doc\n";
    assertThatThrownBy(() -> tables.importTable(admin, "clinic", bad.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INTERACTION_CSV_HAS_ERRORS));
    String unknown = header + "1124007,9999999,CAUTION,x,doc\n";
    assertThat(tables.preview(admin, unknown.getBytes(StandardCharsets.UTF_8)).problems())
        .containsExactly(new InteractionCsv.Problem(2, ErrorCode.INTERACTION_CSV_UNKNOWN_KEY));
    assertThat(tables.versions()).hasSize(before);
    String good = header + "6290004,1124007,CONTRAINDICATED,CYP3A4,添付文書 ハルシオン錠\n2189017,3399007,CAUTION,\"a, b\",doc\n";
    byte[] sjis = good.getBytes(InteractionCsv.SHIFT_JIS);
    clock.advance(Duration.ofMinutes(1));
    InteractionTableVersion v = tables.importTable(admin, "当院の表", sjis);
    assertThat(v.demo()).isFalse();
    assertThat(tables.current()).contains(v);
    byte[] exported = tables.export(admin);
    InteractionCsv.Preview back = tables.preview(admin, exported);
    assertThat(back.problems()).isEmpty();
    assertThat(back.interactions()).containsExactlyElementsOf(InteractionCsv.parse(sjis, k -> true).interactions());
    List<AuditEntry> entries = entries();
    assertThat(entries).extracting(AuditEntry::action).contains(AuditAction.INTERACTION_TABLE_IMPORTED,
        AuditAction.INTERACTION_TABLE_EXPORTED);
    // both this table and the demo one hold triazolam + itraconazole, which the whole-check test relies on
  }

  @Test
  void externalRecordsAreStoredListedAndTakenOnlyInsideTheirPeriod() {
    ExternalMedication m = externals.add(doctor, patientId, "610412126", "1124007F1011", "トリアゾラム錠", TODAY.minusDays(14), 14,
        ExternalSource.NOTEBOOK, TODAY.minusDays(10));
    ExternalMedication n = externals.add(doctor, patientId, "616290177", "6290004M1029", "イトリゾール", TODAY.minusDays(1), 30,
        ExternalSource.NATIONAL, null);
    assertThat(externals.list(doctor, patientId)).containsExactly(n, m);
    assertThat(store.externalMedicationStore().takenOn(patientId, TODAY)).containsExactly(n);
    assertThat(store.externalMedicationStore().takenOn(patientId, TODAY.minusDays(1))).containsExactly(m, n);
    assertThatThrownBy(() -> externals.add(doctor, patientId, "x", "", "x", TODAY, 0, ExternalSource.OTHER, null))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.EXTERNAL_MED_DAYS));
    assertThatThrownBy(() -> externals.add(doctor, patientId, "x", "", "x", TODAY, 1, ExternalSource.OTHER, TODAY.plusDays(1)))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.EXTERNAL_MED_FUTURE));
    assertThat(externals.list(doctor, patientId)).hasSize(2);
  }

  @Test
  void theWholeCheckFindsTheExternalDrugAndTheChartAllergyAndIsAudited() {
    externals.add(doctor, patientId, "616290177", "6290004M1029", "イトリゾール", TODAY.minusDays(3), 14, ExternalSource.NOTEBOOK,
        TODAY.minusDays(3));
    new PatientFacts(store.patientFactStore(), audit, store.transactions(), clock).add(doctor, patientId,
        new Allergy(AllergyKind.DRUG_INGREDIENT, "1141007", "アセトアミノフェン", "", AllergySeverity.SEVERE));
    PrescriptionSafety.Report r = safety.check(doctor, patientId, TODAY, List.of(new PrescriptionSafety.Order("611120055", 7),
        new PrescriptionSafety.Order("622081101", 7)));
    assertThat(r.findings()).extracting(f -> f.kind() + "/" + f.drugCode() + "/" + f.other() + "/" + f.otherCode())
        .containsExactly("CONTRAINDICATED_COMBINATION/611120055/EXTERNAL_RECORD/616290177", "ALLERGY/622081101/CHART_ALLERGY/1141007");
    Finding f = r.findings().get(0);
    assertThat(f.otherSourceName()).isEqualTo("NOTEBOOK");
    assertThat(f.otherDate()).isEqualTo(TODAY.minusDays(3));
    assertThat(r.table()).isPresent();
    assertThat(entries()).filteredOn(e -> e.action() == AuditAction.RX_CHECK_RUN).last()
        .satisfies(e -> assertThat(e.detail()).startsWith("current=1,allergies=1,contraindications=0,table="));
    assertThatThrownBy(() -> safety.check(doctor, patientId, TODAY, List.of(new PrescriptionSafety.Order("999999999", 7))))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.RX_CHECK_DRUG_UNKNOWN));
  }
}
