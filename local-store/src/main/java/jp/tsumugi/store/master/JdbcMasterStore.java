package jp.tsumugi.store.master;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.ChangeKind;
import jp.tsumugi.app.master.DrugRecord;
import jp.tsumugi.app.master.MasterImportProgress;
import jp.tsumugi.app.master.MasterImportProgress.Phase;
import jp.tsumugi.app.master.MasterImportReport;
import jp.tsumugi.app.master.MasterImporter;
import jp.tsumugi.app.master.MasterKind;
import jp.tsumugi.app.master.MasterRecord;
import jp.tsumugi.app.master.MasterRecords;
import jp.tsumugi.app.master.MasterRepository;
import jp.tsumugi.app.master.MasterStatus;
import jp.tsumugi.app.master.RawRow;
import jp.tsumugi.app.master.Validity;

/**
 * Masters on JDBC (H2 and PostgreSQL). Import: read and check every file, then in one transaction
 * skip files already imported (same SHA-256), check the order, merge each row onto the code's latest
 * revision (diff: blank column = unchanged; full file: the row as published), write a new revision
 * only where something changed. Nothing is ever updated or deleted (docs/adr/0008).
 */
final class JdbcMasterStore implements MasterRepository, MasterImporter {
  private static final char SEPARATOR = '\u001f';
  private static final int BATCH = 2000;

  private final Transactions tx;
  private final SqlSession sql;
  private final Clock clock;

  JdbcMasterStore(Transactions tx, SqlSession sql, Clock clock) {
    this.tx = tx;
    this.sql = sql;
    this.clock = clock;
  }

  @Override
  public MasterImportReport importPath(Path path, MasterImportProgress progress) {
    return run(new MasterSources().collect(path), progress);
  }

  @Override
  public MasterImportReport importBundled(MasterImportProgress progress) {
    return run(new MasterSources().bundled(), progress);
  }

