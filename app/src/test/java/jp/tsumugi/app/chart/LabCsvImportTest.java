package jp.tsumugi.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.chart.LabCsvImport.Line;
import jp.tsumugi.app.chart.LabCsvImport.Preview;
import jp.tsumugi.app.chart.LabCsvImport.Problem;
import jp.tsumugi.app.chart.LabCsvImport.Status;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.testing.DirectTransactions;
import jp.tsumugi.app.testing.InMemoryAuditEntryStore;
import jp.tsumugi.app.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LabCsvImportTest {
  private static final Instant START = Instant.parse("2026-11-25T01:02:03Z");
  private static final String HEADER = "patient_number,specimen_date,test_code,value,unit,flag,range_low,range_high\n";

  private final MutableClock clock = new MutableClock(START);
  private final InMemoryLabStore store = new InMemoryLabStore();
  private final InMemoryAuditEntryStore auditStore = new InMemoryAuditEntryStore();
  private final Session nurse = new Session(new User(0, "nurse", "nurse", Role.NURSE, "hash", null, true, 0, null, START), "処置室",
      START);
  private LabCsvImport importer;
  private long hanako;

  @BeforeEach
  void setUp() {
    HashChainedAuditLog audit = new HashChainedAuditLog(auditStore, clock);
    DirectTransactions tx = new DirectTransactions();
    importer = new LabCsvImport(store, new ChartLabs(store, audit, tx, clock), audit, tx, clock);
    hanako = store.addPatient("000123", Sex.FEMALE);
    store.addPatient("000124", Sex.MALE);
    store.saveItem(new LabItem("ALB", "アルブミン", "3A015000001827101", "g/dL", false,
        ReferenceRange.numeric(new BigDecimal("4.1"), new BigDecimal("5.1")), null, 20));
    store.saveItem(new LabItem("HB", "ヘモグロビン", "", "g/dL", false,
        ReferenceRange.numeric(new BigDecimal("13.7"), new BigDecimal("16.8")),
        ReferenceRange.numeric(new BigDecimal("11.6"), new BigDecimal("14.8")), 230));
    store.saveItem(new LabItem("UPRO", "尿蛋白", "", "", true, ReferenceRange.qualitative("(-)"), null, 260));
  }

  private Preview preview(String csv) {
    return importer.preview(nurse, csv.getBytes(StandardCharsets.UTF_8), null);
  }

  private static List<ErrorCode> codes(Line line) {
    return line.problems().stream().map(Problem::code).toList();
  }

  @Test
  void goodLinesAreOkWithTheCatalogueRangeForTheSexAndNothingIsSavedByPreview() {
    Preview p = preview(HEADER + "000123,2026-11-20,HB,11.2,g/dL,,,\n000124,2026/11/20,3A015000001827101,4.50,,,,\n"
        + "000123,20261119,UPRO,(+),,,,\n");
    assertThat(p.fileProblems()).isEmpty();
    assertThat(p.lines()).extracting(Line::status).containsExactly(Status.OK, Status.OK, Status.OK);
    assertThat(p.lines()).extracting(Line::number).containsExactly(2, 3, 4);
    LabResult hb = p.lines().get(0).result();
    assertThat(hb.range().low()).isEqualByComparingTo("11.6");
    assertThat(LabFlags.effective(hb.value(), hb.range(), hb.flag())).isEqualTo(AbnormalFlag.L);
    assertThat(p.lines().get(1).result().localCode()).isEqualTo("ALB");
    assertThat(p.lines().get(1).result().value().display()).isEqualTo("4.50");
    assertThat(p.lines().get(2).result().specimenDate()).isEqualTo(LocalDate.of(2026, 11, 19));
    assertThat(store.revisions).isEmpty();
    assertThat(auditStore.entries()).extracting(e -> e.action()).containsExactly(AuditAction.LAB_IMPORT_PREVIEWED);
  }

  @Test
  void eachBadFieldHasItsOwnStableCode() {
    Preview p = preview(HEADER
        + "999999,2026-11-20,HB,11.2,,,,\n"
        + "000123,2026-11-20,XX,11.2,,,,\n"
        + "000123,2026-11-20,HB,11.2,mmol/L,,,\n"
        + "000123,2026-11-20,HB,abc,,,,\n"
        + "000123,2026-02-30,HB,11.2,,,,\n"
        + "000123,2026-12-01,HB,11.2,,,,\n"
        + "000123,2026-11-20,HB,11.2,,Z,,\n"
        + "000123,2026-11-20,HB,11.2,,,9,3\n"
        + "000123,,HB,,,,,\n"
        + "000123,2026-11-20,HB,11.2\n"
        + "000123,2026-11-20,HB,=CMD|' /C calc'!A0,,,,\n"
        + "000123,2026-11-20,UPRO,=HYPERLINK(\"x\"),,,,\n"
        + "000123,2026-11-20,HB,1e3,,,,\n");
    assertThat(p.lines()).allMatch(l -> l.status() == Status.ERROR);
    assertThat(p.lines()).extracting(LabCsvImportTest::codes).containsExactly(
        List.of(ErrorCode.LAB_IMPORT_UNKNOWN_PATIENT),
        List.of(ErrorCode.LAB_TEST_UNKNOWN),
        List.of(ErrorCode.LAB_UNIT_MISMATCH),
        List.of(ErrorCode.LAB_VALUE_INVALID),
        List.of(ErrorCode.LAB_SPECIMEN_DATE_INVALID),
        List.of(ErrorCode.LAB_SPECIMEN_DATE_FUTURE),
        List.of(ErrorCode.LAB_FLAG_INVALID),
        List.of(ErrorCode.LAB_RANGE_INVALID),
        List.of(ErrorCode.LAB_IMPORT_FIELD_MISSING, ErrorCode.LAB_IMPORT_FIELD_MISSING),
        List.of(ErrorCode.LAB_IMPORT_COLUMN_COUNT),
        List.of(ErrorCode.LAB_VALUE_INVALID),
        List.of(ErrorCode.LAB_IMPORT_QUOTING),
        List.of(ErrorCode.LAB_VALUE_INVALID));
    assertThat(p.lines().get(8).problems()).extracting(Problem::column).containsExactly("specimen_date", "value");
  }

  @Test
  void aQuotedFormulaIsJustAnInvalidValueAndQuotedCommasParse() {
    Preview p = preview(HEADER + "\"000123\",\"2026-11-20\",\"HB\",\"=1+1\",,,,\n000123,2026-11-20,UPRO,\"1+, trace\",,,,\n"
        + "000123,2026-11-20,UPRO,\"a\"b,,,,\n000123,2026-11-20,UPRO,\"open,,,,\n");
    assertThat(p.lines()).extracting(LabCsvImportTest::codes).containsExactly(List.of(ErrorCode.LAB_VALUE_INVALID), List.of(),
        List.of(ErrorCode.LAB_IMPORT_QUOTING), List.of(ErrorCode.LAB_IMPORT_QUOTING));
    assertThat(p.lines().get(1).result().value().text()).isEqualTo("1+, trace");
  }

  @Test
  void duplicatesInTheFileAndAlreadyStoredAreReported() {
    Preview first = preview(HEADER + "000123,2026-11-20,HB,11.2,,,,\n000123,2026-11-20,HB,11.20,,,,\n000123,2026-11-20,HB,11.3,,,,\n");
    assertThat(first.lines()).extracting(LabCsvImportTest::codes).containsExactly(List.of(),
        List.of(ErrorCode.LAB_IMPORT_DUPLICATE_IN_FILE), List.of());
    byte[] bytes = (HEADER + "000123,2026-11-20,HB,11.2,,,,\n").getBytes(StandardCharsets.UTF_8);
    assertThat(importer.accept(nurse, importer.preview(nurse, bytes, null), bytes)).isEqualTo(1);
    Preview again = importer.preview(nurse, bytes, null);
    assertThat(codes(again.lines().get(0))).containsExactly(ErrorCode.LAB_IMPORT_DUPLICATE_STORED);
  }

  @Test
  void acceptSavesOnlyOkLinesAuditsTheCountAndRefusesAChangedFileAStalePreviewOrAReplay() {
    byte[] bytes = (HEADER + "000123,2026-11-20,HB,11.2,,H,,\n000123,2026-11-20,XX,1,,,,\n000124,2026-11-21,ALB,3.9,,,,\n")
        .getBytes(StandardCharsets.UTF_8);
    Preview p = importer.preview(nurse, bytes, null);
    assertThat(p.okCount()).isEqualTo(2);
    byte[] changed = bytes.clone();
    changed[changed.length - 3] = '8';
    assertThatThrownBy(() -> importer.accept(nurse, p, changed)).isInstanceOfSatisfying(TsumugiException.class,
        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.LAB_IMPORT_STALE));
    clock.advance(LabCsvImport.MAX_AGE.plus(Duration.ofSeconds(1)));
    assertThatThrownBy(() -> importer.accept(nurse, p, bytes)).isInstanceOfSatisfying(TsumugiException.class,
        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.LAB_IMPORT_STALE));
    clock.set(START.plusSeconds(60));
    assertThat(store.revisions).isEmpty();
    assertThat(importer.accept(nurse, p, bytes)).isEqualTo(2);
    assertThat(store.revisions).extracting(LabRevision::flag).containsExactly(AbnormalFlag.H, AbnormalFlag.L);
    assertThat(store.revisions).extracting(LabRevision::patientId).containsExactly(hanako, hanako + 1);
    assertThatThrownBy(() -> importer.accept(nurse, p, bytes)).isInstanceOfSatisfying(TsumugiException.class,
        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.LAB_IMPORT_STALE));
    assertThat(store.revisions).hasSize(2);
    assertThat(auditStore.entries()).filteredOn(e -> e.action() == AuditAction.LAB_IMPORT_ACCEPTED).singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("saved=2,patients=2").doesNotContain("11.2"));
  }

  @Test
  void shiftJisIsDetectedAndUtf8WithBomWorksButAWrongDeclaredEncodingMarksTheFile() {
    String csv = HEADER + "000123,2026-11-20,UPRO,陽性,,,,\n";
    Charset sjis = LabCsvImport.SHIFT_JIS;
    Preview detected = importer.preview(nurse, csv.getBytes(sjis), null);
    assertThat(detected.charset()).isEqualTo("windows-31j");
    assertThat(detected.lines().get(0).result().value().text()).isEqualTo("陽性");
    assertThat(detected.lines().get(0).result().range().text()).isEqualTo("(-)");
    ByteArrayOutputStream bom = new ByteArrayOutputStream();
    bom.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bom.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
    Preview withBom = importer.preview(nurse, bom.toByteArray(), null);
    assertThat(withBom.fileProblems()).isEmpty();
    assertThat(withBom.lines()).extracting(Line::status).containsExactly(Status.OK);
    Preview declaredWrong = importer.preview(nurse, csv.getBytes(sjis), StandardCharsets.UTF_8);
    assertThat(declaredWrong.fileProblems()).extracting(Problem::code).containsExactly(ErrorCode.LAB_IMPORT_ENCODING);
    assertThat(declaredWrong.lines()).isEmpty();
    byte[] binary = new byte[4096];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) new int[] {0x00, 0x81, 0x00, 0xFF}[i % 4];
    }
    assertThat(importer.preview(nurse, binary, null).fileProblems()).extracting(Problem::code)
        .containsExactly(ErrorCode.LAB_IMPORT_ENCODING);
  }

  @Test
  void hostileLinesAreMarkedAndTheRestStillChecks() {
    String mega = "000123,2026-11-20,UPRO," + "x".repeat(1_000_000) + ",,,,";
    Preview p = preview(HEADER + mega + "\n000123,2026-11-20,HB,1\u00002,,,,\n000123,2026-11-20,HB,\u001b[31m,,,,\n"
        + "000123,2026-11-20,HB,\u202e12,,,,\n000123,2026-11-20,HB,12.5,,,,\r\n");
    assertThat(p.lines()).extracting(LabCsvImportTest::codes).containsExactly(List.of(ErrorCode.LAB_IMPORT_LINE_TOO_LONG),
        List.of(ErrorCode.LAB_IMPORT_CONTROL_CHARACTER), List.of(ErrorCode.LAB_IMPORT_CONTROL_CHARACTER),
        List.of(ErrorCode.LAB_VALUE_INVALID), List.of());
  }

  @Test
  void fileLevelProblemsTruncatedHeaderEmptyTooManyLinesTooBig() {
    assertThat(preview("patient_number,specimen_date,test_co").fileProblems()).extracting(Problem::code)
        .containsExactly(ErrorCode.LAB_IMPORT_HEADER);
    assertThat(preview("patient_number,specimen_date,test_code,value,value\n").fileProblems()).extracting(Problem::code)
        .containsExactly(ErrorCode.LAB_IMPORT_HEADER);
    assertThat(preview(HEADER).fileProblems()).extracting(Problem::code).containsExactly(ErrorCode.LAB_IMPORT_EMPTY);
    assertThat(preview("").fileProblems()).extracting(Problem::code).containsExactly(ErrorCode.LAB_IMPORT_EMPTY);
    assertThat(preview(HEADER + "\n".repeat(LabCsvImport.MAX_LINES + 1)).fileProblems()).extracting(Problem::code)
        .containsExactly(ErrorCode.LAB_IMPORT_TOO_MANY_LINES);
    byte[] big = new byte[LabCsvImport.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    Preview tooBig = importer.preview(nurse, big, null);
    assertThat(tooBig.fileProblems()).extracting(Problem::code).containsExactly(ErrorCode.LAB_IMPORT_FILE_TOO_BIG);
    assertThatThrownBy(() -> importer.accept(nurse, tooBig, big)).isInstanceOf(TsumugiException.class);
    Preview truncated = preview(HEADER + "000123,2026-11-20,HB,1");
    assertThat(truncated.lines()).extracting(LabCsvImportTest::codes).containsExactly(List.of(ErrorCode.LAB_IMPORT_COLUMN_COUNT));
  }

  @Test
  void columnsMayComeInAnyOrderAndOptionalOnesMayBeLeftOut() {
    Preview p = preview("value,test_code,patient_number,specimen_date\n4.0,ALB,000123,2026-11-01\n");
    assertThat(p.lines()).extracting(Line::status).containsExactly(Status.OK);
    assertThat(p.lines().get(0).result().range().high()).isEqualByComparingTo("5.1");
  }
}
