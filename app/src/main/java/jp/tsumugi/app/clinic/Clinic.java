package jp.tsumugi.app.clinic;

import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * The clinic this installation serves. {@code institutionCode} is the 7-digit 医療機関コード (its
 * own check digit is not verified: its algorithm is not confirmed in our references);
 * {@code feeTable} is the 点数表 code, "1" for 医科, the only one supported.
 * Validation happens on construction, field by field, each with its own code.
 */
public record Clinic(
    String institutionCode,
    String prefectureCode,
    String name,
    String postalCode,
    String address,
    String phone,
    String feeTable,
    int idleLockMinutes) {

  public static final String FEE_TABLE_MEDICAL = "1";
  public static final int DEFAULT_IDLE_LOCK_MINUTES = 5;

  public Clinic {
    institutionCode = trim(institutionCode);
    postalCode = normalisePostalCode(postalCode);
    name = trim(name);
    address = trim(address);
    phone = trim(phone);
    if (!institutionCode.matches("\\d{7}")) {
      throw new TsumugiException(ErrorCode.CLINIC_CODE_INVALID);
    }
    if (Prefecture.byCode(prefectureCode).isEmpty()) {
      throw new TsumugiException(ErrorCode.PREFECTURE_INVALID);
    }
    if (name.isEmpty() || name.length() > 80) {
      throw new TsumugiException(ErrorCode.CLINIC_NAME_INVALID);
    }
    if (!postalCode.matches("\\d{3}-\\d{4}")) {
      throw new TsumugiException(ErrorCode.POSTAL_CODE_INVALID);
    }
    if (address.isEmpty() || address.length() > 120) {
      throw new TsumugiException(ErrorCode.ADDRESS_INVALID);
    }
    if (!phone.matches("[0-9-]{10,13}") || phone.replace("-", "").length() < 10) {
      throw new TsumugiException(ErrorCode.PHONE_INVALID);
    }
    if (!FEE_TABLE_MEDICAL.equals(feeTable)) {
      throw new TsumugiException(ErrorCode.FEE_TABLE_UNSUPPORTED);
    }
    if (idleLockMinutes < 1 || idleLockMinutes > 120) {
      throw new TsumugiException(ErrorCode.IDLE_MINUTES_INVALID);
    }
  }

  /** The 10-digit code used on claims: 都道府県 (2) + 点数表 (1) + 医療機関コード (7). */
  public String claimInstitutionCode() {
    return prefectureCode + feeTable + institutionCode;
  }

  private static String trim(String s) {
    return s == null ? "" : s.strip();
  }

  /** Accepts 1000001, 100-0001 or full-width digits; yields 100-0001. */
  static String normalisePostalCode(String raw) {
    String digits = jp.tsumugi.app.common.Text.toHalfWidthDigits(trim(raw)).replace("-", "").replace("ー", "");
    return digits.matches("\\d{7}") ? digits.substring(0, 3) + "-" + digits.substring(3) : digits;
  }
}
