package jp.tsumugi.app.insurance;

import java.time.LocalDate;
import java.util.OptionalLong;

/**
 * A 公費 held by a patient: 公費負担者番号 (8 digits; its first two are the 法別番号), 受給者番号 (7 digits, or
 * empty where the scheme has none), validity, 月額上限 in yen when the certificate sets one, and the
 * revision number.
 */
public record PublicExpense(
    long id,
    long patientId,
    String payerNumber,
    String recipientNumber,
    LocalDate validFrom,
    LocalDate validTo,
    OptionalLong monthlyCapYen,
    int revision) {

  public PublicExpense {
    recipientNumber = recipientNumber == null ? "" : recipientNumber;
    monthlyCapYen = monthlyCapYen == null ? OptionalLong.empty() : monthlyCapYen;
  }

  /** The 法別番号: the first two digits of the payer number. */
  public String lawNumber() {
    return payerNumber.substring(0, 2);
  }

  public boolean validOn(LocalDate date) {
    return ValidityRange.contains(validFrom, validTo, date);
  }

  /** This 公費 with the ids the store assigned. */
  public PublicExpense withIds(long newId, long newPatientId) {
    return new PublicExpense(newId, newPatientId, payerNumber, recipientNumber, validFrom, validTo, monthlyCapYen, revision);
  }
}
