package jp.tsumugi.app.master.search;

import jp.tsumugi.app.master.ModifierPosition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.KanaFolding;
import jp.tsumugi.app.common.TsumugiException;

/**
 * Composes a disease name from a 傷病名 and chosen 修飾語: prefixes, then the disease name, then
 * suffixes, with the modifier codes kept beside the disease code. When the 傷病名マスター has one
 * disease whose name equals the composed name (急性 + 胃腸炎 is the master's own 急性胃腸炎, 0091009),
 * that code is used instead and the absorbed modifiers are dropped; the modifiers next to the disease
 * are absorbed first, as many as give a master name (右 + 急性 + 胃腸炎 gives 右 + 急性胃腸炎).
 */
public final class DiseaseNameComposer {
  /** The SY record holds at most 20 four-digit modifier codes (80 characters). */
  public static final int MAX_MODIFIERS = 20;

  private final Map<String, SearchEntry> diseasesByName = new HashMap<>();
  private final Map<String, SearchEntry> diseasesByFoldedName = new HashMap<>();
  private final Map<String, DiseaseModifier> prefixesByFoldedName = new HashMap<>();
  private final Map<String, DiseaseModifier> suffixesByFoldedName = new HashMap<>();
  private int longestModifier;

  /**
   * @param diseases the 傷病名 entries (kind DISEASE; abolished ones are ignored for lookups)
   * @param modifiers the live 修飾語, used only by {@link #parse(String)}
   */
  public DiseaseNameComposer(Collection<SearchEntry> diseases, Collection<DiseaseModifier> modifiers) {
    for (SearchEntry d : diseases) {
      if (d.kind() == SearchEntry.Kind.DISEASE && !d.abolished() && !d.name().isEmpty()) {
        diseasesByName.putIfAbsent(d.name(), d);
        diseasesByFoldedName.putIfAbsent(KanaFolding.fold(d.name()), d);
      }
    }
    for (DiseaseModifier m : modifiers) {
      String key = KanaFolding.fold(m.name());
      if (key.isEmpty()) {
        continue;
      }
      (m.position() == ModifierPosition.PREFIX ? prefixesByFoldedName : suffixesByFoldedName).putIfAbsent(key, m);
      longestModifier = Math.max(longestModifier, key.length());
    }
  }

  /**
   * Composes {@code disease} with {@code modifiers}; their order within each position is kept.
   *
   * @throws TsumugiException {@link ErrorCode#DISEASE_MODIFIERS_TOO_MANY} beyond {@value #MAX_MODIFIERS} modifiers
   */
  public ComposedDisease compose(SearchEntry disease, List<DiseaseModifier> modifiers) {
    Objects.requireNonNull(disease, "disease");
    if (disease.kind() != SearchEntry.Kind.DISEASE) {
      throw new IllegalArgumentException("not a disease entry: " + disease.kind());
    }
    if (modifiers.size() > MAX_MODIFIERS) {
      throw new TsumugiException(ErrorCode.DISEASE_MODIFIERS_TOO_MANY, modifiers.size() + " modifiers");
    }
    List<DiseaseModifier> prefixes = new ArrayList<>();
    List<DiseaseModifier> suffixes = new ArrayList<>();
    for (DiseaseModifier m : modifiers) {
      (m.position() == ModifierPosition.PREFIX ? prefixes : suffixes).add(m);
    }
    SearchEntry core = disease;
    int absorbedPrefixes = 0;
    int absorbedSuffixes = 0;
    for (int p = 0; p <= prefixes.size(); p++) {
      for (int s = 0; s <= suffixes.size(); s++) {
        if (p + s <= absorbedPrefixes + absorbedSuffixes) {
          continue;
        }
        String name = names(prefixes.subList(prefixes.size() - p, prefixes.size())) + disease.name()
            + names(suffixes.subList(0, s));
        SearchEntry single = diseasesByName.get(name);
        if (single != null) {
          core = single;
          absorbedPrefixes = p;
          absorbedSuffixes = s;
        }
      }
    }
    List<DiseaseModifier> keptPrefixes = prefixes.subList(0, prefixes.size() - absorbedPrefixes);
    List<DiseaseModifier> keptSuffixes = suffixes.subList(absorbedSuffixes, suffixes.size());
    List<String> codes = new ArrayList<>();
    keptPrefixes.forEach(m -> codes.add(m.code()));
    keptSuffixes.forEach(m -> codes.add(m.code()));
    return new ComposedDisease(names(keptPrefixes) + core.name() + names(keptSuffixes), core.code(), codes);
  }

