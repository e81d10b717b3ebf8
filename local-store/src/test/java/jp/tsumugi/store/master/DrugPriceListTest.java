package jp.tsumugi.store.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.DrugPriceListReport;
import jp.tsumugi.app.master.DrugRecord;
import jp.tsumugi.app.master.MasterImportProgress;
import jp.tsumugi.app.master.MasterKind;
import jp.tsumugi.app.master.MasterRecord;
import jp.tsumugi.app.master.MasterStatus;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.store.StoreTestAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attaching a 薬価基準収載品目リスト on a tiny y master and tiny xlsx files written here. */
class DrugPriceListTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:02:03Z"), ZoneId.of("Asia/Tokyo"));
  static final LocalDate LIST_DATE = LocalDate.of(2025, 8, 14);
  static final String NO_YJ = "620000001";
  static final String WITH_YJ = "620000002";
  static final String TWIN_A = "620000003";
  static final String TWIN_B = "620000004";
  static final String ATTACHED_YJ = "2222222F1022";

  @TempDir Path dir;
  private LocalStore store;

  /** A 42-column 医薬品 row. */
  static String[] drug(String code, String name, String price, String yj) {
    String[] row = new String[42];
    Arrays.fill(row, "");
    row[0] = "0";
    row[1] = "Y";
    row[2] = code;
    row[4] = name;
    row[6] = "ﾃｽﾄ";
    row[9] = "錠";
    row[11] = price;
    row[27] = "1";
    row[29] = "20240401";
    row[30] = "99999999";
    row[31] = yj;
    return row;
  }

  @BeforeEach
  void openWithATinyDrugMaster() throws IOException {
    store = LocalStore.createH2(new StoreLocation(dir.resolve("data"), dir.resolve("keys")), CLOCK).store();
    Path y = Fixtures.write(dir.resolve("y"), "y_ALL20240321.csv", Fixtures.sjis(List.of(
        drug(NO_YJ, "テスト錠１０ｍｇ", "10.00", ""),
        drug(WITH_YJ, "別錠５ｍｇ", "20.00", "1111111F1011"),
        drug(TWIN_A, "双子錠", "5.60", ""),
        drug(TWIN_B, "双子錠", "5.60", ""))));
    store.masterImporter().importPath(y, MasterImportProgress.NONE);
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** Two title lines above the header (the header is found by its titles), shared and inline strings, gaps. */
  static List<List<String>> listRows() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(Arrays.asList("#薬価基準収載品目リスト", null, null));
    rows.add(List.of());
    rows.add(Arrays.asList("#区分", "#薬価基準収載医薬品コード", "#成分名", null, null, null, null, "#品名", "#メーカー名", null,
        null, null, "#薬価"));
    rows.add(Arrays.asList("内用薬", ATTACHED_YJ, "テスト", null, null, null, null, "テスト錠 10mg", "紡製薬", null, null, null,
        "=9.5"));
    rows.add(Arrays.asList("内用薬", "1111111F1011", "別", null, null, null, null, "別錠５ｍｇ", "紡製薬", null, null, null,
        "=20"));
    rows.add(Arrays.asList("内用薬", "3333333F1033", "双子", null, null, null, null, "双子錠", "紡製薬", null, null, null,
        "=5.5999999999999996"));
    rows.add(Arrays.asList("内用薬", "4444444F1044", "無い", null, null, null, null, "無い錠", "紡製薬", null, null, null,
        "=1.1000000000000001"));
    return rows;
  }

  private Path list(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve("lists").resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return file;
  }

  private DrugRecord drugOnListDate(String code) {
    return store.masters().findDrug(code, LIST_DATE).orElseThrow();
  }

  @Test
  void attachesTheYjCodeByNameAndReportsPriceDifferencesWithoutChangingPrices() throws IOException {
    Path file = list("tp20250814-01_01.xlsx", XlsxFixture.workbook(listRows()));
    int revisionsBefore = store.masters().status().of(MasterKind.Y).revisionCount();

    DrugPriceListReport report = store.drugPriceListAttacher().attach(file, null);

    assertThat(report.listDate()).isEqualTo(LIST_DATE);
    assertThat(report.rowsRead()).isEqualTo(4);
    assertThat(report.matchedByYjCode()).isEqualTo(1);
    assertThat(report.attached()).isEqualTo(1);
    assertThat(report.ambiguous()).isEqualTo(1);
    assertThat(report.unmatched()).isEqualTo(1);
    assertThat(report.alreadyLoaded()).isFalse();
    assertThat(report.priceDifferences()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(NO_YJ);
      assertThat(d.yjCode()).isEqualTo(ATTACHED_YJ);
      assertThat(d.masterPrice()).isEqualByComparingTo("10.00");
      assertThat(d.listPrice()).isEqualByComparingTo("9.5");
    });
    DrugRecord attached = drugOnListDate(NO_YJ);
    assertThat(attached.yjCode()).isEqualTo(ATTACHED_YJ);
    assertThat(attached.raw().column(32)).as("the published row is kept as published").isEmpty();
    assertThat(attached.price()).isEqualByComparingTo("10.00");
    assertThat(store.masters().history(MasterKind.Y, NO_YJ)).singleElement()
        .satisfies(r -> assertThat(((DrugRecord) r).yjCode()).isEqualTo(ATTACHED_YJ));
    List<String> yjSeenByScan = new ArrayList<>();
    store.masters().forEachLatest(MasterKind.Y, r -> yjSeenByScan.add(((DrugRecord) r).yjCode()));
    assertThat(yjSeenByScan).containsExactly(ATTACHED_YJ, "1111111F1011", "", "");
    assertThat(drugOnListDate(TWIN_A).yjCode()).isEmpty();
    assertThat(drugOnListDate(TWIN_B).yjCode()).isEmpty();
    assertThat(store.masters().status().of(MasterKind.Y).revisionCount()).isEqualTo(revisionsBefore);
  }

  @Test
  void theSameFileTwiceChangesNothingAndReportsTheSameDifferences() throws IOException {
    Path file = list("tp20250814-01_01.xlsx", XlsxFixture.workbook(listRows()));
    DrugPriceListReport first = store.drugPriceListAttacher().attach(file, null);

    DrugPriceListReport second = store.drugPriceListAttacher().attach(file, null);

    assertThat(second.alreadyLoaded()).isTrue();
    assertThat(second.attached()).isZero();
    assertThat(second.matchedByYjCode()).as("the attached code now links by YJ code").isEqualTo(2);
    assertThat(second.priceDifferences()).isEqualTo(first.priceDifferences());
    assertThat(drugOnListDate(NO_YJ).yjCode()).isEqualTo(ATTACHED_YJ);
    assertThat(attachmentRows()).isEqualTo(1);
    assertThat(listRows(store)).isEqualTo(1);
  }

  @Test
  void anExplicitDateWinsAndANameWithoutADateIsRefused() throws IOException {
    Path file = list("yakka.xlsx", XlsxFixture.workbook(listRows()));
    assertRefused(file, ErrorCode.PRICE_LIST_DATE_UNKNOWN, "yakka.xlsx");
    assertThat(store.drugPriceListAttacher().attach(file, LocalDate.of(2025, 4, 1)).listDate())
        .isEqualTo(LocalDate.of(2025, 4, 1));
  }

  @Test
  void notAZipIsRefused() throws IOException {
    assertRefused(list("tp20250814-01_01.xlsx", "区分,コード\r\n".getBytes(StandardCharsets.UTF_8)),
        ErrorCode.PRICE_LIST_UNREADABLE, "tp20250814-01_01.xlsx", "not a zip");
  }

  @Test
  void aZipWithoutTheSheetIsRefused() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
    entries.put("xl/workbook.xml", XlsxFixture.WORKBOOK.getBytes(StandardCharsets.UTF_8));
    entries.put("xl/_rels/workbook.xml.rels", XlsxFixture.RELS.getBytes(StandardCharsets.UTF_8));
    assertRefused(list("tp20250814-01_01.xlsx", XlsxFixture.zip(entries)), ErrorCode.PRICE_LIST_NO_SHEET,
        "tp20250814-01_01.xlsx");
  }

  @Test
  void aZipWithAParentPathEntryIsRefused() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("xl/workbook.xml", XlsxFixture.WORKBOOK.getBytes(StandardCharsets.UTF_8));
    entries.put("xl/../../evil.xml", "<x/>".getBytes(StandardCharsets.UTF_8));
    assertRefused(list("tp20250814-01_01.xlsx", XlsxFixture.zip(entries)), ErrorCode.PRICE_LIST_ZIP_UNSAFE,
        "tp20250814-01_01.xlsx", "evil.xml");
  }

  @Test
  void aHugeEntryStopsAtTheCap() throws IOException {
    Path file = dir.resolve("lists").resolve("tp20250814-01_01.xlsx");
    Files.createDirectories(file.getParent());
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] block = new byte[1 << 20];
      for (int i = 0; i <= XlsxWorkbook.MAX_ENTRY_BYTES / block.length; i++) {
        zip.write(block);
      }
      zip.closeEntry();
    }
    assertThat(Files.size(file)).as("a zip bomb: small on disk").isLessThan(1_000_000L);
    assertRefused(file, ErrorCode.PRICE_LIST_TOO_LARGE, "tp20250814-01_01.xlsx", "sheet1.xml");
  }

  @Test
  void aSheetWithAnExternalEntityIsRefused() throws IOException {
    String secret = dir.resolve("secret.txt").toUri().toString();
    Files.writeString(dir.resolve("secret.txt"), "1111111F1011");
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE w [<!ENTITY x SYSTEM \"" + secret + "\">]>\n"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
        + "<c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>";
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("xl/workbook.xml", XlsxFixture.WORKBOOK.getBytes(StandardCharsets.UTF_8));
    entries.put("xl/_rels/workbook.xml.rels", XlsxFixture.RELS.getBytes(StandardCharsets.UTF_8));
    entries.put("xl/worksheets/sheet1.xml", xxe.getBytes(StandardCharsets.UTF_8));
    assertRefused(list("tp20250814-01_01.xlsx", XlsxFixture.zip(entries)), ErrorCode.PRICE_LIST_XML_UNSAFE,
        "tp20250814-01_01.xlsx", "sheet1.xml");
  }

  @Test
  void aDtdHiddenFromTheByteScanIsStillRefusedByTheParser() {
    String utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE w [<!ENTITY x \"y\">]><w>&x;</w>";
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put("xl/workbook.xml", utf16.getBytes(StandardCharsets.UTF_16));
    assertThatThrownBy(() -> XlsxWorkbook.read(zipQuietly(parts), "t.xlsx").sheets())
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PRICE_LIST_XML_UNSAFE));
  }

  @Test
  void aSheetWithAnUnexpectedHeaderIsRefused() throws IOException {
    List<List<String>> rows = new ArrayList<>(listRows());
    rows.set(2, Arrays.asList("#区分", "#コード", "#成分名", null, null, null, null, "#品名", "#メーカー名", null, null, null,
        "#価格"));
    assertRefused(list("tp20250814-01_01.xlsx", XlsxFixture.workbook(rows)), ErrorCode.PRICE_LIST_LAYOUT,
        "tp20250814-01_01.xlsx", "ＨＰ用", "rows 1-30");
  }

  @Test
  void aRowWithABadPriceIsRefusedNamingItsSheetRow() throws IOException {
    List<List<String>> rows = new ArrayList<>(listRows());
    rows.add(Arrays.asList("内用薬", "5555555F1055", "悪い", null, null, null, null, "悪い錠", "紡製薬", null, null, null,
        "#時価"));
    assertRefused(list("tp20250814-01_01.xlsx", XlsxFixture.workbook(rows)), ErrorCode.PRICE_LIST_ROW_INVALID,
        "tp20250814-01_01.xlsx sheet row 8");
  }

  @Test
  void refusedWithoutADrugMaster(@TempDir Path other) throws IOException {
    try (LocalStore empty = LocalStore.createH2(new StoreLocation(other.resolve("data"), other.resolve("keys")), CLOCK)
        .store()) {
      Path file = list("tp20250814-01_01.xlsx", XlsxFixture.workbook(listRows()));
      assertThatThrownBy(() -> empty.drugPriceListAttacher().attach(file, null))
          .isInstanceOfSatisfying(TsumugiException.class,
              e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PRICE_LIST_NO_DRUG_MASTER));
    }
  }

  @Test
  void cellReferencesMapToColumnsAndPricesReadExactly() {
    assertThat(XlsxWorkbook.columnOf("A1", 1)).isZero();
    assertThat(XlsxWorkbook.columnOf("M7", 7)).isEqualTo(12);
    assertThat(XlsxWorkbook.columnOf("AB7", 7)).isEqualTo(27);
    assertThat(XlsxWorkbook.columnOf("XFD1", 1)).isEqualTo(16383);
    assertThat(PriceListFile.price("17.399999999999999", "w")).isEqualTo(new BigDecimal("17.4"));
    assertThat(PriceListFile.price("296.10000000000002", "w")).isEqualTo(new BigDecimal("296.1"));
    assertThat(PriceListFile.price("750", "w")).isEqualTo(new BigDecimal("750"));
    assertThat(PriceListFile.price("5.125", "w")).as("a real third decimal is kept").isEqualTo(new BigDecimal("5.125"));
    assertThat(PriceListFile.normalise("テスト錠 10mg")).isEqualTo(PriceListFile.normalise("テスト錠１０ｍｇ"));
  }

  private void assertRefused(Path file, ErrorCode code, String... inMessage) {
    MasterStatus before = store.masters().status();
    List<MasterRecord> history = store.masters().history(MasterKind.Y, NO_YJ);
    assertThatThrownBy(() -> store.drugPriceListAttacher().attach(file, null))
        .isInstanceOfSatisfying(TsumugiException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(code);
          assertThat(e.detail()).contains(inMessage);
        });
    assertThat(store.masters().status()).isEqualTo(before);
    assertThat(store.masters().history(MasterKind.Y, NO_YJ)).isEqualTo(history);
    assertThat(drugOnListDate(NO_YJ).yjCode()).isEmpty();
    assertThat(attachmentRows()).isZero();
    assertThat(listRows(store)).isZero();
  }

  private int attachmentRows() {
    return count("drug_yj_attachment");
  }

  private int listRows(LocalStore s) {
    return count("drug_price_list");
  }

  private int count(String table) {
    return StoreTestAccess.countRows(store, table);
  }

  private static byte[] zipQuietly(Map<String, byte[]> parts) {
    try {
      return XlsxFixture.zip(parts);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
