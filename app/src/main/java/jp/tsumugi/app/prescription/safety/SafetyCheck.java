package jp.tsumugi.app.prescription.safety;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tsumugi.app.chart.Allergy;
import jp.tsumugi.app.chart.AllergyKind;
import jp.tsumugi.app.chart.Contraindication;

/**
 * The merged prescription safety check (docs/adr/0030, 0033): duplicates (same YJ first 7 inside the prescription, against
 * drugs taken on the date from this clinic's prescriptions and external records; a 頓用 side is said), 併用禁忌/併用注意 from
 * the loaded interaction table, chart allergies (by ingredient, including combination products, or by product) and 薬剤禁忌,
 * days limits (times for 頓用), 同効薬 (same YJ first 4, another ingredient; INFO), and one INFO finding per drug being
 * taken that has no ingredient key and so could not be compared. Pure: no I/O; returns every finding, never truncated, in
 * proposal order (the unchecked records last).
 */
public final class SafetyCheck {
  private final InteractionTable table;
  private final CombinationIngredients combinations;
  private final DaysLimitRules limits;

  public SafetyCheck(InteractionTable table, CombinationIngredients combinations, DaysLimitRules limits) {
    this.table = table;
    this.combinations = combinations;
    this.limits = limits;
  }

  public InteractionTable table() {
    return table;
  }

