package jp.tsumugi.app.insurance;

import java.time.LocalDate;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * A patient's health insurance (医療保険). {@code symbol} 記号 and {@code number} 番号 are free text;
 * {@code branch} 枝番 is two digits or empty; {@code insured} is true for 本人, false for 家族.
 */
public record Insurance(
    long id,
    long patientId,
    String insurerNumber,
    String symbol,
    String number,
    String branch,
    boolean insured,
    LocalDate validFrom,
    LocalDate validTo) {

  public Insurance {
    if (!InsurerNumbers.isValidInsurerNumber(insurerNumber)) {
      throw new TsumugiException(ErrorCode.INSURER_NUMBER_INVALID);
    }
    symbol = symbol == null ? "" : symbol;
    branch = branch == null ? "" : branch;
  }
}
