package jp.tsumugi.store.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import jp.tsumugi.app.master.ChangeKind;
import jp.tsumugi.app.master.DiseaseRecord;
import jp.tsumugi.app.master.DrugRecord;
import jp.tsumugi.app.master.MasterImportProgress;
import jp.tsumugi.app.master.MasterImportReport;
import jp.tsumugi.app.master.MasterKind;
import jp.tsumugi.app.master.MasterRecord;
import jp.tsumugi.app.master.MasterRepository;
import jp.tsumugi.app.master.MasterStatus;
import jp.tsumugi.app.master.ModifierPosition;
import jp.tsumugi.app.master.ModifierRecord;
import jp.tsumugi.app.master.ProcedureRecord;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real SSK files in ../shared/masters, imported once into an encrypted H2 store. Expected numbers
 * were counted independently from the files with iconv + awk (distinct codes over the full file and
 * every diff; コメント codes as 区分+パターン+zero-padded 番号).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialMastersTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:02:03Z"), ZoneId.of("Asia/Tokyo"));

  private LocalStore store;
  private MasterRepository masters;
  private MasterImportReport first;
  private final List<MasterImportProgress.Phase> phases = new ArrayList<>();

  static Path sharedMasters() {
    String shared = System.getProperty("tsumugi.shared.dir");
    Path base = shared != null ? Path.of(shared) : Path.of("..", "..", "shared");
    return base.resolve("masters");
  }

  @BeforeAll
  void importAll(@TempDir Path root) {
    store = LocalStore.createH2(new StoreLocation(root.resolve("data"), root.resolve("keys")), CLOCK).store();
    masters = store.masters();
    first = store.masterImporter().importPath(sharedMasters(), (phase, item, done, total) -> phases.add(phase));
  }

  @AfterAll
  void close() {
    store.close();
  }

  @Test
  void recordCountsMatchTheDistinctCodesInTheFiles() {
    MasterStatus status = masters.status();
    assertThat(status.of(MasterKind.S).recordCount()).isEqualTo(10173);
    assertThat(status.of(MasterKind.Y).recordCount()).isEqualTo(21182);
    assertThat(status.of(MasterKind.T).recordCount()).isEqualTo(1360);
    assertThat(status.of(MasterKind.C).recordCount()).isEqualTo(3923);
    assertThat(status.of(MasterKind.B).recordCount()).isEqualTo(27437);
    assertThat(status.of(MasterKind.Z).recordCount()).isEqualTo(2375);
    // b and z have one full file each: every row is one added record.
    assertThat(first.kinds()).filteredOn(k -> k.kind() == MasterKind.B).singleElement()
        .satisfies(k -> assertThat(k.added()).isEqualTo(27437));
    assertThat(status.of(MasterKind.S).files()).hasSize(21);
    assertThat(status.of(MasterKind.S).latestFileDate()).isEqualTo(LocalDate.of(2025, 9, 1));
    assertThat(first.importedFiles()).hasSize(21 + 24 + 12 + 13 + 1 + 1);
    assertThat(phases).contains(MasterImportProgress.Phase.READING, MasterImportProgress.Phase.WRITING,
        MasterImportProgress.Phase.DONE);
  }

  @Test
  void medicalDxAdditionFollowsItsDiffsDayByDay() {
    assertThat(masters.findProcedure("111703470", LocalDate.of(2024, 9, 30))).isEmpty();
    ProcedureRecord october = masters.findProcedure("111703470", LocalDate.of(2024, 10, 1)).orElseThrow();
    assertThat(october.name()).isEqualTo("医療ＤＸ推進体制整備加算１（初診）");
    assertThat(october.points()).isEqualByComparingTo("11");
    assertThat(masters.findProcedure("111703470", LocalDate.of(2025, 3, 31)).orElseThrow().points()).isEqualByComparingTo("11");
    ProcedureRecord april = masters.findProcedure("111703470", LocalDate.of(2025, 4, 1)).orElseThrow();
    assertThat(april.name()).isEqualTo("医療ＤＸ推進体制整備加算４（初診）");
    assertThat(april.basicName()).isEqualTo("医療ＤＸ推進体制整備加算４（初診）");
    assertThat(april.points()).isEqualByComparingTo("10");
    // The 2025-03-07 diff row filled only name, points, old points and dates: the rest is carried over.
    assertThat(april.outpatientAggregation()).isEqualTo("110");
    assertThat(april.kana()).isEqualTo("ｲﾘｮｳDXｽｲｼﾝﾀｲｾｲｾｲﾋﾞｶｻ");
    assertThat(april.validity().change()).isEqualTo(ChangeKind.CHANGED);
    assertThat(masters.history(MasterKind.S, "111703470")).hasSize(2);
  }

  @Test
  void firstVisitFeeCarriesItsAgeAdditionAndAggregation() {
    ProcedureRecord first = masters.findProcedure("111000110", LocalDate.of(2024, 6, 1)).orElseThrow();
    assertThat(first.name()).isEqualTo("初診料");
    assertThat(first.points()).isEqualByComparingTo("291");
    assertThat(first.outpatientAggregation()).isEqualTo("110");
    assertThat(first.ageAdditions()).extracting(ProcedureRecord.AgeAddition::procedureCode).contains("111000370");
    assertThat(masters.findProcedure("111000110", LocalDate.of(2024, 5, 31))).as("R6 rows start 2024-06-01").isEmpty();
  }

  @Test
  void anAbolishedProcedureIsInForceUntilItsLastDayOnly() {
    // s_20241108.csv abolishes five codes: 変更年月日 20241201, 廃止年月日 20241130 (the last day in force).
    List<MasterRecord> abolished = new ArrayList<>();
    masters.forEachLatest(MasterKind.S, r -> {
      if (r.validity().change() == ChangeKind.ABOLISHED && LocalDate.of(2024, 11, 30).equals(r.validity().abolishedOn())) {
        abolished.add(r);
      }
    });
    assertThat(abolished).hasSize(5);
    String code = abolished.get(0).code();
    assertThat(masters.findProcedure(code, LocalDate.of(2024, 11, 30))).isPresent();
    assertThat(masters.findProcedure(code, LocalDate.of(2024, 12, 1))).isEmpty();
    assertThat(masters.history(MasterKind.S, code)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void famotidinePowderKeepsItsExactPriceAndGenericName() {
    DrugRecord gaster = masters.findDrug("610406079", LocalDate.of(2024, 4, 1)).orElseThrow();
    assertThat(gaster.price()).isEqualTo(new BigDecimal("16.50"));
    assertThat(gaster.unit()).isEqualTo("ｇ");
    assertThat(gaster.yjCode()).isEqualTo("2325003B2029");
    assertThat(gaster.genericNameCode()).isEqualTo("2325003B2ZZZ");
    assertThat(gaster.genericPrescriptionName()).isEqualTo("【般】ファモチジン散２％");
    assertThat(gaster.genericAdditionKind()).isEqualTo("2");
    assertThat(gaster.dosageForm()).isEqualTo("1");
  }

  @Test
  void hypertensionLeavesTheSpecificDiseaseListOnTheR6Revision() {
    List<DiseaseRecord> hypertension = new ArrayList<>();
    masters.forEachInForce(MasterKind.B, LocalDate.of(2024, 6, 1), r -> {
      if (r.name().equals("高血圧症")) {
        hypertension.add((DiseaseRecord) r);
      }
    });
    assertThat(hypertension).singleElement().satisfies(d -> {
      assertThat(d.specificDiseaseKind()).isEqualTo("00");
      assertThat(d.icd10First()).isEqualTo("I10");
      assertThat(d.validity().from()).isEqualTo(LocalDate.of(2024, 6, 1));
    });
  }

  @Test
  void modifierPositionPutsSuspicionAfterAndSideBefore() {
    ModifierRecord right = masters.findModifier("2056", LocalDate.of(2025, 6, 1)).orElseThrow();
    assertThat(right.name()).isEqualTo("右");
    assertThat(right.position()).isEqualTo(ModifierPosition.PREFIX);
    ModifierRecord suspected = masters.findModifier("8002", LocalDate.of(2025, 6, 1)).orElseThrow();
    assertThat(suspected.name()).isEqualTo("の疑い");
    assertThat(suspected.position()).isEqualTo(ModifierPosition.SUFFIX);
    List<ModifierRecord> all = new ArrayList<>();
    masters.forEachLatest(MasterKind.Z, r -> all.add((ModifierRecord) r));
    assertThat(all).hasSize(2375);
    // The derivation holds on the whole file: 区分 A8 and code 8xxx coincide exactly (298 suffixes).
    assertThat(all).allSatisfy(m -> assertThat(m.modifierKind().startsWith("A8")).isEqualTo(m.code().startsWith("8")));
    assertThat(all).filteredOn(m -> m.position() == ModifierPosition.SUFFIX).hasSize(298);
  }

  @Test
  void anErasedCommentIsNeverInForce() {
    // c_20240329 added 820101249 from 2024-06-01; c_20240412 erased it (変更区分 1) before it took effect.
    assertThat(masters.findComment("820101249", LocalDate.of(2024, 6, 1))).isEmpty();
    assertThat(masters.history(MasterKind.C, "820101249")).extracting(r -> r.validity().change())
        .endsWith(ChangeKind.ERASED);
    assertThat(masters.findComment("810000001", LocalDate.of(2024, 6, 1))).isPresent();
  }

  @Test
  void importingTheSameFolderAgainChangesNothing() {
    MasterStatus before = masters.status();
    MasterImportReport again = store.masterImporter().importPath(sharedMasters(), MasterImportProgress.NONE);
    assertThat(again.changedNothing()).isTrue();
    assertThat(again.kinds()).allSatisfy(k -> assertThat(k.added() + k.changed() + k.abolished()).isZero());
    assertThat(again.importedFiles()).isEmpty();
    assertThat(again.skippedFiles()).hasSize(first.importedFiles().size());
    assertThat(masters.status()).isEqualTo(before);
  }

  @Test
  void theBundledSetIsTheSameDataSoItAddsNothing() throws Exception {
    MasterStatus before = masters.status();
    MasterImportReport bundled = store.masterImporter().importBundled(MasterImportProgress.NONE);
    assertThat(bundled.changedNothing()).isTrue();
    assertThat(bundled.skippedFiles()).hasSize(first.importedFiles().size());
    assertThat(masters.status()).isEqualTo(before);
    assertThat(Files.isDirectory(sharedMasters())).isTrue();
  }
}