  /** All findings for the input. */
  public List<Finding> check(SafetyInput in) {
    LocalDate date = in.date();
    List<ProposedDrug> proposed = in.proposed();
    List<List<String>> keys = new ArrayList<>(proposed.size());
    for (ProposedDrug p : proposed) {
      keys.add(combinations.keysOf(p.ingredientKey()));
    }
    List<CurrentDrug> active = new ArrayList<>();
    List<List<String>> activeKeys = new ArrayList<>();
    Map<String, List<Integer>> activeByKey = new HashMap<>();
    Map<String, List<Integer>> activeByClass = new HashMap<>();
    List<CurrentDrug> unchecked = new ArrayList<>();
    for (CurrentDrug c : in.current()) {
      if (!c.takenOn(date)) {
        continue;
      }
      List<String> ck = combinations.keysOf(IngredientKeys.of(c.yjCode()));
      if (ck.isEmpty()) {
        unchecked.add(c);
        continue;
      }
      int idx = active.size();
      active.add(c);
      activeKeys.add(ck);
      for (String k : ck) {
        activeByKey.computeIfAbsent(k, x -> new ArrayList<>(2)).add(idx);
        List<Integer> sameClass = activeByClass.computeIfAbsent(classOf(k), x -> new ArrayList<>(2));
        if (!sameClass.contains(idx)) {
          sameClass.add(idx);
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < proposed.size(); i++) {
      ProposedDrug p = proposed.get(i);
      List<String> ki = keys.get(i);
      for (int j = 0; j < i; j++) {
        ProposedDrug q = proposed.get(j);
        String shared = firstShared(ki, keys.get(j));
        if (shared != null) {
          Map<String, String> params = new LinkedHashMap<>();
          params.put("ingredient", shared);
          asNeeded(params, p.asNeeded(), q.asNeeded());
          out.add(new Finding(FindingKind.DUPLICATE, FindingLevel.CAUTION, i, p.drugCode(), p.name(), OtherSource.THIS_PRESCRIPTION,
              q.drugCode(), q.name(), null, "", "ingredient:" + shared, params));
        } else {
          sameClass(out, i, p, ki, keys.get(j), OtherSource.THIS_PRESCRIPTION, q.drugCode(), q.name(), null, "", null);
        }
        interactions(out, i, p, ki, keys.get(j), OtherSource.THIS_PRESCRIPTION, q.drugCode(), q.name(), null, "");
      }
      Set<Integer> seen = new HashSet<>();
      for (String k : ki) {
        for (int a : activeByKey.getOrDefault(k, List.of())) {
          if (seen.add(a)) {
            CurrentDrug c = active.get(a);
            Map<String, String> params = currentParams(c, "ingredient", k);
            asNeeded(params, p.asNeeded(), c.asNeeded());
            out.add(new Finding(FindingKind.DUPLICATE, FindingLevel.CAUTION, i, p.drugCode(), p.name(), c.source(), c.drugCode(),
                c.name(), otherDate(c), c.sourceName(), "ingredient:" + k, params));
          }
        }
      }
      for (String k : ki) {
        for (int a : activeByClass.getOrDefault(classOf(k), List.of())) {
          if (seen.add(a)) {
            CurrentDrug c = active.get(a);
            sameClass(out, i, p, ki, activeKeys.get(a), c.source(), c.drugCode(), c.name(), otherDate(c), c.sourceName(), c);
          }
        }
      }
      if (anyMentioned(ki)) {
        for (int a = 0; a < active.size(); a++) {
          CurrentDrug c = active.get(a);
          interactions(out, i, p, ki, activeKeys.get(a), c.source(), c.drugCode(), c.name(), otherDate(c), c.sourceName());
        }
      }
      allergies(out, i, p, ki, in.allergies());
      for (Contraindication c : in.contraindications()) {
        if (ki.contains(c.ingredientCode())) {
          out.add(new Finding(FindingKind.CONTRAINDICATION, FindingLevel.CONTRAINDICATED, i, p.drugCode(), p.name(),
              OtherSource.CHART_CONTRAINDICATION, c.ingredientCode(), c.name(), null, "", "ingredient:" + c.ingredientCode(),
              Map.of("ingredient", c.ingredientCode())));
        }
      }
      daysLimits(out, i, p, ki, date);
    }
    if (!proposed.isEmpty()) {
      for (CurrentDrug c : unchecked) {
        Map<String, String> params = currentParams(c, "reference", Long.toString(c.reference()));
        params.put("yjCode", c.yjCode());
        out.add(new Finding(FindingKind.UNCHECKED_RECORD, FindingLevel.INFO, Finding.NO_DRUG, "", "", c.source(), c.drugCode(), c.name(),
            otherDate(c), c.sourceName(), "unchecked:" + (c.yjCode().isEmpty() ? "no-yj" : "yj-unusable"), params));
      }
    }
    return out;
  }

  /** The therapeutic class of an ingredient key: YJ first 4 (薬効分類). */
  static String classOf(String ingredientKey) {
    return ingredientKey.substring(0, 4);
  }

  private static void asNeeded(Map<String, String> params, boolean proposed, boolean other) {
    if (proposed || other) {
      params.put(Finding.AS_NEEDED, proposed && other ? "BOTH" : proposed ? "PROPOSED" : "OTHER");
    }
  }

  /** 同効薬: one INFO finding when a key of each side shares the class (the caller knows no key is shared). */
  private static void sameClass(List<Finding> out, int i, ProposedDrug p, List<String> ki, List<String> kj, OtherSource source,
      String otherCode, String otherName, LocalDate otherDate, String sourceName, CurrentDrug current) {
    for (String a : ki) {
      for (String b : kj) {
        if (classOf(a).equals(classOf(b))) {
          Map<String, String> params = current == null ? new LinkedHashMap<>() : currentParams(current, "class", classOf(a));
          params.put("class", classOf(a));
          params.put("ingredient", a);
          params.put("otherIngredient", b);
          out.add(new Finding(FindingKind.SAME_CLASS, FindingLevel.INFO, i, p.drugCode(), p.name(), source, otherCode, otherName, otherDate,
              sourceName, "class:" + classOf(a), params));
          return;
        }
      }
    }
  }

  private static LocalDate otherDate(CurrentDrug c) {
    return c.source() == OtherSource.EXTERNAL_RECORD ? c.sourceDate() : c.start();
  }

  private static Map<String, String> currentParams(CurrentDrug c, String key, String value) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(key, value);
    m.put("start", c.start().toString());
    m.put("days", Integer.toString(c.days()));
    m.put("lastDay", c.start().plusDays(c.days() - 1L).toString());
    return m;
  }

  private boolean anyMentioned(List<String> ki) {
    for (String k : ki) {
      if (table.mentions(k)) {
        return true;
      }
    }
    return false;
  }

  private void interactions(List<Finding> out, int i, ProposedDrug p, List<String> ki, List<String> kj, OtherSource source,
      String otherCode, String otherName, LocalDate otherDate, String sourceName) {
    Set<Interaction> seen = new HashSet<>();
    for (String a : ki) {
      if (!table.mentions(a)) {
        continue;
      }
      for (String b : kj) {
        Optional<Interaction> hit = table.find(a, b);
        if (hit.isPresent() && seen.add(hit.get())) {
          Interaction x = hit.get();
          boolean contra = x.severity() == Interaction.Severity.CONTRAINDICATED;
          Map<String, String> params = new LinkedHashMap<>();
          params.put("ingredient", a);
          params.put("otherIngredient", b);
          params.put("mechanism", x.mechanism());
          params.put("sourceReference", x.sourceReference());
          table.version().ifPresent(v -> {
            params.put("tableVersion", Long.toString(v.version()));
            params.put("tableDemo", Boolean.toString(v.demo()));
          });
          out.add(new Finding(contra ? FindingKind.CONTRAINDICATED_COMBINATION : FindingKind.CAUTION_COMBINATION,
              contra ? FindingLevel.CONTRAINDICATED : FindingLevel.CAUTION, i, p.drugCode(), p.name(), source, otherCode, otherName,
              otherDate, sourceName, "interaction:" + x.keyA() + "+" + x.keyB(), params));
        }
      }
    }
  }

  private static void allergies(List<Finding> out, int i, ProposedDrug p, List<String> ki, List<Allergy> allergies) {
    for (Allergy a : allergies) {
      if (a.code().isEmpty()) {
        continue;
      }
      boolean hit = false;
      String rule = "";
      if (a.allergyKind() == AllergyKind.DRUG_INGREDIENT && ki.contains(a.code())) {
        hit = true;
        rule = "ingredient:" + a.code();
      } else if (a.allergyKind() == AllergyKind.DRUG_PRODUCT && (a.code().equals(p.drugCode()) || a.code().equals(p.yjCode()))) {
        hit = true;
        rule = "product:" + a.code();
      }
      if (hit) {
        out.add(new Finding(FindingKind.ALLERGY, FindingLevel.CONTRAINDICATED, i, p.drugCode(), p.name(), OtherSource.CHART_ALLERGY,
            a.code(), a.name(), null, "", rule, Map.of("allergyKind", a.allergyKind().name(), "severity", a.severity().name())));
      }
    }
  }

  private void daysLimits(List<Finding> out, int i, ProposedDrug p, List<String> ki, LocalDate date) {
    int days = p.days();
    LocalDate listed = p.listedOn();
    if (listed != null && !p.generic() && !listed.isAfter(date) && date.isBefore(listed.plusYears(1)) && days > limits.newDrugDays()) {
      out.add(limit(i, p, FindingLevel.CONTRAINDICATED, "NEW_DRUG", limits.newDrugDays(), Map.of("listedOn", listed.toString())));
    }
    for (String k : ki) {
      DaysLimitRules.ControlledLimit c = limits.controlled().get(k);
      if (c != null && days > c.days()) {
        out.add(limit(i, p, FindingLevel.CONTRAINDICATED, "CONTROLLED", c.days(), Map.of("drugClass", c.drugClass(), "ingredient", k)));
      }
    }
    Integer own = limits.clinicLimits().get(p.drugCode());
    if (own == null && !ki.isEmpty()) {
      own = limits.clinicLimits().get(ki.get(0));
    }
    if (own != null && days > own) {
      out.add(limit(i, p, FindingLevel.CAUTION, "CLINIC", own, Map.of()));
    }
  }

  private static Finding limit(int i, ProposedDrug p, FindingLevel level, String source, int limit, Map<String, String> extra) {
    Map<String, String> params = new LinkedHashMap<>(extra);
    params.put("limit", Integer.toString(limit));
    params.put("days", Integer.toString(p.days()));
    params.put("limitSource", source);
    params.put(Finding.UNIT, p.asNeeded() ? Finding.UNIT_TIMES : "DAYS");
    return new Finding(FindingKind.DAYS_LIMIT, level, i, p.drugCode(), p.name(), OtherSource.LIMIT_RULE, source, "", null, "",
        "days:" + source, params);
  }

  private static String firstShared(List<String> a, List<String> b) {
    for (String x : a) {
      if (b.contains(x)) {
        return x;
      }
    }
    return null;
  }
}
