package jp.tsumugi.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tsumugi.app.master.DrugRecord;
import jp.tsumugi.app.master.MasterKind;
import jp.tsumugi.app.master.MasterRecords;
import jp.tsumugi.app.master.RawRow;
import jp.tsumugi.app.prescription.DrugLookup;

/** Rows of the official y master in ../shared/masters (the full file of 2024-03-21), read once for tests. */
public final class RealDrugs implements DrugLookup {
  /** トリアゾラム錠0.125mg「EMEC」: 向精神薬 (col 14 = 5), has 一般名コード. */
  public static final String TRIAZOLAM = "610412126";
  /** ノルバスク錠5mg: ordinary, has 一般名コード. */
  public static final String NORVASC_5 = "612170710";
  /** ロキソニン錠60mg. */
  public static final String LOXONIN_60 = "620098801";
  /** ムコスタ錠100mg: no 一般名コード. */
  public static final String MUCOSTA_100 = "620452801";
  /** カロナール錠200. */
  public static final String CALONAL_200 = "620002023";
  /** ロキソニンパップ100mg (外用). */
  public static final String LOXONIN_PAP = "620003477";

  private static final Set<String> CODES = Set.of(TRIAZOLAM, NORVASC_5, LOXONIN_60, MUCOSTA_100, CALONAL_200, LOXONIN_PAP);
  private static Map<String, DrugRecord> loaded;

  private final Map<String, DrugRecord> drugs;

  public RealDrugs() {
    this.drugs = new HashMap<>(load());
  }

  /** Replaces a record (e.g. with an abolished validity) for one test. */
  public RealDrugs with(DrugRecord record) {
    drugs.put(record.code(), record);
    return this;
  }

  public DrugRecord get(String code) {
    return drugs.get(code);
  }

  @Override
  public Optional<DrugRecord> drug(String code, LocalDate date) {
    return Optional.ofNullable(drugs.get(code));
  }

  private static synchronized Map<String, DrugRecord> load() {
    if (loaded != null) {
      return loaded;
    }
    String shared = System.getProperty("tsumugi.shared.dir");
    Path base = shared != null ? Path.of(shared) : Path.of("..", "..", "shared");
    Path file = base.resolve("masters").resolve("ssk").resolve("y").resolve("y_ALL20240321.csv");
    Map<String, DrugRecord> out = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file, Charset.forName("windows-31j"))) {
        List<String> columns = split(line);
        if (columns.size() > 3 && CODES.contains(columns.get(2))) {
          out.put(columns.get(2), (DrugRecord) MasterRecords.of(MasterKind.Y, new RawRow(columns)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!out.keySet().equals(CODES)) {
      throw new IllegalStateException("y master rows missing: found " + out.keySet());
    }
    loaded = Map.copyOf(out);
    return loaded;
  }

  private static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
