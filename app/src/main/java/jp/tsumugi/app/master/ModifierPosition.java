package jp.tsumugi.app.master;

import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * Where a 修飾語 goes around a disease name: 接頭語 (右, 急性 …) before it, 接尾語 (の疑い …) after it.
 * Derived from the data (docs/adr/0009): 修飾語区分 A8000000 rows, and only they, have codes 8000–8999,
 * and every one of them is a suffix; all other kinds (A1 部位, A2 左右, A3 … A7) are prefixes.
 */
public enum ModifierPosition {
  PREFIX,
  SUFFIX;

  /**
   * The position for a 修飾語区分 value such as {@code "A2000000"}: A1–A7 (部位, 位置, 病因, 経過, 状態, 患者,
   * その他) are prefixes, A8 suffixes; anything else is an error (docs/adr/0010).
   */
  public static ModifierPosition fromCategory(String category) {
    if (category != null && category.length() >= 2 && category.charAt(0) == 'A') {
      char group = category.charAt(1);
      if (group >= '1' && group <= '7') {
        return PREFIX;
      }
      if (group == '8') {
        return SUFFIX;
      }
    }
    throw new TsumugiException(ErrorCode.MODIFIER_CATEGORY_UNKNOWN, "category " + category);
  }

  /** Lenient form for the importer: an unknown category falls back to the code range (8xxx = suffix). */
  static ModifierPosition of(String code, String modifierKind) {
    return modifierKind.startsWith("A8") || (modifierKind.isEmpty() && code.startsWith("8")) ? SUFFIX : PREFIX;
  }
}
