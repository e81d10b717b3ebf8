package jp.tsumugi.app.master;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What attaching one MHLW 薬価基準収載品目リスト did (docs/adr/0016). Counts are list rows: {@code matchedByYjCode}
 * rows whose YJ code some 医薬品 record in force on the list date already carries (in column 32 or by an
 * earlier attachment); {@code attached} rows whose 品名 named exactly one record without a YJ code, which now
 * carries the row's YJ code; {@code ambiguous} rows whose 品名 named several such records; {@code unmatched}
 * rows that named none. Prices are reported, never changed.
 *
 * @param alreadyLoaded the same file (by SHA-256) was attached before: nothing was written
 * @param priceDifferences one entry per 医薬品 code whose 薬価 on the list date differs from the list, in code order
 */
public record DrugPriceListReport(String fileName, String sha256, LocalDate listDate, int rowsRead, int matchedByYjCode,
    int attached, int ambiguous, int unmatched, boolean alreadyLoaded, List<PriceDifference> priceDifferences) {

  public DrugPriceListReport {
    priceDifferences = List.copyOf(priceDifferences);
  }

  /**
   * A 医薬品 code whose master price on the list date is not the list's price. Both amounts are exact yen.
   *
   * @param code レセプト電算処理システム用コード (y column 3)
   * @param name 漢字名称 in the master
   * @param yjCode the YJ code that linked the list row to the code
   */
  public record PriceDifference(String code, String name, String yjCode, BigDecimal masterPrice, BigDecimal listPrice) {
  }

  /** A short machine-readable summary for the audit log (no patient data exists here). */
  public String summary() {
    return "list=" + listDate + " rows=" + rowsRead + " byYj=" + matchedByYjCode + " attached=" + attached + " ambiguous="
        + ambiguous + " unmatched=" + unmatched + " priceDiffs=" + priceDifferences.size() + (alreadyLoaded ? " again" : "");
  }
}