  /**
   * Reads typed text such as 「右膝関節症」 as prefix modifiers + a master disease + suffix modifiers,
   * preferring the reading with the fewest modifiers (so a master name is used whole when it exists).
   * Text is compared folded (full/half width, kana, middle dots). Empty when no reading exists.
   */
  public Optional<ComposedDisease> parse(String typed) {
    String text = KanaFolding.fold(typed);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    int n = text.length();
    List<DiseaseModifier>[] prefixParse = splits(text, prefixesByFoldedName, true);
    List<DiseaseModifier>[] suffixParse = splits(text, suffixesByFoldedName, false);
    List<DiseaseModifier> bestModifiers = null;
    SearchEntry bestDisease = null;
    for (int a = 0; a < n; a++) {
      if (prefixParse[a] == null) {
        continue;
      }
      for (int b = n; b > a; b--) {
        if (suffixParse[b] == null) {
          continue;
        }
        SearchEntry d = diseasesByFoldedName.get(text.substring(a, b));
        int count = prefixParse[a].size() + suffixParse[b].size();
        if (d != null && (bestModifiers == null || count < bestModifiers.size())) {
          bestModifiers = new ArrayList<>(prefixParse[a]);
          bestModifiers.addAll(suffixParse[b]);
          bestDisease = d;
        }
      }
    }
    if (bestDisease == null || bestModifiers.size() > MAX_MODIFIERS) {
      return Optional.empty();
    }
    return Optional.of(compose(bestDisease, bestModifiers));
  }

  /**
   * For prefixes: result[i] = fewest modifiers spelling text[0, i), or null. For suffixes: result[i] =
   * fewest modifiers spelling text[i, n), or null.
   */
  @SuppressWarnings("unchecked")
  private List<DiseaseModifier>[] splits(String text, Map<String, DiseaseModifier> byName, boolean fromStart) {
    int n = text.length();
    List<DiseaseModifier>[] best = new List[n + 1];
    if (fromStart) {
      best[0] = List.of();
      for (int i = 0; i < n; i++) {
        if (best[i] == null) {
          continue;
        }
        for (int j = i + 1; j <= Math.min(n, i + longestModifier); j++) {
          DiseaseModifier m = byName.get(text.substring(i, j));
          if (m != null && (best[j] == null || best[j].size() > best[i].size() + 1)) {
            List<DiseaseModifier> next = new ArrayList<>(best[i]);
            next.add(m);
            best[j] = next;
          }
        }
      }
    } else {
      best[n] = List.of();
      for (int j = n; j > 0; j--) {
        if (best[j] == null) {
          continue;
        }
        for (int i = j - 1; i >= Math.max(0, j - longestModifier); i--) {
          DiseaseModifier m = byName.get(text.substring(i, j));
          if (m != null && (best[i] == null || best[i].size() > best[j].size() + 1)) {
            List<DiseaseModifier> next = new ArrayList<>();
            next.add(m);
            next.addAll(best[j]);
            best[i] = next;
          }
        }
      }
    }
    return best;
  }

  private static String names(List<DiseaseModifier> modifiers) {
    StringBuilder sb = new StringBuilder();
    modifiers.forEach(m -> sb.append(m.name()));
    return sb.toString();
  }
}
