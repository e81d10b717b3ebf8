package jp.tsumugi.app.master.search;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to search for.
 *
 * @param text what the person typed (folded by the index)
 * @param kinds the masters to search; empty means all
 * @param limit the most hits to return (at least 1)
 * @param includeAbolished whether abolished items may be returned (to resolve old records)
 * @param usage this clinic's usage counts, for ordering ties
 */
public record SearchQuery(String text, Set<SearchEntry.Kind> kinds, int limit, boolean includeAbolished, UsageCounts usage) {
  public SearchQuery {
    text = text == null ? "" : text;
    kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    usage = usage == null ? UsageCounts.none() : usage;
  }

  /** All masters, live items only, no usage counts. */
  public static SearchQuery of(String text, int limit) {
    return new SearchQuery(text, Set.of(), limit, false, UsageCounts.none());
  }

  public SearchQuery withKinds(SearchEntry.Kind first, SearchEntry.Kind... more) {
    return new SearchQuery(text, EnumSet.of(first, more), limit, includeAbolished, usage);
  }

  public SearchQuery includingAbolished() {
    return new SearchQuery(text, kinds, limit, true, usage);
  }

  public SearchQuery withUsage(UsageCounts counts) {
    return new SearchQuery(text, kinds, limit, includeAbolished, Objects.requireNonNull(counts, "counts"));
  }

  boolean accepts(SearchEntry.Kind kind) {
    return kinds.isEmpty() || kinds.contains(kind);
  }
}
