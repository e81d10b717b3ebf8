package jp.tsumugi.store.master;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * One MHLW 薬価基準収載品目リスト (tp…_01 内用, _02 注射, _03 外用), read and checked completely. The header row is
 * found by its titles (薬価基準収載医薬品コード, 品名, 薬価) within the first {@value #HEADER_SEARCH_ROWS} rows of
 * a sheet, not by a fixed row number; rows after it must carry a 12-character YJ code and a price.
 */
record PriceListFile(String name, String sha256, LocalDate listDate, List<Entry> entries) {
  static final int HEADER_SEARCH_ROWS = 30;
  static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
  static final String CODE_TITLE = "薬価基準収載医薬品コード";
  static final String NAME_TITLE = "品名";
  static final String PRICE_TITLE = "薬価";
  private static final Pattern DATE_IN_NAME = Pattern.compile("^tp(\\d{8})");
  private static final Pattern YJ = Pattern.compile("[0-9A-Z]{12}");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,9}(\\.\\d{1,20})?(E-?\\d{1,2})?");
  /** Excel keeps a price as a binary double written with up to 17 digits ("17.399999999999999"). */
  private static final BigDecimal FLOAT_NOISE = new BigDecimal("0.000001");

  /** A list row: the sheet row number, the YJ code, 品名 and 薬価 (exact yen). */
  record Entry(int sheetRow, String yjCode, String name, BigDecimal price) {
  }

  PriceListFile {
    entries = List.copyOf(entries);
  }

  static PriceListFile read(Path file, LocalDate listDate) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    LocalDate date = listDate != null ? listDate : dateFromName(name);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.PRICE_LIST_UNREADABLE, name + ": " + e.getClass().getSimpleName(), e);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new TsumugiException(ErrorCode.PRICE_LIST_TOO_LARGE, name + " is larger than " + MAX_FILE_BYTES + " bytes");
    }
    return parse(XlsxWorkbook.read(bytes, name), sha256(bytes), date);
  }

  static LocalDate dateFromName(String name) {
    Matcher m = DATE_IN_NAME.matcher(name);
    if (m.find()) {
      String d = m.group(1);
      try {
        return LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
            Integer.parseInt(d.substring(6, 8)));
      } catch (DateTimeException e) {
        throw new TsumugiException(ErrorCode.PRICE_LIST_DATE_UNKNOWN, name, e);
      }
    }
    throw new TsumugiException(ErrorCode.PRICE_LIST_DATE_UNKNOWN, name);
  }

  static PriceListFile parse(XlsxWorkbook workbook, String sha256, LocalDate date) {
    String name = workbook.fileName();
    List<XlsxWorkbook.Sheet> sheets = workbook.sheets();
    for (XlsxWorkbook.Sheet sheet : sheets) {
      List<XlsxWorkbook.Row> rows = workbook.rows(sheet);
      for (int i = 0; i < rows.size() && rows.get(i).number() <= HEADER_SEARCH_ROWS; i++) {
        XlsxWorkbook.Row header = rows.get(i);
        int code = column(header, CODE_TITLE);
        int title = column(header, NAME_TITLE);
        int price = column(header, PRICE_TITLE);
        if (code >= 0 && title >= 0 && price >= 0) {
          return new PriceListFile(name, sha256, date, entries(name, rows.subList(i + 1, rows.size()), code, title, price));
        }
      }
    }
    throw new TsumugiException(ErrorCode.PRICE_LIST_LAYOUT, name + " sheet \"" + sheets.get(0).name() + "\" rows 1-"
        + HEADER_SEARCH_ROWS + ": no header row with " + CODE_TITLE + ", " + NAME_TITLE + " and " + PRICE_TITLE);
  }

  private static List<Entry> entries(String file, List<XlsxWorkbook.Row> rows, int codeColumn, int nameColumn, int priceColumn) {
    List<Entry> entries = new ArrayList<>();
    for (XlsxWorkbook.Row row : rows) {
      String code = row.cell(codeColumn).strip();
      String priceText = row.cell(priceColumn).strip();
      if (row.blank() || (code.isEmpty() && priceText.isEmpty())) {
        continue;
      }
      String where = file + " sheet row " + row.number();
      if (!YJ.matcher(code).matches()) {
        throw new TsumugiException(ErrorCode.PRICE_LIST_ROW_INVALID, where + ": YJ code is not 12 letters or digits");
      }
      String title = row.cell(nameColumn).strip();
      if (title.isEmpty()) {
        throw new TsumugiException(ErrorCode.PRICE_LIST_ROW_INVALID, where + ": no 品名");
      }
      entries.add(new Entry(row.number(), code, title, price(priceText, where)));
    }
    return entries;
  }

  /**
   * The exact price. Excel stores 15.1 as the double nearest to it and writes up to 17 digits; 薬価 has at
   * most two decimals, so a value within a millionth of its two-decimal rounding is that rounding. Other
   * values are kept exactly as written. Trailing zeros are dropped ("750", "15.1").
   */
  static BigDecimal price(String text, String where) {
    if (!NUMBER.matcher(text).matches()) {
      throw new TsumugiException(ErrorCode.PRICE_LIST_ROW_INVALID, where + ": 薬価 is not a number");
    }
    BigDecimal exact = new BigDecimal(text);
    BigDecimal cents = exact.setScale(2, RoundingMode.HALF_UP);
    BigDecimal value = cents.subtract(exact).abs().compareTo(FLOAT_NOISE) < 0 ? cents : exact;
    value = value.stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  private static int column(XlsxWorkbook.Row header, String title) {
    for (int i = 0; i < header.cells().size(); i++) {
      if (normalise(header.cell(i)).equals(title)) {
        return i;
      }
    }
    return -1;
  }

  /** NFKC (full/half width folded) with all white space removed: how 品名 meets 漢字名称. */
  static String normalise(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(folded.length());
    folded.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)).forEach(out::appendCodePoint);
    return out.toString();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
