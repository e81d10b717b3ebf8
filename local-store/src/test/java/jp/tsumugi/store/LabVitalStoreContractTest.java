package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tsumugi.app.audit.AuditVerifier;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.chart.AbnormalFlag;
import jp.tsumugi.app.chart.ChartLabs;
import jp.tsumugi.app.chart.ChartVitals;
import jp.tsumugi.app.chart.LabCsvImport;
import jp.tsumugi.app.chart.LabItem;
import jp.tsumugi.app.chart.LabPoint;
import jp.tsumugi.app.chart.LabResult;
import jp.tsumugi.app.chart.LabRevision;
import jp.tsumugi.app.chart.LabValue;
import jp.tsumugi.app.chart.RecordConflictException;
import jp.tsumugi.app.chart.ReferenceRange;
import jp.tsumugi.app.chart.VitalRevision;
import jp.tsumugi.app.chart.Vitals;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Lab results, the lab catalogue, vitals and the lab CSV import (V18, V19) on H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LabVitalStoreContractTest {
  static final Instant START = Instant.parse("2026-11-25T01:02:03Z");
  private static final AtomicInteger NUMBER = new AtomicInteger(700);

  protected final MutableClock clock = new MutableClock(START);
  protected LocalStore store;
  private ChartLabs labs;
  private ChartVitals vitals;
  private LabCsvImport importer;
  private long patientId;
  private String patientNumber;
  private final Session nurse = new Session(new User(0, "nurse", "nurse", Role.NURSE, "hash", null, true, 0, null, START), "処置室",
      START);

  abstract LocalStore openStore() throws Exception;

  @BeforeAll
  void openOnce() throws Exception {
    store = openStore();
    HashChainedAuditLog audit = new HashChainedAuditLog(store.auditEntries(), clock);
    labs = new ChartLabs(store.labStore(), audit, store.transactions(), clock);
    vitals = new ChartVitals(store.vitalStore(), audit, store.transactions(), clock);
    importer = new LabCsvImport(store.labStore(), labs, audit, store.transactions(), clock);
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
    patientNumber = String.format("%06d", NUMBER.incrementAndGet());
    patientId = store.patients().insert(new Patient(0, patientNumber, "佐藤", "花子", "サトウ", "ハナコ", Sex.FEMALE,
        LocalDate.of(1970, 2, 3), null, null, null)).id();
  }

  private static LabResult lab(String code, String value, LocalDate date) {
    return new LabResult(code, "", LabValue.numeric(value), "", null, null, date, null);
  }

  @Test
  void theSeededCatalogueHasTheCommonTestsWithJlac10OnlyWhereKnown() {
    List<LabItem> items = labs.catalogue(nurse);
    assertThat(items).extracting(LabItem::localCode).contains("AST", "ALT", "GGT", "TBIL", "ALB", "TP", "BUN", "CRE", "EGFR", "UA",
        "NA", "K", "CL", "TC", "HDLC", "LDLC", "TG", "GLU", "HBA1C", "CRP", "WBC", "RBC", "HB", "HT", "PLT");
    assertThat(items).filteredOn(i -> !i.jlac10().isEmpty()).extracting(LabItem::localCode)
        .containsExactlyInAnyOrder("ALB", "K", "EGFR", "UPRO");
    LabItem cre = store.labStore().item("CRE").orElseThrow();
    assertThat(cre.rangeFor(Sex.FEMALE).high()).isEqualByComparingTo("0.79");
    assertThat(cre.rangeFor(Sex.MALE).high()).isEqualByComparingTo("1.07");
    assertThat(store.labStore().item("EGFR").orElseThrow().range().high()).isNull();
  }

  @Test
  void theClinicMapsAJlac10CodeToATestAndTheImportThenAcceptsIt() {
    Session admin = new Session(new User(0, "admin", "admin", Role.ADMIN, "hash", null, true, 0, null, START), "事務室", START);
    LabItem ast = store.labStore().item("AST").orElseThrow();
    assertThatThrownBy(() -> labs.saveItem(nurse, ast)).isInstanceOf(TsumugiException.class);
    assertThatThrownBy(() -> labs.saveItem(admin, new LabItem("AST", "AST", "3B035", "U/L", false, ast.range(), null, 30)))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.LAB_JLAC10_FORMAT));
    String jlac10 = "3B035000002327201";
    labs.saveItem(admin, new LabItem("AST", "AST(GOT)", jlac10, "U/L", false, ast.range(), null, 30));
    assertThat(store.labStore().item("AST").orElseThrow().jlac10()).isEqualTo(jlac10);
    assertThat(labs.catalogue(nurse)).filteredOn(i -> i.localCode().equals("AST")).singleElement()
        .satisfies(i -> assertThat(i.name()).isEqualTo("AST(GOT)"));
    byte[] csv = ("patient_number,specimen_date,test_code,value\n" + patientNumber + ",2026-11-01," + jlac10 + ",45\n")
        .getBytes(StandardCharsets.UTF_8);
    LabCsvImport.Preview preview = importer.preview(nurse, csv, null);
    assertThat(importer.accept(nurse, preview, csv)).isEqualTo(1);
    assertThat(labs.newest(nurse, patientId, 1)).singleElement().satisfies(r -> {
      assertThat(r.result().jlac10()).isEqualTo(jlac10);
      assertThat(r.testName()).isEqualTo("AST(GOT)");
      assertThat(r.flag()).isEqualTo(AbnormalFlag.H);
    });
    labs.saveItem(admin, ast);
  }

  @Test
  void aResultRoundTripsExactlyWithCatalogueFillInsAndAComputedOrGivenFlag() {
    LabRevision k = labs.add(nurse, patientId, new LabResult("K", "", LabValue.numeric("5.20"), "", ReferenceRange.numeric(
        new BigDecimal("3.6"), new BigDecimal("4.8")), null, LocalDate.of(2026, 11, 20), null));
    assertThat(k.flag()).isEqualTo(AbnormalFlag.H);
    LabRevision read = labs.history(nurse, k.recordId()).get(0);
    assertThat(read).isEqualTo(k);
    assertThat(read.result().value().display()).isEqualTo("5.20");
    assertThat(read.result().jlac10()).isEqualTo("3H015000002326101");
    assertThat(read.result().unit()).isEqualTo("mmol/L");
    assertThat(read.testName()).isEqualTo("カリウム");
    LabRevision given = labs.add(nurse, patientId, new LabResult("UPRO", "", LabValue.qualitative("2+"), "",
        ReferenceRange.qualitative("(-)"), AbnormalFlag.N, LocalDate.of(2026, 11, 20), null));
    assertThat(labs.history(nurse, given.recordId()).get(0).flag()).isEqualTo(AbnormalFlag.N);
    assertThat(labs.history(nurse, given.recordId()).get(0).result().flag()).isEqualTo(AbnormalFlag.N);
  }

  @Test
  void latestPerTestSeriesAndNewestFollowChangesAndTombstones() {
    LocalDate d = LocalDate.of(2026, 1, 10);
    LabRevision hb1 = labs.add(nurse, patientId, lab("HB", "12.0", d));
    labs.add(nurse, patientId, lab("HB", "11.0", d.plusMonths(2)));
    LabRevision hb3 = labs.add(nurse, patientId, lab("HB", "10.5", d.plusMonths(1)));
    LabRevision alb = labs.add(nurse, patientId, lab("ALB", "4.0", d.plusMonths(1)));
    assertThat(alb.result().range().low()).as("the catalogue's range when none is given").isEqualByComparingTo("4.1");
    assertThat(alb.flag()).isEqualTo(AbnormalFlag.L);
    LabRevision ast = labs.add(nurse, patientId, lab("AST", "25", d));
    assertThat(labs.latestPerTest(nurse, patientId)).extracting(r -> r.result().localCode() + "=" + r.result().value().display())
        .containsExactly("ALB=4.0", "AST=25", "HB=11.0");
    assertThat(labs.series(nurse, patientId, "HB")).extracting(LabPoint::value).extracting(BigDecimal::toPlainString)
        .containsExactly("12.0", "10.5", "11.0");
    assertThat(labs.series(nurse, patientId, "HB")).extracting(LabPoint::flag)
        .containsExactly(AbnormalFlag.N, AbnormalFlag.L, AbnormalFlag.L);
    // moving an older result after the newest makes it the latest; a tombstoned one leaves every query
    labs.change(nurse, hb3.recordId(), 1, lab("HB", "10.6", d.plusMonths(3)), "採取日の誤り");
    labs.tombstone(nurse, ast.recordId(), 1, "別患者の結果");
    assertThat(labs.latestPerTest(nurse, patientId)).extracting(r -> r.result().localCode() + "=" + r.result().value().display())
        .containsExactly("ALB=4.0", "HB=10.6");
    assertThat(labs.newest(nurse, patientId, 2)).extracting(r -> r.result().value().display()).containsExactly("10.6", "11.0");
    assertThat(labs.series(nurse, patientId, "AST")).isEmpty();
    assertThat(labs.history(nurse, hb1.recordId())).hasSize(1);
    assertThat(labs.history(nurse, ast.recordId())).extracting(LabRevision::isTombstone).containsExactly(false, true);
    assertThatThrownBy(() -> labs.change(nurse, hb3.recordId(), 1, lab("HB", "10.7", d), "二重"))
        .isInstanceOfSatisfying(RecordConflictException.class, e -> assertThat(((LabRevision) e.stored()).revision()).isEqualTo(2));
    assertThatThrownBy(() -> labs.change(nurse, ast.recordId(), 2, lab("AST", "25", d), "戻す"))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CHART_RECORD_TOMBSTONED));
    assertThat(new AuditVerifier(store.auditEntries()).verify().intact()).isTrue();
  }

  @Test
  void invalidLabInputFailsAtItsFieldAndSavesNothing() {
    int before = StoreTestAccess.countRows(store, "chart_revision");
    LocalDate d = LocalDate.of(2026, 11, 1);
    assertLab(lab("H B", "1", d), "localCode", ErrorCode.LAB_CODE_FORMAT);
    assertLab(lab("NOPE", "1", d), "localCode", ErrorCode.LAB_TEST_UNKNOWN);
    assertLab(new LabResult("HB", "3H01500000232610", LabValue.numeric("1"), "", null, null, d, null), "jlac10",
        ErrorCode.LAB_JLAC10_FORMAT);
    assertLab(new LabResult("HB", "", LabValue.qualitative("陽性"), "", null, null, d, null), "value", ErrorCode.LAB_VALUE_INVALID);
    assertLab(lab("HB", "1.23456", d), "value", ErrorCode.LAB_VALUE_INVALID);
    assertLab(new LabResult("HB", "", LabValue.numeric("1"), "mmol/L", null, null, d, null), "unit", ErrorCode.LAB_UNIT_MISMATCH);
    assertLab(new LabResult("HB", "", LabValue.numeric("1"), "", ReferenceRange.numeric(BigDecimal.TEN, BigDecimal.ONE), null, d,
        null), "range", ErrorCode.LAB_RANGE_INVALID);
    assertLab(lab("HB", "1", null), "specimenDate", ErrorCode.LAB_SPECIMEN_DATE_INVALID);
    assertLab(lab("HB", "1", LocalDate.of(2026, 11, 26)), "specimenDate", ErrorCode.LAB_SPECIMEN_DATE_FUTURE);
    assertThat(StoreTestAccess.countRows(store, "chart_revision")).isEqualTo(before);
  }

  @Test
  void vitalsRoundTripWithBmiAndLatestAndSeriesFollowTheMeasurementTime() {
    Instant t = START.minusSeconds(86_400L * 30);
    VitalRevision first = vitals.add(nurse, patientId, new Vitals(t, 132, 84, 72, new BigDecimal("36.8"), 97, new BigDecimal("158.0"),
        new BigDecimal("52.5"), null));
    vitals.add(nurse, patientId, new Vitals(t.plusSeconds(86_400L * 20), null, null, null, new BigDecimal("37.9"), null, null, null,
        null));
    VitalRevision middle = vitals.add(nurse, patientId, new Vitals(t.plusSeconds(86_400L * 10), 118, 70, null, null, null, null, null,
        null));
    assertThat(vitals.history(nurse, first.recordId()).get(0)).isEqualTo(first);
    assertThat(vitals.history(nurse, first.recordId()).get(0).vitals().bmi()).isEqualTo(new BigDecimal("21.0"));
    assertThat(StoreTestAccess.countRows(store, "chart_vital_content")).isPositive();
    assertThat(vitals.latest(nurse, patientId).orElseThrow().vitals().temperature()).isEqualTo(new BigDecimal("37.9"));
    assertThat(vitals.series(nurse, patientId)).extracting(v -> v.vitals().measuredAt())
        .containsExactly(t, t.plusSeconds(86_400L * 10), t.plusSeconds(86_400L * 20));
    vitals.change(nurse, middle.recordId(), 1, new Vitals(t.plusSeconds(86_400L * 25), 120, 70, null, null, null, null, null, null),
        "時刻の誤り");
    assertThat(vitals.latest(nurse, patientId).orElseThrow().vitals().systolic()).isEqualTo(120);
    vitals.tombstone(nurse, middle.recordId(), 2, "誤入力");
    assertThat(vitals.series(nurse, patientId)).hasSize(2);
    assertThatThrownBy(() -> vitals.add(nurse, patientId, new Vitals(t, 120, 130, null, null, null, null, null, null)))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.VITAL_DIASTOLIC_RANGE));
    assertThatThrownBy(() -> vitals.change(nurse, first.recordId(), 0, first.vitals(), "x"))
        .isInstanceOf(RecordConflictException.class);
    assertThat(vitals.history(nurse, middle.recordId())).hasSize(3);
  }

  @Test
  void csvPreviewSavesNothingAndAcceptSavesTheOkLinesOnceInOneGo() {
    String csv = "patient_number,specimen_date,test_code,value,unit,flag,range_low,range_high\n"
        + patientNumber + ",2026-11-20,HB,11.2,g/dL,,,\n"
        + patientNumber + ",2026-11-20,8A065000002391901,55,,,,\n"
        + patientNumber + ",2026-11-20,XX,1,,,,\n"
        + "999999,2026-11-20,HB,11.2,,,,\n";
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    int before = StoreTestAccess.countRows(store, "chart_lab_content");
    LabCsvImport.Preview preview = importer.preview(nurse, bytes, null);
    assertThat(preview.okCount()).isEqualTo(2);
    assertThat(StoreTestAccess.countRows(store, "chart_lab_content")).isEqualTo(before);
    assertThat(importer.accept(nurse, preview, bytes)).isEqualTo(2);
    assertThat(labs.latestPerTest(nurse, patientId)).extracting(r -> r.result().localCode() + ":" + r.flag())
        .containsExactly("EGFR:L", "HB:L");
    assertThatThrownBy(() -> importer.accept(nurse, preview, bytes)).isInstanceOfSatisfying(TsumugiException.class,
        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.LAB_IMPORT_STALE));
    assertThat(importer.preview(nurse, bytes, null).lines().get(0).problems()).extracting(LabCsvImport.Problem::code)
        .containsExactly(ErrorCode.LAB_IMPORT_DUPLICATE_STORED);
    assertThat(StoreTestAccess.countRows(store, "chart_lab_content")).isEqualTo(before + 2);
  }

  @Test
  void rawUpdateDeleteAndTruncateOnLabAndVitalContentFail() {
    labs.add(nurse, patientId, lab("HB", "12.0", LocalDate.of(2026, 1, 1)));
    vitals.add(nurse, patientId, new Vitals(START, 120, 80, null, null, null, null, null, null));
    List<String> tables = List.of("chart_lab_content", "chart_vital_content");
    List<Integer> before = tables.stream().map(t -> StoreTestAccess.countRows(store, t)).toList();
    for (String table : tables) {
      for (String sql : List.of("UPDATE " + table + " SET revision_id = revision_id", "DELETE FROM " + table)) {
        assertThatThrownBy(() -> execute(sql)).as(sql).isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CHART_REVISION_IMMUTABLE));
      }
      assertThatThrownBy(() -> execute("TRUNCATE TABLE " + table)).as(table).isInstanceOf(TsumugiException.class);
    }
    assertThat(tables.stream().map(t -> StoreTestAccess.countRows(store, t)).toList()).isEqualTo(before).allMatch(n -> n > 0);
  }

  private int execute(String sql) {
    return store.jdbcTransactions().inTransaction(() -> store.jdbcTransactions().withConnection(c -> {
      try (Statement s = c.createStatement()) {
        return s.executeUpdate(sql);
      }
    }));
  }

  private void assertLab(LabResult result, String field, ErrorCode code) {
    assertThatThrownBy(() -> labs.add(nurse, patientId, result)).as(field + " " + code)
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.errorCode()).isEqualTo(code);
        });
  }
}
