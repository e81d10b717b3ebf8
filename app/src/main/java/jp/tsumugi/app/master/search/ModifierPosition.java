package jp.tsumugi.app.master.search;

import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * Where a 修飾語 goes relative to the disease name. The 修飾語マスター (z) column 19, 修飾語区分, tells:
 * A1 部位, A2 位置, A3 病因, A4 経過, A5 状態, A6 患者 and A7 その他 are 接頭語 (prefixes, e.g. 2056 右 = A2,
 * 4012 急性 = A4); A8 is 接尾語 (suffixes, e.g. 8002 の疑い). In z_20250601 every A8 code is an 8xxx code
 * and every 8xxx code is A8, but the 7xxx codes spread over A1–A7, so the category, not the code range,
 * is the rule (docs/adr/0010).
 */
public enum ModifierPosition {
  /** 接頭語: written before the disease name. */
  PREFIX,
  /** 接尾語: written after the disease name. */
  SUFFIX;

  /** The position for a 修飾語区分 value such as {@code "A2000000"}. */
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
}
