package jp.tsumugi.app.patient;

import java.time.LocalDate;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.common.Text;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.common.Wareki;

/** Turns a {@link PatientForm} into a record, failing at the first bad field with {@link InvalidFieldException}. */
public final class PatientValidation {
  static final int NAME_MAX = 50;
  static final int KANA_MAX = 100;
  static final int ADDRESS_MAX = 200;
  static final int CONTACT_MAX = 100;
  static final int MEMO_MAX = 2000;

  private PatientValidation() {
  }

  /** Validates the form; the result carries {@code id}, {@code patientNumber} and {@code revision} as given. */
  public static PatientRecord validate(PatientForm f, long id, String patientNumber, int revision, LocalDate today) {
    String familyName = required(f.familyName(), "familyName", NAME_MAX);
    String givenName = required(f.givenName(), "givenName", NAME_MAX);
    String familyKana = kana(f.familyKana(), "familyKana");
    String givenKana = kana(f.givenKana(), "givenKana");
    String alias = optional(f.alias(), "alias", NAME_MAX);
    Sex sex = sex(f.sex());
    LocalDate birthDate = birthDate(f.birthDate(), today);
    String postalCode = postalCode(f.postalCode());
    String address = optional(f.address(), "address", ADDRESS_MAX);
    String phone = phone(f.phone(), "phone");
    String mobile = phone(f.mobilePhone(), "mobilePhone");
    String contact = optional(f.emergencyContact(), "emergencyContact", CONTACT_MAX);
    String contactPhone = phone(f.emergencyPhone(), "emergencyPhone");
    String memo = optional(f.memo(), "memo", MEMO_MAX);
    Patient patient = new Patient(id, patientNumber, familyName, givenName, familyKana, givenKana, sex, birthDate, postalCode,
        address, phone);
    return new PatientRecord(patient, new PatientDetails(alias, mobile, contact, contactPhone, memo), revision);
  }

  /** Parses a birth date as typed; errors carry the field {@code birthDate} and the 和暦 error code. */
  public static LocalDate birthDate(String text, LocalDate today) {
    if (text == null || text.isBlank()) {
      throw new InvalidFieldException(ErrorCode.BIRTH_DATE_INVALID, "birthDate");
    }
    try {
      return Wareki.parseBirthDate(text, today);
    } catch (TsumugiException e) {
      throw new InvalidFieldException(e.errorCode(), "birthDate", e);
    }
  }

  private static String required(String s, String field, int max) {
    if (s == null || s.isBlank()) {
      throw new InvalidFieldException(ErrorCode.PATIENT_NAME_INVALID, field);
    }
    return optional(s, field, max);
  }

  private static String optional(String s, String field, int max) {
    String v = s == null ? "" : s.strip();
    if (v.length() > max) {
      throw new InvalidFieldException(ErrorCode.PATIENT_TEXT_TOO_LONG, field);
    }
    return v;
  }

  private static String kana(String s, String field) {
    String v = required(s, field, KANA_MAX);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      boolean ok = (c >= '\u3041' && c <= '\u309F') || (c >= '\u30A0' && c <= '\u30FF') || (c >= '\uFF61' && c <= '\uFF9F')
          || c == ' ' || c == '\u3000';
      if (!ok) {
        throw new InvalidFieldException(ErrorCode.PATIENT_KANA_INVALID, field);
      }
    }
    return v;
  }

  private static Sex sex(String s) {
    String v = s == null ? "" : Text.toHalfWidthDigits(s.strip());
    switch (v) {
      case "1", "M", "m", "男" -> {
        return Sex.MALE;
      }
      case "2", "F", "f", "女" -> {
        return Sex.FEMALE;
      }
      default -> throw new InvalidFieldException(ErrorCode.PATIENT_SEX_INVALID, "sex");
    }
  }

  private static String postalCode(String s) {
    if (s == null || s.isBlank()) {
      return "";
    }
    String digits = Text.toHalfWidthDigits(s.strip()).replace("-", "").replace("〒", "");
    if (!digits.matches("\\d{7}")) {
      throw new InvalidFieldException(ErrorCode.POSTAL_CODE_INVALID, "postalCode");
    }
    return digits.substring(0, 3) + "-" + digits.substring(3);
  }

  private static String phone(String s, String field) {
    if (s == null || s.isBlank()) {
      return "";
    }
    String v = Text.toHalfWidthDigits(s.strip());
    if (!v.matches("[0-9-]{10,13}") || v.replace("-", "").length() < 10) {
      throw new InvalidFieldException(ErrorCode.PHONE_INVALID, field);
    }
    return v;
  }
}
