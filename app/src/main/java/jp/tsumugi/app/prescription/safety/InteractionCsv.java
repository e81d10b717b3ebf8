package jp.tsumugi.app.prescription.safety;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import jp.tsumugi.app.chart.CsvLine;
import jp.tsumugi.app.common.ErrorCode;

/**
 * The interaction table as CSV (docs/adr/0030): header {@code ingredient_a,name_a,ingredient_b,name_b,severity,mechanism,
 * source_reference} (names optional, any column order), UTF-8 (with or without BOM) or Shift_JIS. {@link #parse} checks
 * everything and reports every problem with its line; a file with any problem must not be saved. {@link #format} writes
 * UTF-8 that parses back to the same rows.
 */
public final class InteractionCsv {
  public static final int MAX_BYTES = 5 * 1024 * 1024;
  public static final int MAX_LINES = 50_000;
  public static final int MAX_LINE_CHARS = 2_000;
  public static final Charset SHIFT_JIS = Charset.forName("Windows-31J");
  public static final List<String> COLUMNS = List.of("ingredient_a", "name_a", "ingredient_b", "name_b", "severity", "mechanism",
      "source_reference");
  private static final Set<String> REQUIRED = Set.of("ingredient_a", "ingredient_b", "severity", "source_reference");

  /** A problem: the physical line number (0 for the whole file) and the error code. */
  public record Problem(int line, ErrorCode code) {
  }

  /** A parsed row with the names the file gave, following the keys (stored with keyA < keyB); names are for people. */
  public record Row(int line, Interaction interaction, String nameA, String nameB) {
  }

  /** The outcome: the file's SHA-256 and charset, every problem, and the rows that were fine. */
  public record Preview(String sha256, String charset, List<Problem> problems, List<Row> rows) {
    public Preview {
      problems = List.copyOf(problems);
      rows = List.copyOf(rows);
    }

    public boolean clean() {
      return problems.isEmpty();
    }

    public List<Interaction> interactions() {
      return rows.stream().map(Row::interaction).toList();
    }
  }

  private InteractionCsv() {
  }

