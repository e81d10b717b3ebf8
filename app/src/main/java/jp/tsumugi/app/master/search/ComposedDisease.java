package jp.tsumugi.app.master.search;

import java.util.List;

/**
 * A disease as it is charted and claimed: the displayed standard name, the 傷病名コード and the
 * 修飾語コード in the order they are written (prefixes, then suffixes), as the claim's SY record needs them.
 */
public record ComposedDisease(String name, String diseaseCode, List<String> modifierCodes) {
  public ComposedDisease {
    modifierCodes = List.copyOf(modifierCodes);
  }

  /** True when the master has one code for the whole name (no modifiers needed). */
  public boolean singleCode() {
    return modifierCodes.isEmpty();
  }
}
