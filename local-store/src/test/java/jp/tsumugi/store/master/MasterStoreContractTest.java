package jp.tsumugi.store.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.ChangeKind;
import jp.tsumugi.app.master.MasterImportProgress;
import jp.tsumugi.app.master.MasterImportReport;
import jp.tsumugi.app.master.MasterKind;
import jp.tsumugi.app.master.MasterRecord;
import jp.tsumugi.app.master.MasterStatus;
import jp.tsumugi.app.master.ProcedureRecord;
import jp.tsumugi.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Master import and lookups on small files, run against H2 and PostgreSQL by the subclasses. Every
 * bad input must fail with its own code, name the file and line, and leave the store as it was.
 */
abstract class MasterStoreContractTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:02:03Z"), ZoneId.of("Asia/Tokyo"));
  protected LocalStore store;
  @TempDir Path dir;

  abstract LocalStore openStore() throws Exception;

  @BeforeEach
  void openAndLoadAFullFile() throws Exception {
    store = openStore();
    store.masterImporter().importPath(Fixtures.writeFull(dir.resolve("base")), MasterImportProgress.NONE);
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private void assertRejected(Path path, ErrorCode code, String... inMessage) {
    MasterStatus before = store.masters().status();
    List<MasterRecord> history = store.masters().history(MasterKind.S, "111000110");
    assertThatThrownBy(() -> store.masterImporter().importPath(path, MasterImportProgress.NONE))
        .isInstanceOfSatisfying(TsumugiException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(code);
          assertThat(e.getMessage()).contains(inMessage);
        });
    assertThat(store.masters().status()).as("store unchanged").isEqualTo(before);
    assertThat(store.masters().history(MasterKind.S, "111000110")).isEqualTo(history);
  }

  private static String[] diffRow(String change, String code, String points, String changedOn) {
    return Fixtures.procedure(change, code, "", points, changedOn, "", false);
  }

  @Test
  void aDiffFillsOnlyItsColumnsAndLookupsFollowTheDates() throws Exception {
    store.masterImporter().importPath(Fixtures.write(dir.resolve("d"), "s_20250307.csv", Fixtures.sjis(List.<String[]>of(
        diffRow("5", "111000110", "300.00", "20250401")))), MasterImportProgress.NONE);
    ProcedureRecord march = store.masters().findProcedure("111000110", LocalDate.of(2025, 3, 31)).orElseThrow();
    ProcedureRecord april = store.masters().findProcedure("111000110", LocalDate.of(2025, 4, 1)).orElseThrow();
    assertThat(march.points()).isEqualByComparingTo("291");
    assertThat(april.points()).isEqualByComparingTo("300");
    assertThat(april.name()).as("blank in the diff = unchanged").isEqualTo("初診料");
    assertThat(april.kana()).isEqualTo("ｶﾅ");
    assertThat(april.validity().change()).isEqualTo(ChangeKind.CHANGED);
    assertThat(store.masters().findProcedure("111000110", LocalDate.of(2024, 5, 31))).isEmpty();
    assertThat(store.masters().history(MasterKind.S, "111000110")).hasSize(2);
    List<MasterRecord> inForce = new ArrayList<>();
    store.masters().forEachInForce(MasterKind.S, LocalDate.of(2025, 4, 1), inForce::add);
    assertThat(inForce).extracting(MasterRecord::code).containsExactly("111000110", "112007410");
  }

  @Test
  void aNewerFullFileIsASnapshotAndLeavesAbsentCodesAlone() throws Exception {
    MasterImportReport report = store.masterImporter().importPath(Fixtures.write(dir.resolve("n"), "s_ALL20250531.csv",
        Fixtures.sjis(List.<String[]>of(Fixtures.procedure("0", "111000110", "初診料", "291.00", "20240601", "99999999", true),
            Fixtures.procedure("3", "999999999", "新しい行為", "10.00", "20250601", "99999999", true)))),
        MasterImportProgress.NONE);
    assertThat(report.kinds().get(0).added()).isEqualTo(1);
    assertThat(report.kinds().get(0).changed()).isZero();
    assertThat(store.masters().history(MasterKind.S, "111000110")).hasSize(1);
    assertThat(store.masters().findProcedure("112007410", LocalDate.of(2025, 7, 1))).isPresent();
  }

  @Test
  void anAbolishingDiffEndsTheRecordAfterItsLastDay() throws Exception {
    MasterImportReport report = store.masterImporter().importPath(Fixtures.write(dir.resolve("a"), "s_20241108.csv",
        Fixtures.sjis(List.<String[]>of(Fixtures.procedure("9", "112007410", "", "", "20241201", "20241130", false)))),
        MasterImportProgress.NONE);
    assertThat(report.kinds().get(0).abolished()).isEqualTo(1);
    assertThat(store.masters().findProcedure("112007410", LocalDate.of(2024, 11, 30))).isPresent();
    assertThat(store.masters().findProcedure("112007410", LocalDate.of(2024, 12, 1))).isEmpty();
  }

  @Test
  void theSameFileTwiceChangesNothing() throws Exception {
    MasterStatus before = store.masters().status();
    MasterImportReport again = store.masterImporter().importPath(Fixtures.writeFull(dir.resolve("again")),
        MasterImportProgress.NONE);
    assertThat(again.changedNothing()).isTrue();
    assertThat(again.skippedFiles()).containsExactly("s_ALL20240531.csv");
    assertThat(store.masters().status()).isEqualTo(before);
  }

  @Test
  void utf8InsteadOfShiftJisIsRefused() throws Exception {
    String text = Fixtures.line(Fixtures.procedure("5", "111000110", "初診料", "1.00", "20250401", "", false)) + "\r\n";
    assertRejected(Fixtures.write(dir.resolve("u"), "s_20250401.csv", text.getBytes(StandardCharsets.UTF_8)),
        ErrorCode.MASTER_NOT_SHIFT_JIS, "s_20250401.csv", "line 1");
    byte[] bom = ("\ufeff" + Fixtures.line(diffRow("5", "111000110", "1.00", "20250401"))).getBytes(StandardCharsets.UTF_8);
    assertRejected(Fixtures.write(dir.resolve("b"), "s_20250401.csv", bom), ErrorCode.MASTER_NOT_SHIFT_JIS, "line 1");
  }

  @Test
  void aTruncatedLastLineIsRefusedWithItsLine() throws Exception {
    byte[] good = Fixtures.sjis(List.<String[]>of(diffRow("5", "111000110", "1.00", "20250401"),
        diffRow("5", "112007410", "2.00", "20250401")));
    byte[] unterminated = new byte[good.length - 12];
    System.arraycopy(good, 0, unterminated, 0, unterminated.length);
    assertRejected(Fixtures.write(dir.resolve("t1"), "s_20250401.csv", unterminated), ErrorCode.MASTER_CSV_MALFORMED,
        "s_20250401.csv line 2", "unterminated quote");
    String cut = Fixtures.line(diffRow("5", "111000110", "1.00", "20250401")) + "\r\n\"5\",\"S\",\"112007410\"";
    assertRejected(Fixtures.write(dir.resolve("t2"), "s_20250401.csv", cut.getBytes(Fixtures.SJIS)),
        ErrorCode.MASTER_COLUMN_COUNT, "s_20250401.csv line 2");
  }

  @Test
  void aWrongColumnCountIsRefused() throws Exception {
    String[] short149 = new String[149];
    System.arraycopy(diffRow("5", "111000110", "1.00", "20250401"), 0, short149, 0, 149);
    assertRejected(Fixtures.write(dir.resolve("w"), "s_20250401.csv", Fixtures.sjis(List.<String[]>of(short149))),
        ErrorCode.MASTER_COLUMN_COUNT, "s_20250401.csv line 1", "149 columns");
  }

  @Test
  void anUnknownChangeKindIsRefused() throws Exception {
    assertRejected(Fixtures.write(dir.resolve("k"), "s_20250401.csv", Fixtures.sjis(List.<String[]>of(
        diffRow("5", "111000110", "1.00", "20250401"), diffRow("4", "112007410", "1.00", "20250401")))),
        ErrorCode.MASTER_CHANGE_KIND_UNKNOWN, "s_20250401.csv line 2");
  }

  @Test
  void aDiffOlderThanTheLoadedFullFileIsRefused() throws Exception {
    assertRejected(Fixtures.write(dir.resolve("o"), "s_20240501.csv", Fixtures.sjis(List.<String[]>of(
        diffRow("5", "111000110", "1.00", "20240501")))), ErrorCode.MASTER_DIFF_TOO_OLD, "s_20240501.csv");
  }

  @Test
  void aDiffWithoutAFullFileOfItsMasterIsRefused() throws Exception {
    String[] row = new String[38];
    java.util.Arrays.fill(row, "");
    row[0] = "5";
    row[1] = "T";
    row[2] = "700010000";
    assertRejected(Fixtures.write(dir.resolve("nf"), "t_20250401.csv", Fixtures.sjis(List.<String[]>of(row))),
        ErrorCode.MASTER_NO_FULL_FILE, "t_20250401.csv");
  }

  @Test
  void anUnrelatedCsvIsRefused() throws Exception {
    String[] drugRow = diffRow("5", "111000110", "1.00", "20250401");
    drugRow[1] = "Y";
    assertRejected(Fixtures.write(dir.resolve("y"), "s_20250401.csv", Fixtures.sjis(List.<String[]>of(drugRow))),
        ErrorCode.MASTER_WRONG_KIND, "s_20250401.csv line 1", "column 2");
    assertRejected(Fixtures.write(dir.resolve("x"), "s_20250402.csv", "name,age\r\nsato,41\r\n".getBytes(Fixtures.SJIS)),
        ErrorCode.MASTER_WRONG_KIND, "s_20250402.csv line 1");
    assertRejected(Fixtures.write(dir.resolve("z"), "report.csv", "a,b\r\n".getBytes(Fixtures.SJIS)),
        ErrorCode.MASTER_FILE_NAME, "report.csv");
  }

  @Test
  void aZipWithAPathTraversalEntryIsRefused() throws Exception {
    Path zip = Fixtures.zip(dir.resolve("evil").resolve("s_20250401.zip"), "../x",
        Fixtures.sjis(List.<String[]>of(diffRow("5", "111000110", "1.00", "20250401"))));
    assertRejected(zip, ErrorCode.MASTER_ZIP_UNSAFE, "s_20250401.zip", "../x");
    assertThat(dir.resolve("evil").resolve("x")).doesNotExist();
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void anEmptyFileIsRefused() throws Exception {
    assertRejected(Fixtures.write(dir.resolve("e"), "s_20250401.csv", new byte[0]), ErrorCode.MASTER_FILE_EMPTY,
        "s_20250401.csv line 1");
    assertRejected(Fixtures.write(dir.resolve("e2"), "s_20250402.csv", "\r\n\r\n".getBytes(Fixtures.SJIS)),
        ErrorCode.MASTER_FILE_EMPTY, "s_20250402.csv");
  }

  @Test
  void aZipEntryBeyondTheSizeCapIsRefusedWithoutReadingItAll() throws Exception {
    Path zip = dir.resolve("bomb").resolve("s_20250401.zip");
    Files.createDirectories(zip.getParent());
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("s_20250401.csv"));
      byte[] zeros = new byte[1 << 20];
      for (long written = 0; written <= MasterSources.MAX_FILE_BYTES; written += zeros.length) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    assertThat(Files.size(zip)).isLessThan(MasterSources.MAX_FILE_BYTES / 100);
    assertRejected(zip, ErrorCode.MASTER_TOO_LARGE, "s_20250401.zip");
  }

  @Test
  void aBadFileAmongGoodOnesWritesNothingAtAll() throws Exception {
    Path folder = dir.resolve("mixed");
    Fixtures.write(folder, "s_20250401.csv", Fixtures.sjis(List.<String[]>of(diffRow("5", "111000110", "1.00", "20250401"))));
    Fixtures.write(folder, "s_20250501.csv", Fixtures.sjis(List.<String[]>of(diffRow("7", "111000110", "2.00", "20250501"))));
    assertRejected(folder, ErrorCode.MASTER_CHANGE_KIND_UNKNOWN, "s_20250501.csv line 1");
  }

  @Test
  void aChangedFileUnderAnImportedNameIsRefused() throws Exception {
    Path changed = Fixtures.write(dir.resolve("c"), "s_ALL20240531.csv", Fixtures.sjis(List.<String[]>of(
        Fixtures.procedure("0", "111000110", "初診料", "292.00", "20240601", "99999999", true))));
    assertRejected(changed, ErrorCode.MASTER_FILE_CONFLICT, "s_ALL20240531.csv");
  }

  @Test
  void anInvalidDateIsRefusedWithItsColumn() throws IOException {
    assertRejected(Fixtures.write(dir.resolve("d2"), "s_20250401.csv", Fixtures.sjis(List.<String[]>of(
        diffRow("5", "111000110", "1.00", "20251340")))), ErrorCode.MASTER_FIELD_INVALID, "line 1", "column 87");
  }
}
