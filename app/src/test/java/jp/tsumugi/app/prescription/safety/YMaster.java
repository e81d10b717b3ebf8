package jp.tsumugi.app.prescription.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Test-only reader of the real drug master (../shared/masters/ssk/y) with the columns the safety check needs. */
final class YMaster {
  private static YMaster instance;

  private final Map<String, String[]> byCode = new HashMap<>();
  private final Set<String> keys = new HashSet<>();

  private YMaster(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, Charset.forName("windows-31j"))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.replace("\"", "").split(",", -1);
        if (f.length > 37) {
          byCode.put(f[2], f);
          keys.add(IngredientKeys.of(f[31]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static synchronized YMaster load() {
    if (instance == null) {
      instance = new YMaster(locate().resolve("y").resolve("y_ALL20240321.csv"));
    }
    return instance;
  }

  private static Path locate() {
    for (String property : new String[] {"shared.dir", "tsumugi.shared.dir"}) {
      String dir = System.getProperty(property);
      if (dir != null && Files.isDirectory(Paths.get(dir, "masters", "ssk"))) {
        return Paths.get(dir, "masters", "ssk");
      }
    }
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path sibling = p.resolveSibling("shared").resolve("masters").resolve("ssk");
      if (Files.isDirectory(sibling)) {
        return sibling;
      }
    }
    throw new IllegalStateException("shared/masters/ssk not found; set -Dshared.dir");
  }

  boolean knownKey(String key) {
    return keys.contains(key);
  }

  /** The drug as the check sees it, with {@code days}. */
  ProposedDrug drug(String code, int days) {
    String[] f = byCode.get(code);
    if (f == null) {
      throw new IllegalArgumentException("not in the y master: " + code);
    }
    String listed = f[35];
    LocalDate listedOn = listed.matches("[0-9]{8}") && !listed.equals("00000000")
        ? LocalDate.of(Integer.parseInt(listed.substring(0, 4)), Integer.parseInt(listed.substring(4, 6)),
            Integer.parseInt(listed.substring(6, 8)))
        : null;
    return new ProposedDrug(code, f[31], f[36], f[4], days, false, f[27], listedOn, "1".equals(f[16]), f[13]);
  }

  String yj(String code) {
    return byCode.get(code)[31];
  }

  String name(String code) {
    return byCode.get(code)[4];
  }
}
