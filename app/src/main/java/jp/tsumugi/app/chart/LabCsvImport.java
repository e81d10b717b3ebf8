package jp.tsumugi.app.chart;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * Lab CSV import with preview (docs/adr/0026 lists the column layout). {@link #preview} decodes and checks
 * every line and saves nothing; {@link #accept} saves only the OK lines of a preview in one transaction,
 * after checking the file is byte-for-byte the previewed one, the preview is recent, and every line still
 * checks the same (nothing imported or changed in between). Input is bounded: 10 MB, 50,000 lines, 1,000
 * characters a line. Problems carry stable error codes and the column, never values.
 */
public final class LabCsvImport {
  public static final int MAX_BYTES = 10 * 1024 * 1024;
  public static final int MAX_LINES = 50_000;
  public static final int MAX_LINE_CHARS = 1_000;
  public static final Duration MAX_AGE = Duration.ofMinutes(30);
  public static final Charset SHIFT_JIS = Charset.forName("Windows-31J");

  /** The columns of the layout; the first four are required. */
  public static final List<String> COLUMNS = List.of("patient_number", "specimen_date", "test_code", "value", "unit", "flag",
      "range_low", "range_high", "range_text");
  private static final int REQUIRED = 4;
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("[-+]?[0-9]{1,12}(\\.[0-9]{1,4})?");
  private static final Pattern DATE_SLASH = Pattern.compile("([0-9]{4})[/-]([0-9]{1,2})[/-]([0-9]{1,2})");
  private static final Pattern DATE_COMPACT = Pattern.compile("([0-9]{4})([0-9]{2})([0-9]{2})");

  /** Whether a line will be saved. */
  public enum Status { OK, ERROR }

  /** One problem: a stable code and the column at fault ("" for the whole line or file). */
  public record Problem(ErrorCode code, String column) {
  }

  /**
   * One data line: its physical line number (the header is line 1), status, problems, and for an OK line the
   * patient and the checked result to save. {@code patientNumber} and {@code testCode} echo the file for display.
   */
  public record Line(int number, Status status, List<Problem> problems, String patientNumber, String testCode, long patientId,
      LabResult result) {
    public Line {
      problems = List.copyOf(problems);
    }
  }

  /** A preview: the file's SHA-256, when it was made, the charset used, file-level problems and every data line. */
  public record Preview(String sha256, Instant at, String charset, List<Problem> fileProblems, List<Line> lines) {
    public Preview {
      fileProblems = List.copyOf(fileProblems);
      lines = List.copyOf(lines);
    }

    public long okCount() {
      return lines.stream().filter(l -> l.status() == Status.OK).count();
    }

    public long errorCount() {
      return lines.size() - okCount();
    }
  }

  private final LabStore store;
  private final ChartLabs labs;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;

  public LabCsvImport(LabStore store, ChartLabs labs, AuditLog audit, Transactions tx, Clock clock) {
    this.store = store;
    this.labs = labs;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Checks a file and saves nothing. {@code declared} is the encoding the user chose, or null to detect it
   * (a UTF-8 BOM, else valid UTF-8, else valid Shift_JIS/Windows-31J).
   */
  public Preview preview(Session session, byte[] bytes, Charset declared) {
    session.require(Permission.WRITE_CHART);
    return tx.inTransaction(() -> {
      Preview p = analyze(bytes, declared);
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.LAB_IMPORT_PREVIEWED,
          p.sha256().substring(0, 16), "lines=" + p.lines().size() + ",ok=" + p.okCount() + ",fileProblems=" + p.fileProblems().size()));
      return p;
    });
  }

  /**
   * Saves the OK lines of {@code preview} in one transaction and returns how many were saved. Refused with
   * TSU-9131, saving nothing, when {@code bytes} differ from the previewed file, the preview is older than
   * {@link #MAX_AGE}, or a line now checks differently (for example it was imported meanwhile).
   */
  public int accept(Session session, Preview preview, byte[] bytes) {
    session.require(Permission.WRITE_CHART);
    if (bytes.length > MAX_BYTES || !sha256(bytes).equals(preview.sha256())) {
      throw new TsumugiException(ErrorCode.LAB_IMPORT_STALE, "file changed");
    }
    Instant now = clock.instant();
    if (now.isAfter(preview.at().plus(MAX_AGE)) || now.isBefore(preview.at())) {
      throw new TsumugiException(ErrorCode.LAB_IMPORT_STALE, "preview age");
    }
    if (!preview.fileProblems().isEmpty()) {
      throw new TsumugiException(ErrorCode.LAB_IMPORT_STALE, "the preview has file problems");
    }
    return tx.inTransaction(() -> {
      Preview again = analyze(bytes, Charset.forName(preview.charset()));
      if (!sameOutcome(preview, again)) {
        throw new TsumugiException(ErrorCode.LAB_IMPORT_STALE, "lines check differently");
      }
      int saved = 0;
      Map<String, LabItem> items = new HashMap<>();
      store.items().forEach(i -> items.put(i.localCode(), i));
      Map<Long, Optional<LabStore.PatientRef>> patients = new HashMap<>();
      for (Line line : again.lines()) {
        if (line.status() == Status.OK) {
          LabStore.PatientRef patient = patients.computeIfAbsent(line.patientId(), store::patient).orElseThrow();
          labs.addChecked(session, line.patientId(), line.result(), items.get(line.result().localCode()), patient.sex());
          saved++;
        }
      }
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.LAB_IMPORT_ACCEPTED,
          preview.sha256().substring(0, 16), "saved=" + saved + ",patients=" + patients.size()));
      return saved;
    });
  }

  private static boolean sameOutcome(Preview a, Preview b) {
    if (a.lines().size() != b.lines().size() || !a.fileProblems().equals(b.fileProblems())) {
      return false;
    }
    for (int i = 0; i < a.lines().size(); i++) {
      Line x = a.lines().get(i);
      Line y = b.lines().get(i);
      if (x.number() != y.number() || x.status() != y.status() || !x.problems().equals(y.problems())) {
        return false;
      }
    }
    return true;
  }

  /** The whole check; reads the store, writes nothing. */
  Preview analyze(byte[] bytes, Charset declared) {
    String hash = sha256(bytes);
    Instant at = clock.instant();
    if (bytes.length > MAX_BYTES) {
      return fileProblem(hash, at, "", ErrorCode.LAB_IMPORT_FILE_TOO_BIG);
    }
    Optional<Decoded> decoded = decode(bytes, declared);
    if (decoded.isEmpty()) {
      return fileProblem(hash, at, declared == null ? "" : declared.name(), ErrorCode.LAB_IMPORT_ENCODING);
    }
    String text = decoded.get().text();
    String charset = decoded.get().charset().name();
    List<String> physical = splitLines(text);
    if (physical == null) {
      return fileProblem(hash, at, charset, ErrorCode.LAB_IMPORT_TOO_MANY_LINES);
    }
    int headerIndex = 0;
    while (headerIndex < physical.size() && physical.get(headerIndex).isBlank()) {
      headerIndex++;
    }
    if (headerIndex == physical.size()) {
      return fileProblem(hash, at, charset, ErrorCode.LAB_IMPORT_EMPTY);
    }
    int[] columnOf = header(physical.get(headerIndex));
    if (columnOf == null) {
      return fileProblem(hash, at, charset, ErrorCode.LAB_IMPORT_HEADER);
    }
    int width = 0;
    for (int c : columnOf) {
      width = Math.max(width, c + 1);
    }
    Context context = new Context(LocalDate.now(clock), catalogue());
    List<Line> lines = new ArrayList<>();
    for (int i = headerIndex + 1; i < physical.size(); i++) {
      String raw = physical.get(i);
      if (raw.isBlank()) {
        continue;
      }
      lines.add(line(i + 1, raw, columnOf, width, context));
    }
    if (lines.isEmpty()) {
      return fileProblem(hash, at, charset, ErrorCode.LAB_IMPORT_EMPTY);
    }
    return new Preview(hash, at, charset, List.of(), lines);
  }

  private record Decoded(String text, Charset charset) {
  }

  /** Per-preview caches: patients by number, their stored keys, the catalogue by local code and JLAC10. */
  private final class Context {
    final LocalDate today;
    final Map<String, LabItem> byLocal = new HashMap<>();
    final Map<String, LabItem> byJlac = new HashMap<>();
    final Map<String, Optional<LabStore.PatientRef>> patients = new HashMap<>();
    final Map<Long, Set<String>> storedKeys = new HashMap<>();
    final Set<String> seen = new HashSet<>();

    Context(LocalDate today, List<LabItem> items) {
      this.today = today;
      Set<String> ambiguous = new HashSet<>();
      for (LabItem item : items) {
        byLocal.put(item.localCode(), item);
        if (!item.jlac10().isEmpty() && byJlac.put(item.jlac10(), item) != null) {
          ambiguous.add(item.jlac10());
        }
      }
      ambiguous.forEach(byJlac::remove);
    }

    Optional<LabStore.PatientRef> patient(String number) {
      return patients.computeIfAbsent(number, store::patientByNumber);
    }

    Set<String> stored(long patientId) {
      return storedKeys.computeIfAbsent(patientId, store::resultKeys);
    }
  }

  private List<LabItem> catalogue() {
    return store.items();
  }

  private Line line(int number, String raw, int[] columnOf, int width, Context context) {
    if (raw.length() > MAX_LINE_CHARS) {
      return error(number, new Problem(ErrorCode.LAB_IMPORT_LINE_TOO_LONG, ""));
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\t' && (c < 0x20 || c >= 0x7F && c <= 0x9F || c == '\uFEFF' || c == '\uFFFD')) {
        return error(number, new Problem(ErrorCode.LAB_IMPORT_CONTROL_CHARACTER, ""));
      }
    }
    Optional<List<String>> parsed = CsvLine.parse(raw);
    if (parsed.isEmpty()) {
      return error(number, new Problem(ErrorCode.LAB_IMPORT_QUOTING, ""));
    }
    List<String> cells = parsed.get();
    if (cells.size() != width) {
      return error(number, new Problem(ErrorCode.LAB_IMPORT_COLUMN_COUNT, ""));
    }
    String[] f = new String[COLUMNS.size()];
    for (int k = 0; k < COLUMNS.size(); k++) {
      f[k] = columnOf[k] < 0 ? "" : cells.get(columnOf[k]).strip();
    }
    List<Problem> problems = new ArrayList<>();
    for (int k = 0; k < REQUIRED; k++) {
      if (f[k].isEmpty()) {
        problems.add(new Problem(ErrorCode.LAB_IMPORT_FIELD_MISSING, COLUMNS.get(k)));
      }
    }
    Optional<LabStore.PatientRef> patient = f[0].isEmpty() ? Optional.empty() : context.patient(f[0]);
    if (!f[0].isEmpty() && patient.isEmpty()) {
      problems.add(new Problem(ErrorCode.LAB_IMPORT_UNKNOWN_PATIENT, "patient_number"));
    }
    LocalDate date = null;
    if (!f[1].isEmpty()) {
      date = parseDate(f[1]);
      if (date == null) {
        problems.add(new Problem(ErrorCode.LAB_SPECIMEN_DATE_INVALID, "specimen_date"));
      } else if (date.isAfter(context.today)) {
        problems.add(new Problem(ErrorCode.LAB_SPECIMEN_DATE_FUTURE, "specimen_date"));
      }
    }
    LabItem item = null;
    if (!f[2].isEmpty()) {
      item = context.byLocal.get(f[2]);
      if (item == null) {
        item = context.byJlac.get(f[2].toUpperCase(Locale.ROOT));
      }
      if (item == null) {
        problems.add(new Problem(ErrorCode.LAB_TEST_UNKNOWN, "test_code"));
      }
    }
    LabValue value = null;
    if (item != null && !f[3].isEmpty()) {
      value = value(f[3], item);
      if (value == null) {
        problems.add(new Problem(ErrorCode.LAB_VALUE_INVALID, "value"));
      }
    }
    if (item != null && !f[4].isEmpty() && !LabFlags.fold(f[4]).equals(LabFlags.fold(item.unit()))) {
      problems.add(new Problem(ErrorCode.LAB_UNIT_MISMATCH, "unit"));
    }
    AbnormalFlag flag = null;
    if (!f[5].isEmpty()) {
      flag = AbnormalFlag.ofCode(f[5]).orElse(null);
      if (flag == null) {
        problems.add(new Problem(ErrorCode.LAB_FLAG_INVALID, "flag"));
      }
    }
    ReferenceRange range = range(f[6], f[7], f[8]);
    if (range == null) {
      problems.add(new Problem(ErrorCode.LAB_RANGE_INVALID, "range"));
    }
    if (!problems.isEmpty()) {
      return new Line(number, Status.ERROR, problems, f[0], f[2], 0, null);
    }
    LabStore.PatientRef ref = patient.orElseThrow();
    LabResult result = new LabResult(item.localCode(), "", value, "", range.isEmpty() ? item.rangeFor(ref.sex()) : range, flag, date,
        null);
    try {
      result = ChartLabs.check(result, item, ref.sex(), context.today);
    } catch (InvalidFieldException e) {
      return new Line(number, Status.ERROR, List.of(new Problem(e.errorCode(), e.field())), f[0], f[2], 0, null);
    }
    String key = key(item.localCode(), date, value);
    if (!context.seen.add(ref.id() + "|" + key)) {
      problems.add(new Problem(ErrorCode.LAB_IMPORT_DUPLICATE_IN_FILE, ""));
    } else if (context.stored(ref.id()).contains(key)) {
      problems.add(new Problem(ErrorCode.LAB_IMPORT_DUPLICATE_STORED, ""));
    }
    if (!problems.isEmpty()) {
      return new Line(number, Status.ERROR, problems, f[0], f[2], 0, null);
    }
    return new Line(number, Status.OK, List.of(), f[0], f[2], ref.id(), result);
  }

  /** The duplicate key of a result, as {@link LabStore#resultKeys} returns them. */
  public static String key(String localCode, LocalDate date, LabValue value) {
    return localCode + "|" + date + "|" + value.key();
  }

  private static Line error(int number, Problem problem) {
    return new Line(number, Status.ERROR, List.of(problem), "", "", 0, null);
  }

  private static LabValue value(String text, LabItem item) {
    LabValue value;
    if (item.qualitative()) {
      value = LabValue.qualitative(text);
    } else {
      if (!PLAIN_DECIMAL.matcher(text).matches()) {
        return null;
      }
      value = LabValue.numeric(new BigDecimal(text));
    }
    try {
      ChartLabs.checkValue(value, item);
      return value;
    } catch (TsumugiException e) {
      return null;
    }
  }

  private static ReferenceRange range(String low, String high, String text) {
    if (!low.isEmpty() && !PLAIN_DECIMAL.matcher(low).matches() || !high.isEmpty() && !PLAIN_DECIMAL.matcher(high).matches()) {
      return null;
    }
    ReferenceRange range = new ReferenceRange(low.isEmpty() ? null : new BigDecimal(low), high.isEmpty() ? null : new BigDecimal(high),
        text);
    try {
      ChartLabs.checkRange(range, "range");
      return range;
    } catch (TsumugiException e) {
      return null;
    }
  }

  static LocalDate parseDate(String text) {
    java.util.regex.Matcher m = DATE_SLASH.matcher(text);
    if (!m.matches()) {
      m = DATE_COMPACT.matcher(text);
      if (!m.matches()) {
        return null;
      }
    }
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** Column index in the file of each of {@link #COLUMNS} (-1 when absent); null when the header is not acceptable. */
  private static int[] header(String line) {
    Optional<List<String>> cells = CsvLine.parse(line);
    if (cells.isEmpty() || line.length() > MAX_LINE_CHARS) {
      return null;
    }
    int[] columnOf = new int[COLUMNS.size()];
    java.util.Arrays.fill(columnOf, -1);
    List<String> names = cells.get();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).strip().toLowerCase(Locale.ROOT);
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1);
      }
      int k = COLUMNS.indexOf(name);
      if (k < 0 || columnOf[k] >= 0) {
        return null;
      }
      columnOf[k] = i;
    }
    for (int k = 0; k < REQUIRED; k++) {
      if (columnOf[k] < 0) {
        return null;
      }
    }
    return columnOf;
  }

  /** Lines split at LF, CRLF or CR; null when there are more than {@link #MAX_LINES} + 1 (the header). */
  private static List<String> splitLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
        if (lines.size() > MAX_LINES + 1) {
          return null;
        }
      }
    }
    if (start < n) {
      lines.add(text.substring(start));
    }
    return lines.size() > MAX_LINES + 1 ? null : lines;
  }

  private static Optional<Decoded> decode(byte[] bytes, Charset declared) {
    boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    if (declared != null) {
      boolean utf8 = declared.equals(StandardCharsets.UTF_8);
      return strict(bytes, utf8 && bom ? 3 : 0, declared);
    }
    if (bom) {
      return strict(bytes, 3, StandardCharsets.UTF_8);
    }
    Optional<Decoded> utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
    return utf8.isPresent() ? utf8 : strict(bytes, 0, SHIFT_JIS);
  }

  private static Optional<Decoded> strict(byte[] bytes, int offset, Charset charset) {
    try {
      CharBuffer chars = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
      return Optional.of(new Decoded(chars.toString(), charset));
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static Preview fileProblem(String hash, Instant at, String charset, ErrorCode code) {
    return new Preview(hash, at, charset.isEmpty() ? StandardCharsets.UTF_8.name() : charset, List.of(new Problem(code, "")), List.of());
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }
}
