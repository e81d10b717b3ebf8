package jp.tsumugi.app.master;

import java.math.BigDecimal;

/**
 * 医薬品 (y).
 *
 * @param name 漢字名称 (col 5)
 * @param basicName 基本漢字名称 (col 35)
 * @param kana カナ名称 (col 7)
 * @param unit 単位漢字名称 (col 10)
 * @param price 薬価 in yen (col 12), exact: "16.50" stays 16.50
 * @param narcoticKind 麻薬・毒薬・覚醒剤原料・向精神薬 (col 14)
 * @param genericKind 後発品 (col 17)
 * @param dosageForm 剤形 (col 28): 1 内用, 4 注射, 6 外用
 * @param yjCode 薬価基準収載医薬品コード (col 32)
 * @param genericNameCode 一般名コード (col 37)
 * @param genericPrescriptionName 一般名処方の標準的な記載 (col 38)
 * @param genericAdditionKind 一般名処方加算対象区分 (col 39)
 */
public record DrugRecord(String code, String name, String basicName, String kana, String unit, BigDecimal price,
    String narcoticKind, String genericKind, String dosageForm, String yjCode, String genericNameCode,
    String genericPrescriptionName, String genericAdditionKind, Validity validity, RawRow raw) implements MasterRecord {

  /** The same record carrying {@code yj} as its YJ code (an attachment from the 薬価基準収載品目リスト, docs/adr/0016). */
  public DrugRecord withYjCode(String yj) {
    return new DrugRecord(code, name, basicName, kana, unit, price, narcoticKind, genericKind, dosageForm, yj, genericNameCode,
        genericPrescriptionName, genericAdditionKind, validity, raw);
  }

  @Override
  public MasterKind kind() {
    return MasterKind.Y;
  }
}
