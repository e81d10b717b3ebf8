package jp.tsumugi.app.master.search;

import java.util.Map;

/** How often this clinic used each master item (by code); breaks ties between equally good hits. */
@FunctionalInterface
public interface UsageCounts {
  /** Uses of the item with this code; 0 when never used. */
  int count(String code);

  /** No usage known: ties fall back to kana order. The index recognises this instance and stops scanning early. */
  UsageCounts NONE = code -> 0;

  /** No usage known: ties fall back to kana order. */
  static UsageCounts none() {
    return NONE;
  }

  /** Counts from a map (copied). */
  static UsageCounts of(Map<String, Integer> counts) {
    Map<String, Integer> copy = Map.copyOf(counts);
    return code -> copy.getOrDefault(code, 0);
  }
}
