package jp.tsumugi.app.prescription.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.tsumugi.app.chart.CsvLine;

/**
 * The shipped demo data (docs/adr/0030): the demo interaction table (package-insert facts, one source per row), the
 * combination products' ingredients and the 麻薬/向精神薬 days limits. The store seeds the same rows into a new store.
 */
public final class DemoSafetyData {
  public static final String INTERACTIONS = "demo-interactions.csv";
  public static final String COMBINATIONS = "demo-combinations.csv";
  public static final String CONTROLLED_LIMITS = "demo-controlled-limits.csv";

  /** One controlled-limit row. */
  public record ControlledRow(String ingredientKey, String ingredientName, String drugClass, int days) {
  }

  /** One combination row. */
  public record CombinationRow(String productKey, String productName, String ingredientKey, String ingredientName) {
  }

  private DemoSafetyData() {
  }

  /** The raw bytes of a demo resource. */
  public static byte[] bytes(String resource) {
    try (InputStream in = DemoSafetyData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The demo interaction rows (the file is checked by {@link InteractionCsv}; every key is accepted here). */
  public static InteractionCsv.Preview interactions() {
    InteractionCsv.Preview p = InteractionCsv.parse(bytes(INTERACTIONS), k -> true);
    if (!p.clean()) {
      throw new IllegalStateException("the demo interaction table has problems: " + p.problems());
    }
    return p;
  }

  public static List<CombinationRow> combinationRows() {
    List<CombinationRow> out = new ArrayList<>();
    for (List<String> f : rows(COMBINATIONS)) {
      out.add(new CombinationRow(f.get(0), f.get(1), f.get(2), f.get(3)));
    }
    return out;
  }

  public static List<ControlledRow> controlledRows() {
    List<ControlledRow> out = new ArrayList<>();
    for (List<String> f : rows(CONTROLLED_LIMITS)) {
      out.add(new ControlledRow(f.get(0), f.get(1), f.get(2), Integer.parseInt(f.get(3))));
    }
    return out;
  }

  /** The combination table built from rows. */
  public static CombinationIngredients combinations(List<CombinationRow> rows) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (CombinationRow r : rows) {
      m.computeIfAbsent(r.productKey(), k -> new ArrayList<>()).add(r.ingredientKey());
    }
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    m.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new CombinationIngredients(frozen);
  }

  /** The days-limit rules built from controlled rows and clinic limits. */
  public static DaysLimitRules limits(List<ControlledRow> rows, Map<String, Integer> clinicLimits) {
    Map<String, DaysLimitRules.ControlledLimit> m = new LinkedHashMap<>();
    for (ControlledRow r : rows) {
      m.put(r.ingredientKey(), new DaysLimitRules.ControlledLimit(r.drugClass(), r.days()));
    }
    return new DaysLimitRules(14, m, clinicLimits);
  }

  private static List<List<String>> rows(String resource) {
    String text = new String(bytes(resource), StandardCharsets.UTF_8);
    List<List<String>> out = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        out.add(CsvLine.parse(lines[i]).orElseThrow(() -> new IllegalStateException("bad demo line in " + resource)));
      }
    }
    return out;
  }
}
