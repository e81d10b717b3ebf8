package jp.tsumugi.app.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One CSV line (RFC 4180 without line breaks inside fields): fields separated by commas, a field may be
 * enclosed in double quotes with {@code ""} for a quote. A quote inside an unquoted field, text after a
 * closing quote or an unclosed quote is a quoting error (empty result).
 */
public final class CsvLine {
  private CsvLine() {
  }

  public static Optional<List<String>> parse(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = line.length();
    while (true) {
      field.setLength(0);
      if (i < n && line.charAt(i) == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < n && line.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              closed = true;
              break;
            }
          } else {
            field.append(c);
          }
        }
        if (!closed || i < n && line.charAt(i) != ',') {
          return Optional.empty();
        }
      } else {
        while (i < n && line.charAt(i) != ',') {
          char c = line.charAt(i++);
          if (c == '"') {
            return Optional.empty();
          }
          field.append(c);
        }
      }
      fields.add(field.toString());
      if (i >= n) {
        return Optional.of(fields);
      }
      i++;
    }
  }

  /** The field as CSV: quoted when it holds a comma or a quote. */
  public static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