  MasterImportReport run(List<MasterInput> inputs, MasterImportProgress progress) {
    CsvReader csv = new CsvReader();
    List<ParsedFile> files = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      progress.update(Phase.READING, inputs.get(i).name(), i, inputs.size());
      files.add(ParsedFile.parse(inputs.get(i), csv));
    }
    progress.update(Phase.READING, "", inputs.size(), inputs.size());
    MasterImportReport report = tx.inTransaction(() -> apply(files, progress));
    progress.update(Phase.DONE, "", 1, 1);
    return report;
  }

  private record StoredFile(MasterKind kind, String name, String sha256, LocalDate date, boolean full) {
  }

  /** The latest revision of a code while an import runs. */
  private static final class Latest {
    final int revisionNo;
    private String joined;
    private String[] columns;

    Latest(int revisionNo, String joined, String[] columns) {
      this.revisionNo = revisionNo;
      this.joined = joined;
      this.columns = columns;
    }

    String[] columns() {
      if (columns == null) {
        columns = split(joined);
        joined = null;
      }
      return columns;
    }
  }

  private record Pending(MasterKind kind, String code, int revisionNo, Validity validity, int fileIndex, int line, String raw) {
  }

  private MasterImportReport apply(List<ParsedFile> files, MasterImportProgress progress) {
    List<StoredFile> stored = loadFiles();
    Set<String> knownSha = new HashSet<>();
    Map<String, String> knownNames = new HashMap<>();
    for (StoredFile s : stored) {
      knownSha.add(s.sha256());
      knownNames.put(s.kind() + "/" + s.name(), s.sha256());
    }
    List<String> skipped = new ArrayList<>();
    Map<MasterKind, List<ParsedFile>> byKind = new EnumMap<>(MasterKind.class);
    for (ParsedFile f : files) {
      if (!knownSha.add(f.sha256())) {
        skipped.add(f.name());
        continue;
      }
      String previous = knownNames.putIfAbsent(f.kind() + "/" + f.name(), f.sha256());
      if (previous != null) {
        throw new TsumugiException(ErrorCode.MASTER_FILE_CONFLICT, f.name());
      }
      byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f);
    }
    List<ParsedFile> ordered = new ArrayList<>();
    List<Pending> pending = new ArrayList<>();
    Map<MasterKind, int[]> counts = new EnumMap<>(MasterKind.class);
    for (Map.Entry<MasterKind, List<ParsedFile>> entry : byKind.entrySet()) {
      MasterKind kind = entry.getKey();
      List<ParsedFile> kindFiles = new ArrayList<>(entry.getValue());
      kindFiles.sort(Comparator.comparing(ParsedFile::date).thenComparing(f -> !f.full()).thenComparing(ParsedFile::name));
      checkOrder(kind, kindFiles, stored);
      Map<String, Latest> state = loadLatest(kind);
      int[] count = counts.computeIfAbsent(kind, k -> new int[3]);
      for (ParsedFile f : kindFiles) {
        progress.update(Phase.APPLYING, f.name(), ordered.size(), files.size());
        int fileIndex = ordered.size();
        ordered.add(f);
        for (CsvReader.Row row : f.rows()) {
          applyRow(kind, f, fileIndex, row, state, count, pending);
        }
      }
    }
    write(ordered, pending, progress);
    MasterStatus status = status();
    List<MasterImportReport.KindReport> kinds = new ArrayList<>();
    for (MasterKind kind : MasterKind.values()) {
      int[] c = counts.getOrDefault(kind, new int[3]);
      MasterStatus.KindStatus s = status.of(kind);
      kinds.add(new MasterImportReport.KindReport(kind, c[0], c[1], c[2], s.effectiveDate(), s.latestFileDate()));
    }
    return new MasterImportReport(kinds, ordered.stream().map(ParsedFile::name).toList(), skipped);
  }

  private static void checkOrder(MasterKind kind, List<ParsedFile> kindFiles, List<StoredFile> stored) {
    LocalDate latest = null;
    boolean hasFull = false;
    for (StoredFile s : stored) {
      if (s.kind() == kind) {
        latest = latest == null || s.date().isAfter(latest) ? s.date() : latest;
        hasFull |= s.full();
      }
    }
    for (ParsedFile f : kindFiles) {
      if (latest != null && f.date().isBefore(latest)) {
        throw new TsumugiException(ErrorCode.MASTER_DIFF_TOO_OLD, f.name() + " is older than the loaded " + kind
            + " master of " + latest);
      }
      if (!f.full() && !hasFull) {
        throw new TsumugiException(ErrorCode.MASTER_NO_FULL_FILE, f.name());
      }
      hasFull |= f.full();
      latest = f.date();
    }
  }

  private static void applyRow(MasterKind kind, ParsedFile f, int fileIndex, CsvReader.Row row, Map<String, Latest> state,
      int[] count, List<Pending> pending) {
    String[] fields = row.fields();
    String code;
    MasterRecord record;
    String[] merged;
    try {
      code = MasterRecords.codeOf(kind, new RawRow(Arrays.asList(fields)));
      Latest previous = state.get(code);
      merged = f.full() || previous == null ? fields : overlay(previous.columns(), fields);
      if (previous != null && sameContent(previous.columns(), merged)) {
        return;
      }
      record = MasterRecords.of(kind, new RawRow(Arrays.asList(merged)));
      Validity validity = record.validity();
      boolean abolishes = validity.change() == ChangeKind.ABOLISHED || validity.change() == ChangeKind.ERASED
          || (validity.ends() && previous != null && !MasterRecords.validityOf(kind, new RawRow(Arrays.asList(previous.columns())))
              .ends());
      count[previous == null ? 0 : abolishes ? 2 : 1]++;
      int revisionNo = previous == null ? 1 : previous.revisionNo + 1;
      state.put(code, new Latest(revisionNo, null, merged));
      pending.add(new Pending(kind, code, revisionNo, validity, fileIndex, row.line(), join(merged)));
    } catch (TsumugiException e) {
      throw new TsumugiException(e.errorCode(), f.name() + " line " + row.line() + ": " + e.detail(), e);
    }
  }

  /** A diff row: blank columns keep the previous value; column 1 (変更区分) is always the row's own. */
  static String[] overlay(String[] previous, String[] row) {
    String[] merged = new String[Math.max(previous.length, row.length)];
    for (int i = 0; i < merged.length; i++) {
      String value = i < row.length ? row[i] : "";
      merged[i] = i == 0 || !value.isEmpty() ? value : i < previous.length ? previous[i] : "";
    }
    return merged;
  }

  /**
   * Equal apart from 変更区分, trailing blank columns ignored (医薬品 grew from 40 to 42 columns). 変更区分
   * counts only as erased (1) or not: an erasure changes nothing else in the row, a 継続 restatement of a
   * 変更 row changes nothing at all.
   */
  static boolean sameContent(String[] a, String[] b) {
    if (isErased(a) != isErased(b)) {
      return false;
    }
    int n = Math.max(a.length, b.length);
    for (int i = 1; i < n; i++) {
      String x = i < a.length ? a[i] : "";
      String y = i < b.length ? b[i] : "";
      if (!x.equals(y)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isErased(String[] row) {
    return row.length > 0 && String.valueOf(ChangeKind.ERASED.code()).equals(row[0]);
  }

  static String join(String[] columns) {
    return String.join(String.valueOf(SEPARATOR), columns);
  }

  static String[] split(String joined) {
    return joined.split(String.valueOf(SEPARATOR), -1);
  }

  private void write(List<ParsedFile> files, List<Pending> pending, MasterImportProgress progress) {
    long now = clock.millis();
    sql.withConnection(c -> {
      long[] ids = new long[files.size()];
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO master_file (kind, file_name, sha256, file_date, full_file, "
          + "row_count, imported_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
        for (int i = 0; i < files.size(); i++) {
          ParsedFile f = files.get(i);
          ps.setString(1, String.valueOf(f.kind().letter()));
          ps.setString(2, f.name());
          ps.setString(3, f.sha256());
          ps.setObject(4, f.date());
          ps.setBoolean(5, f.full());
          ps.setInt(6, f.rows().size());
          ps.setLong(7, now);
          ps.executeUpdate();
          try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            ids[i] = keys.getLong(1);
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO master_revision (kind, code, revision_no, valid_from, "
          + "abolished_on, change_kind, file_id, line_no, raw_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        int inBatch = 0;
        for (int i = 0; i < pending.size(); i++) {
          Pending p = pending.get(i);
          ps.setString(1, String.valueOf(p.kind().letter()));
          ps.setString(2, p.code());
          ps.setInt(3, p.revisionNo());
          setDate(ps, 4, p.validity().from());
          setDate(ps, 5, p.validity().abolishedOn());
          ps.setInt(6, p.validity().change().code());
          ps.setLong(7, ids[p.fileIndex()]);
          ps.setInt(8, p.line());
          ps.setString(9, p.raw());
          ps.addBatch();
          if (++inBatch == BATCH) {
            ps.executeBatch();
            inBatch = 0;
            progress.update(Phase.WRITING, "", i + 1, pending.size());
          }
        }
        if (inBatch > 0) {
          ps.executeBatch();
        }
        progress.update(Phase.WRITING, "", pending.size(), pending.size());
      }
      return null;
    });
  }

  private static void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
    if (date == null) {
      ps.setNull(index, Types.DATE);
    } else {
      ps.setObject(index, date);
    }
  }

  private List<StoredFile> loadFiles() {
    return sql.withConnection(c -> {
      List<StoredFile> files = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT kind, file_name, sha256, file_date, full_file FROM master_file");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          files.add(new StoredFile(MasterKind.ofLetter(rs.getString(1).trim()).orElseThrow(), rs.getString(2), rs.getString(3),
              rs.getObject(4, LocalDate.class), rs.getBoolean(5)));
        }
      }
      return files;
    });
  }

  private Map<String, Latest> loadLatest(MasterKind kind) {
    return sql.withConnection(c -> {
      Map<String, Latest> latest = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT code, revision_no, raw_row FROM master_revision WHERE kind = ? "
          + "ORDER BY code, revision_no")) {
        ps.setString(1, String.valueOf(kind.letter()));
        ps.setFetchSize(BATCH);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            latest.put(rs.getString(1), new Latest(rs.getInt(2), rs.getString(3), null));
          }
        }
      }
      return latest;
    });
  }

  @Override
  public Optional<MasterRecord> find(MasterKind kind, String code, LocalDate asOf) {
    return sql.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT valid_from, raw_row FROM master_revision WHERE kind = ? AND code = ? "
          + "ORDER BY revision_no")) {
        ps.setString(1, String.valueOf(kind.letter()));
        ps.setString(2, code);
        Chooser chooser = new Chooser(asOf);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            chooser.offer(rs.getObject(1, LocalDate.class), rs.getString(2));
          }
        }
        Optional<MasterRecord> record = chooser.inForce(kind);
        return kind == MasterKind.Y && record.isPresent() ? Optional.of(withAttachedYj(record.get(), attachedYj(c, code)))
            : record;
      }
    });
  }

  /** Picks the revision in force on a date among one code's revisions, offered oldest import first. */
  private static final class Chooser {
    private final LocalDate asOf;
    private LocalDate bestFrom;
    private String bestRaw;

    Chooser(LocalDate asOf) {
      this.asOf = asOf;
    }

    void offer(LocalDate from, String raw) {
      if (from != null && from.isAfter(asOf)) {
        return;
      }
      boolean later;
      if (bestRaw == null) {
        later = true;
      } else if (from == null) {
        later = bestFrom == null;
      } else {
        later = bestFrom == null || !from.isBefore(bestFrom);
      }
      if (later) {
        bestFrom = from;
        bestRaw = raw;
      }
    }

    Optional<MasterRecord> inForce(MasterKind kind) {
      if (bestRaw == null) {
        return Optional.empty();
      }
      MasterRecord record = MasterRecords.of(kind, new RawRow(List.of(split(bestRaw))));
      return record.validity().inForceOn(asOf) ? Optional.of(record) : Optional.empty();
    }
  }

  @Override
  public List<MasterRecord> history(MasterKind kind, String code) {
    return sql.withConnection(c -> {
      List<MasterRecord> revisions = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT raw_row FROM master_revision WHERE kind = ? AND code = ? "
          + "ORDER BY revision_no")) {
        ps.setString(1, String.valueOf(kind.letter()));
        ps.setString(2, code);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            revisions.add(MasterRecords.of(kind, new RawRow(List.of(split(rs.getString(1))))));
          }
        }
      }
      if (kind == MasterKind.Y) {
        Map<String, String> attached = attachedYj(c, code);
        revisions.replaceAll(r -> withAttachedYj(r, attached));
      }
      return revisions;
    });
  }

  @Override
  public void forEachInForce(MasterKind kind, LocalDate asOf, Consumer<MasterRecord> sink) {
    Map<String, String> attached = kind == MasterKind.Y ? sql.withConnection(c -> attachedYj(c, null)) : Map.of();
    scanByCode(kind, revisions -> {
      Chooser chooser = new Chooser(asOf);
      for (StoredRevision r : revisions) {
        chooser.offer(r.from(), r.raw());
      }
      chooser.inForce(kind).ifPresent(r -> sink.accept(withAttachedYj(r, attached)));
    });
  }

  @Override
  public void forEachLatest(MasterKind kind, Consumer<MasterRecord> sink) {
    Map<String, String> attached = kind == MasterKind.Y ? sql.withConnection(c -> attachedYj(c, null)) : Map.of();
    scanByCode(kind, revisions -> sink.accept(withAttachedYj(MasterRecords.of(kind,
        new RawRow(List.of(split(revisions.get(revisions.size() - 1).raw())))), attached)));
  }

  /**
   * YJ codes attached from 薬価基準収載品目リスト files (docs/adr/0016), by 医薬品 code; the latest list wins.
   * {@code code} null reads all of them (a few dozen at most: only codes whose master rows lack one).
   */
  static Map<String, String> attachedYj(Connection c, String code) throws SQLException {
    Map<String, String> attached = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT a.code, a.yj_code FROM drug_yj_attachment a JOIN drug_price_list l "
        + "ON l.id = a.list_id" + (code == null ? "" : " WHERE a.code = ?") + " ORDER BY l.list_date, l.id")) {
      if (code != null) {
        ps.setString(1, code);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          attached.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return attached;
  }

  /** The master's own YJ code (column 32) wins; an attachment only fills a blank one. */
  static MasterRecord withAttachedYj(MasterRecord record, Map<String, String> attached) {
    if (record instanceof DrugRecord drug && drug.yjCode().isEmpty()) {
      String yj = attached.get(drug.code());
      return yj == null ? drug : drug.withYjCode(yj);
    }
    return record;
  }

  private record StoredRevision(LocalDate from, String raw) {
  }

  /** Streams one kind in code order and hands over the revisions of each code, oldest import first. */
  private void scanByCode(MasterKind kind, Consumer<List<StoredRevision>> group) {
    sql.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT code, valid_from, raw_row FROM master_revision WHERE kind = ? "
          + "ORDER BY code, revision_no")) {
        ps.setString(1, String.valueOf(kind.letter()));
        ps.setFetchSize(BATCH);
        try (ResultSet rs = ps.executeQuery()) {
          String current = null;
          List<StoredRevision> revisions = new ArrayList<>();
          while (rs.next()) {
            String code = rs.getString(1);
            if (!code.equals(current)) {
              if (current != null) {
                group.accept(revisions);
              }
              current = code;
              revisions = new ArrayList<>();
            }
            revisions.add(new StoredRevision(rs.getObject(2, LocalDate.class), rs.getString(3)));
          }
          if (current != null) {
            group.accept(revisions);
          }
        }
      }
      return null;
    });
  }

  @Override
  public MasterStatus status() {
    return sql.withConnection(c -> {
      Map<MasterKind, Object[]> counts = new EnumMap<>(MasterKind.class);
      try (PreparedStatement ps = c.prepareStatement("SELECT kind, COUNT(DISTINCT code), COUNT(*), MAX(valid_from) "
          + "FROM master_revision GROUP BY kind"); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(MasterKind.ofLetter(rs.getString(1).trim()).orElseThrow(),
              new Object[] {rs.getInt(2), rs.getInt(3), rs.getObject(4, LocalDate.class)});
        }
      }
      Map<MasterKind, List<MasterStatus.ImportedFile>> files = new EnumMap<>(MasterKind.class);
      try (PreparedStatement ps = c.prepareStatement("SELECT kind, file_name, sha256, file_date, full_file, row_count, "
          + "imported_at_ms FROM master_file ORDER BY file_date, id"); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          files.computeIfAbsent(MasterKind.ofLetter(rs.getString(1).trim()).orElseThrow(), k -> new ArrayList<>())
              .add(new MasterStatus.ImportedFile(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                  rs.getBoolean(5), rs.getInt(6), Instant.ofEpochMilli(rs.getLong(7))));
        }
      }
      List<MasterStatus.KindStatus> kinds = new ArrayList<>();
      for (MasterKind kind : MasterKind.values()) {
        Object[] count = counts.getOrDefault(kind, new Object[] {0, 0, null});
        List<MasterStatus.ImportedFile> kindFiles = files.getOrDefault(kind, List.of());
        LocalDate latestFile = kindFiles.stream().map(MasterStatus.ImportedFile::fileDate).max(Comparator.naturalOrder())
            .orElse(null);
        kinds.add(new MasterStatus.KindStatus(kind, latestFile, (LocalDate) count[2], (Integer) count[0], (Integer) count[1],
            kindFiles));
      }
      return new MasterStatus(kinds);
    });
  }
}
