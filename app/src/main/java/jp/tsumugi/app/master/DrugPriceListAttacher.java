package jp.tsumugi.app.master;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Port: reads an MHLW 薬価基準収載品目リスト (xlsx), attaches YJ codes to 医薬品 records that lack one (matched by
 * 品名, unique matches only) and cross-checks prices against the master as of the list date (docs/adr/0016).
 * Validates the whole file before writing; writes in one transaction; the same file twice writes nothing.
 * Errors are {@code TsumugiException}s TSU-6301…, naming the file and, for rows, the sheet row.
 */
public interface DrugPriceListAttacher {
  /**
   * @param listDate the date the list applies from; {@code null} reads it from a file name like
   *     {@code tp20250814-01_01.xlsx}
   */
  DrugPriceListReport attach(Path file, LocalDate listDate);
}
