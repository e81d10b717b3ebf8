package jp.tsumugi.app.insurance;

/**
 * An insurance as typed, before validation. Dates in any form {@link jp.tsumugi.app.common.Wareki#parse}
 * accepts; {@code insured} "1" 本人 or "2" 家族; rates in tenths ("" for none); {@code limitCategory} the
 * code (A01 … B10) or ""; {@code overrideTenths} "" unless staff override the derived rate, then with a reason.
 */
public record InsuranceForm(
    String insurerNumber,
    String symbol,
    String number,
    String branch,
    String insured,
    String qualifiedOn,
    String validFrom,
    String validTo,
    String elderlyRecipientTenths,
    String lateElderlyTenths,
    boolean activeIncome,
    String limitCategory,
    String overrideTenths,
    String overrideReason) {

  /** Just the numbers, 本人/家族 and the start of validity. */
  public static InsuranceForm basic(String insurerNumber, String symbol, String number, String branch, boolean insured,
      String validFrom) {
    return new InsuranceForm(insurerNumber, symbol, number, branch, insured ? "1" : "2", "", validFrom, "", "", "", false, "", "",
        "");
  }
}
