package jp.tsumugi.app.patient;

import java.time.LocalDate;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/** A registered patient (the reception issue adds revisions, contacts and search). */
public record Patient(
    long id,
    String patientNumber,
    String familyName,
    String givenName,
    String familyKana,
    String givenKana,
    Sex sex,
    LocalDate birthDate,
    String postalCode,
    String address,
    String phone) {

  public Patient {
    if (isBlank(familyName) || isBlank(familyKana) || isBlank(givenName) || isBlank(givenKana)) {
      throw new TsumugiException(ErrorCode.PATIENT_NAME_INVALID);
    }
    if (birthDate == null) {
      throw new TsumugiException(ErrorCode.BIRTH_DATE_INVALID);
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
