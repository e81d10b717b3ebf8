package jp.tsumugi.app.qualification;

import java.time.LocalDate;
import jp.tsumugi.app.clinic.Clinic;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.insurance.InsurerNumbers;

/**
 * A 資格確認 request by insurance-card information (被保険者証情報), billing-rules.md §5.3 "Request".
 *
 * @param institutionCode the 10-digit MedicalInstitutionCode: 都道府県 2 + 点数表 "1" + 医療機関コード 7
 * @param insurerNumber 8 digits, or 6 for 国保 (the writer pads it to 8 with leading spaces)
 * @param branch 枝番, two digits or empty
 * @param limitCertificateConsent the patient agreed to the 限度額適用認定証 information being provided
 */
public record QualificationRequest(
    LocalDate confirmationDate,
    String institutionCode,
    String insurerNumber,
    String symbol,
    String number,
    String branch,
    LocalDate birthDate,
    boolean limitCertificateConsent) {

  public QualificationRequest {
    symbol = symbol == null ? "" : symbol.strip();
    number = number == null ? "" : number.strip();
    branch = branch == null ? "" : branch.strip();
    if (confirmationDate == null) {
      throw invalid("confirmation date required");
    }
    if (institutionCode == null || !institutionCode.matches("\\d{2}" + Clinic.FEE_TABLE_MEDICAL + "\\d{7}")) {
      throw invalid("institution code must be prefecture 2 + fee table 1 + code 7");
    }
    if (!InsurerNumbers.isValidInsurerNumber(insurerNumber)) {
      throw new TsumugiException(ErrorCode.INSURER_NUMBER_INVALID);
    }
    if (number.isEmpty()) {
      throw invalid("insured number required");
    }
    if (!branch.isEmpty() && !branch.matches("\\d{2}")) {
      throw invalid("branch must be two digits");
    }
    if (birthDate == null) {
      throw invalid("birth date required");
    }
  }

  /** A request for the given clinic, whose claim institution code becomes MedicalInstitutionCode. */
  public static QualificationRequest forClinic(Clinic clinic, LocalDate confirmationDate, String insurerNumber, String symbol,
      String number, String branch, LocalDate birthDate, boolean limitCertificateConsent) {
    return new QualificationRequest(confirmationDate, clinic.claimInstitutionCode(), insurerNumber, symbol, number, branch,
        birthDate, limitCertificateConsent);
  }

  private static TsumugiException invalid(String detail) {
    return new TsumugiException(ErrorCode.QUALIFICATION_REQUEST_INVALID, detail);
  }
}
