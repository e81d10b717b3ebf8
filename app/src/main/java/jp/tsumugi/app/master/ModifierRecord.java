package jp.tsumugi.app.master;

import java.time.LocalDate;

/**
 * 修飾語 (z).
 *
 * @param name 修飾語名称 (col 7)
 * @param kana カナ名称 (col 10)
 * @param managementNumber 修飾語管理番号 (col 17)
 * @param exchangeCode 修飾語交換用コード (col 18)
 * @param modifierKind 修飾語区分 (col 19), e.g. A2000000
 * @param position before or after the disease name (see {@link ModifierPosition})
 * @param listedOn 収載年月日 (col 14), null when blank
 */
public record ModifierRecord(String code, String name, String kana, String managementNumber, String exchangeCode,
    String modifierKind, ModifierPosition position, LocalDate listedOn, Validity validity, RawRow raw)
    implements MasterRecord {

  @Override
  public MasterKind kind() {
    return MasterKind.Z;
  }
}
