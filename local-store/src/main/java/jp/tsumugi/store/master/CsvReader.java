package jp.tsumugi.store.master;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * A small strict CSV reader (RFC 4180 without line breaks inside fields, which no master has).
 * Quoted and unquoted fields; "" inside quotes is a quote. Rejects an unterminated quote, text after
 * a closing quote, a quote inside an unquoted field and control characters, naming file and line.
 * Blank lines are skipped. Short field values are shared to keep large masters small in memory.
 */
final class CsvReader {
  /** One row and the line it starts on (1-based). */
  record Row(int line, String[] fields) {
  }

  private final Map<String, String> shared = new HashMap<>();

  List<Row> read(String text, String fileName) {
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int n = text.length();
    int i = 0;
    int line = 1;
    while (i < n) {
      char first = text.charAt(i);
      if (first == '\r' || first == '\n') {
        i = endOfLine(text, i);
        line++;
        continue;
      }
      fields.clear();
      while (true) {
        field.setLength(0);
        if (i < n && text.charAt(i) == '"') {
          i++;
          while (true) {
            if (i >= n) {
              throw error(fileName, line, "unterminated quote");
            }
            char ch = text.charAt(i);
            if (ch == '"') {
              if (i + 1 < n && text.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
                continue;
              }
              i++;
              break;
            }
            if (ch == '\r' || ch == '\n') {
              throw error(fileName, line, "unterminated quote");
            }
            checkCharacter(ch, fileName, line);
            field.append(ch);
            i++;
          }
          if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
            throw error(fileName, line, "text after a closing quote");
          }
        } else {
          while (i < n) {
            char ch = text.charAt(i);
            if (ch == ',' || ch == '\r' || ch == '\n') {
              break;
            }
            if (ch == '"') {
              throw error(fileName, line, "quote inside an unquoted field");
            }
            checkCharacter(ch, fileName, line);
            field.append(ch);
            i++;
          }
        }
        fields.add(share(field));
        if (i < n && text.charAt(i) == ',') {
          i++;
          continue;
        }
        break;
      }
      rows.add(new Row(line, fields.toArray(new String[0])));
      if (i < n) {
        i = endOfLine(text, i);
        line++;
      }
    }
    return rows;
  }

  private static int endOfLine(String text, int i) {
    if (text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
      return i + 2;
    }
    return i + 1;
  }

  private static void checkCharacter(char ch, String fileName, int line) {
    if (ch < 0x20 || ch == 0x7f) {
      throw error(fileName, line, "control character");
    }
  }

  private String share(StringBuilder field) {
    if (field.length() == 0) {
      return "";
    }
    String value = field.toString();
    if (value.length() > 8) {
      return value;
    }
    return shared.computeIfAbsent(value, v -> v);
  }

  static TsumugiException error(String fileName, int line, String what) {
    return new TsumugiException(ErrorCode.MASTER_CSV_MALFORMED, fileName + " line " + line + ": " + what);
  }
}
