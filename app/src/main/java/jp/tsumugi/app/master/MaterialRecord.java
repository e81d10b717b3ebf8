package jp.tsumugi.app.master;

import java.math.BigDecimal;

/**
 * 特定器材 (t).
 *
 * @param name 漢字名称 (col 5)
 * @param basicName 基本漢字名称 (col 37)
 * @param kana カナ名称 (col 7)
 * @param unit 単位漢字名称 (col 10)
 * @param priceKind 金額種別 (col 11)
 * @param price 新又は現金額 (col 12), exact
 */
public record MaterialRecord(String code, String name, String basicName, String kana, String unit, String priceKind,
    BigDecimal price, Validity validity, RawRow raw) implements MasterRecord {

  @Override
  public MasterKind kind() {
    return MasterKind.T;
  }
}
