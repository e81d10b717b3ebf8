package jp.tsumugi.store.master;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Hex;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.ChangeKind;
import jp.tsumugi.app.master.MasterKind;
import jp.tsumugi.app.master.MasterRecords;
import jp.tsumugi.app.master.RawRow;

/**
 * A master file read and checked completely, before anything is written: name (kind, date, full or
 * diff), encoding, CSV shape, column count, master type in column 2, 変更区分, code and the date and
 * amount columns that are filled.
 */
record ParsedFile(String name, MasterKind kind, LocalDate date, boolean full, String sha256, List<CsvReader.Row> rows) {

  /** s_ALL20240531.csv (full), s_20240621.csv (diff), b_20240601.txt (b and z are published as full files only). */
  private static final Pattern NAME = Pattern.compile("([sytcbz])_(ALL)?(\\d{8})\\.(csv|txt)", Pattern.CASE_INSENSITIVE);

  /** The kind, date and full flag a file name announces, or empty when it names no master. */
  record Identity(MasterKind kind, LocalDate date, boolean full) {
  }

  static Optional<Identity> identify(String name) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    MasterKind kind = MasterKind.ofLetter(m.group(1)).orElseThrow();
    String digits = m.group(3);
    LocalDate date;
    try {
      date = LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
          Integer.parseInt(digits.substring(6, 8)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    boolean full = m.group(2) != null || kind == MasterKind.B || kind == MasterKind.Z;
    return Optional.of(new Identity(kind, date, full));
  }

  static ParsedFile parse(MasterInput input, CsvReader csv) {
    String name = input.name();
    Identity identity = identify(name).orElseThrow(() -> new TsumugiException(ErrorCode.MASTER_FILE_NAME,
        name.toLowerCase(Locale.ROOT).endsWith(".csv") || name.toLowerCase(Locale.ROOT).endsWith(".txt") ? name : "unknown file"));
    String text = MasterText.decode(input.bytes(), name);
    List<CsvReader.Row> rows = csv.read(text, name);
    if (rows.isEmpty()) {
      throw new TsumugiException(ErrorCode.MASTER_FILE_EMPTY, name + " line 1: no rows");
    }
    MasterKind kind = identity.kind();
    int width = rows.get(0).fields().length;
    for (CsvReader.Row row : rows) {
      String[] f = row.fields();
      String where = name + " line " + row.line();
      if (f.length >= 2 && !f[1].equals(String.valueOf(kind.letter()))) {
        throw new TsumugiException(ErrorCode.MASTER_WRONG_KIND, where + ": column 2 is not " + kind.letter());
      }
      if (!kind.columnCounts().contains(f.length) || f.length != width) {
        throw new TsumugiException(ErrorCode.MASTER_COLUMN_COUNT, where + ": " + f.length + " columns, expected "
            + (f.length != width && kind.columnCounts().contains(width) ? width : kind.columnCounts()));
      }
      if (ChangeKind.ofCode(f[0]).isEmpty()) {
        throw new TsumugiException(ErrorCode.MASTER_CHANGE_KIND_UNKNOWN, where + ": column 1");
      }
      RawRow raw = new RawRow(List.of(f));
      try {
        MasterRecords.codeOf(kind, raw);
        MasterRecords.date(raw, kind.changedOnColumn());
        MasterRecords.date(raw, kind.abolishedOnColumn());
        if (kind == MasterKind.S || kind == MasterKind.Y || kind == MasterKind.T) {
          MasterRecords.decimal(raw, 12);
        }
      } catch (TsumugiException e) {
        throw new TsumugiException(e.errorCode(), where + ": " + e.detail(), e);
      }
    }
    return new ParsedFile(name, kind, identity.date(), identity.full(), sha256(input.bytes()), rows);
  }

  static String sha256(byte[] bytes) {
    try {
      return Hex.encode(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