  /** Checks the file; {@code knownKey} says whether an ingredient key exists in the drug master. */
  public static Preview parse(byte[] bytes, Predicate<String> knownKey) {
    String hash = sha256(bytes);
    if (bytes.length > MAX_BYTES) {
      return file(hash, "", ErrorCode.INTERACTION_CSV_TOO_BIG);
    }
    Optional<Map.Entry<String, Charset>> decoded = decode(bytes);
    if (decoded.isEmpty()) {
      return file(hash, "", ErrorCode.INTERACTION_CSV_ENCODING);
    }
    String text = decoded.get().getKey();
    String charset = decoded.get().getValue().name();
    String[] lines = text.split("\r\n|\n|\r", -1);
    if (lines.length > MAX_LINES + 1) {
      return file(hash, charset, ErrorCode.INTERACTION_CSV_TOO_MANY_LINES);
    }
    int h = 0;
    while (h < lines.length && lines[h].isBlank()) {
      h++;
    }
    if (h == lines.length) {
      return file(hash, charset, ErrorCode.INTERACTION_CSV_EMPTY);
    }
    Map<String, Integer> col = header(lines[h]);
    if (col == null) {
      return new Preview(hash, charset, List.of(new Problem(h + 1, ErrorCode.INTERACTION_CSV_HEADER)), List.of());
    }
    int width = col.size();
    List<Problem> problems = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    Set<String> pairs = new HashSet<>();
    for (int i = h + 1; i < lines.length; i++) {
      String raw = lines[i];
      int number = i + 1;
      if (raw.isBlank()) {
        continue;
      }
      ErrorCode problem = null;
      Row row = null;
      if (raw.length() > MAX_LINE_CHARS) {
        problem = ErrorCode.INTERACTION_CSV_LINE_TOO_LONG;
      } else if (hasControl(raw)) {
        problem = ErrorCode.INTERACTION_CSV_CONTROL_CHARACTER;
      } else {
        Optional<List<String>> fields = CsvLine.parse(raw);
        if (fields.isEmpty() || fields.get().size() != width) {
          problem = ErrorCode.INTERACTION_CSV_COLUMNS;
        } else {
          List<String> f = fields.get();
          String a = get(f, col, "ingredient_a");
          String b = get(f, col, "ingredient_b");
          String severity = get(f, col, "severity").toUpperCase(Locale.ROOT);
          String source = get(f, col, "source_reference");
          if (!IngredientKeys.isKey(a) || !IngredientKeys.isKey(b)) {
            problem = ErrorCode.INTERACTION_CSV_KEY_FORMAT;
          } else if (a.equals(b)) {
            problem = ErrorCode.INTERACTION_CSV_SAME_KEY;
          } else if (!knownKey.test(a) || !knownKey.test(b)) {
            problem = ErrorCode.INTERACTION_CSV_UNKNOWN_KEY;
          } else if (!severity.equals("CONTRAINDICATED") && !severity.equals("CAUTION")) {
            problem = ErrorCode.INTERACTION_CSV_SEVERITY;
          } else if (source.isEmpty()) {
            problem = ErrorCode.INTERACTION_CSV_SOURCE_MISSING;
          } else {
            Interaction x = new Interaction(a, b, Interaction.Severity.valueOf(severity), get(f, col, "mechanism"), source);
            if (!pairs.add(x.keyA() + "+" + x.keyB())) {
              problem = ErrorCode.INTERACTION_CSV_DUPLICATE_PAIR;
            } else {
              boolean swapped = !x.keyA().equals(a);
              String nameA = get(f, col, swapped ? "name_b" : "name_a");
              String nameB = get(f, col, swapped ? "name_a" : "name_b");
              row = new Row(number, x, nameA, nameB);
            }
          }
        }
      }
      if (problem != null) {
        problems.add(new Problem(number, problem));
      } else {
        rows.add(row);
      }
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(new Problem(0, ErrorCode.INTERACTION_CSV_EMPTY));
    }
    return new Preview(hash, charset, problems, rows);
  }

  /** The rows as UTF-8 CSV with the full header. */
  public static byte[] format(List<Row> rows) {
    StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (Row r : rows) {
      Interaction x = r.interaction();
      List<String> fields = List.of(x.keyA(), r.nameA(), x.keyB(), r.nameB(), x.severity().name(), x.mechanism(), x.sourceReference());
      sb.append(String.join(",", fields.stream().map(CsvLine::quote).toList())).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String get(List<String> fields, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null ? "" : fields.get(i).strip();
  }

  private static Map<String, Integer> header(String line) {
    Optional<List<String>> fields = CsvLine.parse(line);
    if (fields.isEmpty()) {
      return null;
    }
    Map<String, Integer> col = new HashMap<>();
    List<String> f = fields.get();
    for (int i = 0; i < f.size(); i++) {
      String name = f.get(i).strip().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(name) || col.put(name, i) != null) {
        return null;
      }
    }
    return col.keySet().containsAll(REQUIRED) ? col : null;
  }

  private static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7F || c == '\uFFFD' || c == '\uFEFF') {
        return true;
      }
    }
    return false;
  }

  private static Preview file(String hash, String charset, ErrorCode code) {
    return new Preview(hash, charset.isEmpty() ? StandardCharsets.UTF_8.name() : charset, List.of(new Problem(0, code)), List.of());
  }

  private static Optional<Map.Entry<String, Charset>> decode(byte[] bytes) {
    boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    if (bom) {
      return strict(Arrays.copyOfRange(bytes, 3, bytes.length), StandardCharsets.UTF_8);
    }
    Optional<Map.Entry<String, Charset>> utf8 = strict(bytes, StandardCharsets.UTF_8);
    return utf8.isPresent() ? utf8 : strict(bytes, SHIFT_JIS);
  }

  private static Optional<Map.Entry<String, Charset>> strict(byte[] bytes, Charset charset) {
    try {
      CharBuffer chars = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return Optional.of(Map.entry(chars.toString(), charset));
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** Lower-case hex SHA-256. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}
