package jp.tsumugi.app.master;

/**
 * Where a 修飾語 goes around a disease name: 接頭語 (右, 急性 …) before it, 接尾語 (の疑い …) after it.
 * Derived from the data (docs/adr/0009): 修飾語区分 A8000000 rows, and only they, have codes 8000–8999,
 * and every one of them is a suffix; all other kinds (A1 部位, A2 左右, A3 … A7) are prefixes.
 */
public enum ModifierPosition {
  PREFIX,
  SUFFIX;

  static ModifierPosition of(String code, String modifierKind) {
    return modifierKind.startsWith("A8") || (modifierKind.isEmpty() && code.startsWith("8")) ? SUFFIX : PREFIX;
  }
}
