package jp.tsumugi.app.master.search;

import jp.tsumugi.app.master.ModifierPosition;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Test-only reader of the real SSK master files in ../shared/masters: only the columns search needs,
 * straight from the CSVs. The importer proper lives elsewhere; this keeps the search tests independent.
 */
public final class MasterFiles {
  private static final Charset SJIS = Charset.forName("windows-31j");
  private static final String LIVE = "99999999";

  private final Path ssk;

  private MasterFiles(Path ssk) {
    this.ssk = ssk;
  }

  /** Finds shared/masters: system property shared.dir or tsumugi.shared.dir, else walking up from the working dir. */
  public static MasterFiles locate() {
    for (String property : new String[] {"shared.dir", "tsumugi.shared.dir"}) {
      String dir = System.getProperty(property);
      if (dir != null && Files.isDirectory(Paths.get(dir, "masters", "ssk"))) {
        return new MasterFiles(Paths.get(dir, "masters", "ssk"));
      }
    }
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("masters").resolve("ssk");
      if (Files.isDirectory(candidate)) {
        return new MasterFiles(candidate);
      }
      Path sibling = p.resolveSibling("shared").resolve("masters").resolve("ssk");
      if (p.getParent() != null && Files.isDirectory(sibling)) {
        return new MasterFiles(sibling);
      }
    }
    throw new IllegalStateException("shared/masters/ssk not found; set -Dshared.dir");
  }

  public List<SearchEntry> procedures() {
    return read("s/s_ALL20240531.csv", f -> new SearchEntry(SearchEntry.Kind.PROCEDURE, f[2], f[4], f[6],
        extras(f[112].equals(f[4]) ? "" : f[112]), !LIVE.equals(f[87])));
  }

  public List<SearchEntry> drugs() {
    return read("y/y_ALL20240321.csv", f -> new SearchEntry(SearchEntry.Kind.DRUG, f[2], f[4], f[6],
        extras(f[31], f[36], f[37]), !LIVE.equals(f[30])));
  }

  public List<SearchEntry> materials() {
    return read("t/t_ALL20250228.csv", f -> new SearchEntry(SearchEntry.Kind.MATERIAL, f[2], f[4], f[6],
        extras(f[36].equals(f[4]) ? "" : f[36]), !LIVE.equals(f[29])));
  }

  public List<SearchEntry> comments() {
    return read("c/c_ALL20250307.csv", f -> new SearchEntry(SearchEntry.Kind.COMMENT, f[22], f[6], f[8],
        List.of(), !LIVE.equals(f[21])));
  }

  public List<SearchEntry> diseases() {
    return read("b/b_20240601.txt", f -> new SearchEntry(SearchEntry.Kind.DISEASE, f[2], f[5], f[9],
        extras(f[12], f[15], f[16]), !LIVE.equals(f[23])));
  }

  public List<SearchEntry> modifiers() {
    return read("z/z_20250601.txt", f -> new SearchEntry(SearchEntry.Kind.MODIFIER, f[2], f[6], f[9],
        extras(f[17]), !LIVE.equals(f[15])));
  }

  /** Modifiers with their position, from 修飾語区分 (column 19). */
  public List<DiseaseModifier> diseaseModifiers() {
    return read("z/z_20250601.txt", f -> new DiseaseModifier(f[2], f[6], ModifierPosition.fromCategory(f[18])));
  }

  /** Every master, latest full file of each kind. */
  public List<SearchEntry> all() {
    List<SearchEntry> all = new ArrayList<>();
    all.addAll(procedures());
    all.addAll(drugs());
    all.addAll(materials());
    all.addAll(comments());
    all.addAll(diseases());
    all.addAll(modifiers());
    return all;
  }

  private static List<String> extras(String... values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (!v.isBlank()) {
        out.add(v);
      }
    }
    return out;
  }

  private <T> List<T> read(String file, Function<String[], T> mapper) {
    List<T> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(ssk.resolve(file), SJIS)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isEmpty()) {
          out.add(mapper.apply(fields(line)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file, e);
    }
    return out;
  }

  /** Every field is double-quoted and none holds a comma or a quote (checked in NOTICE.md). */
  static String[] fields(String line) {
    String[] raw = line.split(",", -1);
    for (int i = 0; i < raw.length; i++) {
      String v = raw[i];
      raw[i] = v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
    return raw;
  }
}
