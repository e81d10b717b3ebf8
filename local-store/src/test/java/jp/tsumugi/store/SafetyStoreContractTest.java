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
import java.util.function.Consumer;
import java.util.stream.Stream;
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
import jp.tsumugi.app.prescription.safety.ExternalMedicationStore;
import jp.tsumugi.app.prescription.safety.Finding;
import jp.tsumugi.app.prescription.safety.FindingKind;
import jp.tsumugi.app.prescription.safety.FindingLevel;
import jp.tsumugi.app.prescription.safety.InteractionCsv;
import jp.tsumugi.app.prescription.safety.InteractionTableVersion;
import jp.tsumugi.app.prescription.safety.InteractionTables;
import jp.tsumugi.app.prescription.safety.PrescriptionSafety;
import jp.tsumugi.app.prescription.safety.SafetyTableStore;
import jp.tsumugi.app.prescription.safety.SafetyTables;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
  private SafetyTables safetyTables;
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
    externals = new ExternalMedications(store.externalMedicationStore(), master, audit, store.transactions(), clock);
    safetyTables = new SafetyTables(store.safetyTableStore(), master, audit, store.transactions(), clock);
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

  // --- docs/adr/0033: table editors, external record removal, unchecked records --------------------------------------

  private List<Object> tableSnapshot() {
    List<Object> all = new ArrayList<>();
    all.addAll(store.safetyTableStore().clinicLimitRows());
    all.addAll(store.safetyTableStore().combinationRows());
    all.addAll(store.safetyTableStore().controlledRows());
    return all;
  }

  static Stream<Arguments> badTableEdits() {
    Consumer<SafetyTables> unknownDrug = t -> t.setLimit(ADMIN, "999999999", 14);
    Consumer<SafetyTables> unknownKey = t -> t.setLimit(ADMIN, "9999999", 14);
    Consumer<SafetyTables> badCode = t -> t.setLimit(ADMIN, "12345", 14);
    Consumer<SafetyTables> zeroDays = t -> t.setLimit(ADMIN, "611120055", 0);
    Consumer<SafetyTables> tooManyDays = t -> t.setLimit(ADMIN, "1124007", 366);
    Consumer<SafetyTables> removeMissing = t -> t.removeLimit(ADMIN, "616290177");
    Consumer<SafetyTables> repeatedPart = t -> t.setCombination(ADMIN, "2189017", List.of("1141007", "1141007"));
    Consumer<SafetyTables> selfPart = t -> t.setCombination(ADMIN, "2189017", List.of("2189017", "1141007"));
    Consumer<SafetyTables> onePart = t -> t.setCombination(ADMIN, "2189017", List.of("1141007"));
    Consumer<SafetyTables> unknownPart = t -> t.setCombination(ADMIN, "2189017", List.of("1141007", "9999999"));
    Consumer<SafetyTables> removeMissingProduct = t -> t.removeCombination(ADMIN, "6290004");
    Consumer<SafetyTables> badClass = t -> t.setControlled(ADMIN, "1129009", "睡眠薬", 30);
    Consumer<SafetyTables> controlledDays = t -> t.setControlled(ADMIN, "1129009", "向精神薬第三種", 400);
    Consumer<SafetyTables> controlledUnknown = t -> t.setControlled(ADMIN, "1129999", "向精神薬第三種", 30);
    Consumer<SafetyTables> removeMissingControlled = t -> t.removeControlled(ADMIN, "6290004");
    return Stream.of(
        Arguments.of("limit: drug not in the master", unknownDrug, ErrorCode.RX_TABLE_DRUG_UNKNOWN),
        Arguments.of("limit: key not in the master", unknownKey, ErrorCode.RX_TABLE_KEY_UNKNOWN),
        Arguments.of("limit: neither code nor key", badCode, ErrorCode.RX_TABLE_CODE_FORMAT),
        Arguments.of("limit: 0 days", zeroDays, ErrorCode.RX_TABLE_DAYS),
        Arguments.of("limit: 366 days", tooManyDays, ErrorCode.RX_TABLE_DAYS),
        Arguments.of("limit: remove a missing one", removeMissing, ErrorCode.RX_TABLE_NOT_FOUND),
        Arguments.of("combination: an ingredient twice", repeatedPart, ErrorCode.RX_TABLE_DUPLICATE),
        Arguments.of("combination: itself as an ingredient", selfPart, ErrorCode.RX_TABLE_DUPLICATE),
        Arguments.of("combination: one ingredient", onePart, ErrorCode.RX_TABLE_COMBINATION_SIZE),
        Arguments.of("combination: unknown ingredient", unknownPart, ErrorCode.RX_TABLE_KEY_UNKNOWN),
        Arguments.of("combination: remove a missing one", removeMissingProduct, ErrorCode.RX_TABLE_NOT_FOUND),
        Arguments.of("controlled: unknown class", badClass, ErrorCode.RX_TABLE_DRUG_CLASS),
        Arguments.of("controlled: 400 days", controlledDays, ErrorCode.RX_TABLE_DAYS),
        Arguments.of("controlled: unknown key", controlledUnknown, ErrorCode.RX_TABLE_KEY_UNKNOWN),
        Arguments.of("controlled: remove a missing one", removeMissingControlled, ErrorCode.RX_TABLE_NOT_FOUND));
  }

  static final Session ADMIN = session("admin", Role.ADMIN);

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("badTableEdits")
  void aBadTableEditHasItsOwnCodeAndSavesNothing(String what, Consumer<SafetyTables> edit, ErrorCode expected) {
    List<Object> before = tableSnapshot();
    assertThatThrownBy(() -> edit.accept(safetyTables))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(expected));
    assertThat(tableSnapshot()).isEqualTo(before);
  }

  @Test
  void aDoctorMayReadTheTablesButNotChangeThem() {
    assertThat(safetyTables.controlled(doctor)).isNotEmpty();
    assertThatThrownBy(() -> safetyTables.setLimit(doctor, "611120055", 7)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void tableEditsAreStoredAuditedAndUsedByTheNextCheck() {
    PrescriptionSafety.Order clarith = new PrescriptionSafety.Order("616140105", 10);
    assertThat(safety.check(doctor, patientId, TODAY, List.of(clarith)).findings()).isEmpty();
    SafetyTableStore.ClinicLimitRow row = safetyTables.setLimit(ADMIN, "6149003", 7);
    assertThat(row.updatedBy()).isEqualTo("admin");
    assertThat(safetyTables.limits(doctor)).contains(row);
    assertThat(safety.check(doctor, patientId, TODAY, List.of(clarith)).findings())
        .extracting(f -> f.kind() + "/" + f.params().get("limitSource") + "/" + f.params().get("limit"))
        .containsExactly("DAYS_LIMIT/CLINIC/7");
    safetyTables.setLimit(ADMIN, "6149003", 10); // replaced, not added
    assertThat(safetyTables.limits(doctor)).filteredOn(r -> r.code().equals("6149003")).extracting(SafetyTableStore.ClinicLimitRow::days)
        .containsExactly(10);
    assertThat(safety.check(doctor, patientId, TODAY, List.of(clarith)).findings()).isEmpty();
    safetyTables.removeLimit(ADMIN, "6149003");
    assertThat(safetyTables.limits(doctor)).noneMatch(r -> r.code().equals("6149003"));

    // a combination product: クレストール made up (for the test) of acetaminophen and clarithromycin
    List<DemoSafetyData.CombinationRow> rows = safetyTables.setCombination(ADMIN, "2189017", List.of("1141007", "6149003"));
    assertThat(rows).extracting(DemoSafetyData.CombinationRow::ingredientKey).containsExactly("1141007", "6149003");
    assertThat(rows).allSatisfy(r -> assertThat(r.productName()).isNotBlank());
    PrescriptionSafety.Order crestor = new PrescriptionSafety.Order("620002477", 7);
    assertThat(safety.check(doctor, patientId, TODAY, List.of(crestor, clarith)).findings())
        .extracting(f -> f.kind() + "/" + f.drugCode()).contains("DUPLICATE/616140105");
    safetyTables.setCombination(ADMIN, "2189017", List.of("1141007", "3943001"));
    assertThat(safetyTables.combinations(doctor)).filteredOn(r -> r.productKey().equals("2189017"))
        .extracting(DemoSafetyData.CombinationRow::ingredientKey).containsExactly("1141007", "3943001");
    safetyTables.removeCombination(ADMIN, "2189017");
    assertThat(safetyTables.combinations(doctor)).noneMatch(r -> r.productKey().equals("2189017"));

    safetyTables.setControlled(ADMIN, "1129009", "向精神薬第三種", 14);
    assertThat(safety.check(doctor, patientId, TODAY, List.of(new PrescriptionSafety.Order("610443047", 20))).findings())
        .extracting(f -> f.params().get("limitSource") + "/" + f.params().get("limit")).containsExactly("CONTROLLED/14");
    safetyTables.setControlled(ADMIN, "1129009", "向精神薬第三種", 30);
    assertThat(entries()).extracting(AuditEntry::action).contains(AuditAction.RX_TABLE_LIMIT_SET, AuditAction.RX_TABLE_LIMIT_REMOVED,
        AuditAction.RX_TABLE_COMBINATION_SET, AuditAction.RX_TABLE_COMBINATION_REMOVED, AuditAction.RX_TABLE_CONTROLLED_SET);
  }

  @Test
  void aRemovedExternalRecordStaysInTheHistoryButIsNoLongerTaken() {
    ExternalMedication m = externals.addFromMaster(doctor, patientId, "616290177", TODAY.minusDays(2), 14, ExternalSource.NOTEBOOK,
        TODAY.minusDays(2), "山田内科");
    assertThat(m.yjCode()).isEqualTo("6290004M1029");
    assertThat(m.name()).isEqualTo("イトリゾールカプセル５０　５０ｍｇ");
    assertThat(m.clinicName()).isEqualTo("山田内科");
    PrescriptionSafety.Order halcion = new PrescriptionSafety.Order("611120055", 7);
    assertThat(safety.check(doctor, patientId, TODAY, List.of(halcion)).findings()).hasSize(1);
    clock.advance(Duration.ofMinutes(5));
    ExternalMedicationStore.Removal r = externals.remove(doctor, patientId, m.id(), "服用終了と確認");
    assertThat(safety.check(doctor, patientId, TODAY, List.of(halcion)).findings()).isEmpty();
    assertThat(externals.list(doctor, patientId)).isEmpty();
    assertThat(externals.history(doctor, patientId)).singleElement().satisfies(e -> {
      assertThat(e.record()).isEqualTo(m);
      assertThat(e.removal()).contains(r);
      assertThat(e.removal().get().by()).isEqualTo("doctor");
      assertThat(e.removal().get().at()).isEqualTo(clock.instant());
    });
    assertThatThrownBy(() -> externals.remove(doctor, patientId, m.id(), "again"))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.EXTERNAL_MED_ALREADY_REMOVED));
    assertThatThrownBy(() -> externals.remove(doctor, patientId + 100_000, m.id(), "x"))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.EXTERNAL_MED_NOT_FOUND));
    assertThatThrownBy(() -> externals.remove(doctor, patientId, m.id(), " "))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.EXTERNAL_MED_REASON));
    assertThat(entries()).filteredOn(e -> e.action() == AuditAction.EXTERNAL_MED_REMOVED).last()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("record=" + m.id()));
  }

  @Test
  void anExternalRecordOfADrugNotInTheMasterOnItsStartDateIsRefused() {
    assertThatThrownBy(() -> externals.addFromMaster(doctor, patientId, "999999999", TODAY, 7, ExternalSource.OTHER, TODAY, ""))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.EXTERNAL_MED_DRUG_UNKNOWN));
    assertThat(externals.history(doctor, patientId)).isEmpty();
  }

  @Test
  void anExternalRecordWithoutAYjCodeIsMatchedThroughTheMasterOrReportedAsNotChecked() {
    externals.add(doctor, patientId, "610412126", "", "トリアゾラム（手帳より）", TODAY.minusDays(1), 14, ExternalSource.NOTEBOOK,
        TODAY.minusDays(1));
    ExternalMedication unknown = externals.add(doctor, patientId, "", "", "漢方薬（名称のみ）", TODAY.minusDays(3), 28,
        ExternalSource.OTHER, TODAY.minusDays(3));
    PrescriptionSafety.Report r = safety.check(doctor, patientId, TODAY, List.of(new PrescriptionSafety.Order("611120055", 7)));
    assertThat(r.findings()).extracting(f -> f.kind() + "/" + f.level() + "/" + f.otherCode() + "/" + f.otherSourceName())
        .containsExactly("DUPLICATE/CAUTION/610412126/NOTEBOOK", "UNCHECKED_RECORD/INFO//OTHER");
    Finding u = r.findings().get(1);
    assertThat(u.kind()).isEqualTo(FindingKind.UNCHECKED_RECORD);
    assertThat(u.level()).isEqualTo(FindingLevel.INFO);
    assertThat(u.otherName()).isEqualTo("漢方薬（名称のみ）");
    assertThat(u.otherDate()).isEqualTo(TODAY.minusDays(3));
    assertThat(u.params()).containsEntry("reference", Long.toString(unknown.id()));
  }
}
