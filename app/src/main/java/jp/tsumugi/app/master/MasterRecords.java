package jp.tsumugi.app.master;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * Reads the typed record of each master from its raw columns (layouts: docs/reference/billing-rules.md §2).
 * Invalid fields throw {@link ErrorCode#MASTER_FIELD_INVALID} naming the column; the importer adds file and line.
 */
public final class MasterRecords {
  /** 廃止年月日 of a record in force. */
  public static final String LIVE = "99999999";

  private MasterRecords() {
  }

  /** The record's code: column 3, except コメント where it is 区分 + パターン + 番号 (6 digits). */
  public static String codeOf(MasterKind kind, RawRow row) {
    if (kind == MasterKind.C) {
      String number = row.column(5);
      if (row.column(3).isEmpty() || row.column(4).isEmpty() || number.isEmpty() || number.length() > 6 || !digits(number)) {
        throw new TsumugiException(ErrorCode.MASTER_FIELD_INVALID, "comment code columns 3-5");
      }
      return row.column(3) + row.column(4) + "0".repeat(6 - number.length()) + number;
    }
    String code = row.column(3);
    if (code.isEmpty() || code.length() > 16) {
      throw new TsumugiException(ErrorCode.MASTER_FIELD_INVALID, "code column 3");
    }
    return code;
  }

  public static Validity validityOf(MasterKind kind, RawRow row) {
    ChangeKind change = ChangeKind.ofCode(row.column(1))
        .orElseThrow(() -> new TsumugiException(ErrorCode.MASTER_CHANGE_KIND_UNKNOWN, "column 1"));
    LocalDate from = date(row, kind.changedOnColumn());
    if (from == null && kind.listedOnColumn() > 0) {
      from = date(row, kind.listedOnColumn());
    }
    return new Validity(from, date(row, kind.abolishedOnColumn()), change);
  }

  public static MasterRecord of(MasterKind kind, RawRow row) {
    String code = codeOf(kind, row);
    Validity validity = validityOf(kind, row);
    return switch (kind) {
      case S -> procedure(code, row, validity);
      case Y -> new DrugRecord(code, row.column(5), row.column(35), row.column(7), row.column(10), decimal(row, 12),
          row.column(14), row.column(17), row.column(28), row.column(32), row.column(37), row.column(38), row.column(39),
          validity, row);
      case T -> new MaterialRecord(code, row.column(5), row.column(37), row.column(7), row.column(10), row.column(11),
          decimal(row, 12), validity, row);
      case C -> new CommentRecord(code, row.column(3), row.column(4), row.column(7), row.column(9), embeds(row), validity, row);
      case B -> new DiseaseRecord(code, row.column(4), row.column(6), row.column(8), row.column(10), row.column(11),
          row.column(12), row.column(13), row.column(16), row.column(17), row.column(21), date(row, 22), validity, row);
      case Z -> new ModifierRecord(code, row.column(7), row.column(10), row.column(17), row.column(18), row.column(19),
          ModifierPosition.of(code, row.column(19)), date(row, 14), validity, row);
    };
  }

  private static ProcedureRecord procedure(String code, RawRow row, Validity validity) {
    List<ProcedureRecord.AgeAddition> additions = new ArrayList<>();
    for (int slot = 0; slot < 4; slot++) {
      int first = 100 + slot * 3;
      String addition = row.column(first + 2);
      if (!addition.isEmpty() && !addition.chars().allMatch(ch -> ch == '0')) {
        additions.add(new ProcedureRecord.AgeAddition(row.column(first), row.column(first + 1), addition));
      }
    }
    return new ProcedureRecord(code, row.column(5), row.column(113), row.column(7), row.column(11), decimal(row, 12),
        row.column(13), row.column(15), row.column(16), row.column(36), row.column(37), row.column(38), row.column(39),
        row.column(40), row.column(41), row.column(42), row.column(50), row.column(51), row.column(56), row.column(68),
        row.column(69), additions, validity, row);
  }

  private static List<CommentRecord.Embed> embeds(RawRow row) {
    List<CommentRecord.Embed> embeds = new ArrayList<>();
    for (int slot = 0; slot < 4; slot++) {
      int position = integer(row, 10 + slot * 2);
      int digits = integer(row, 11 + slot * 2);
      if (position > 0 && digits > 0) {
        embeds.add(new CommentRecord.Embed(position, digits));
      }
    }
    return embeds;
  }

  /** yyyymmdd; blank and 99999999 (no end) read as null. */
  public static LocalDate date(RawRow row, int column) {
    String text = row.column(column);
    if (text.isEmpty() || LIVE.equals(text)) {
      return null;
    }
    if (text.length() != 8 || !digits(text)) {
      throw new TsumugiException(ErrorCode.MASTER_FIELD_INVALID, "date column " + column);
    }
    try {
      return LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(4, 6)),
          Integer.parseInt(text.substring(6, 8)));
    } catch (DateTimeException e) {
      throw new TsumugiException(ErrorCode.MASTER_FIELD_INVALID, "date column " + column, e);
    }
  }

  /** An exact decimal amount ("16.50"); blank reads as zero. Never a double. */
  public static BigDecimal decimal(RawRow row, int column) {
    String text = row.column(column);
    if (text.isEmpty()) {
      return BigDecimal.ZERO;
    }
    if (!text.matches("-?\\d{1,12}(\\.\\d{1,4})?")) {
      throw new TsumugiException(ErrorCode.MASTER_FIELD_INVALID, "amount column " + column);
    }
    return new BigDecimal(text);
  }

  private static int integer(RawRow row, int column) {
    String text = row.column(column);
    if (text.isEmpty()) {
      return 0;
    }
    if (text.length() > 6 || !digits(text)) {
      throw new TsumugiException(ErrorCode.MASTER_FIELD_INVALID, "number column " + column);
    }
    return Integer.parseInt(text);
  }

  private static boolean digits(String text) {
    return text.chars().allMatch(ch -> ch >= '0' && ch <= '9');
  }
}
