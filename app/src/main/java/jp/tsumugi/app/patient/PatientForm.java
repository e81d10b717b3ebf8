package jp.tsumugi.app.patient;

/**
 * A patient as typed at reception, before validation. {@code sex} is "1"/"2" (also "M"/"F", 男/女);
 * {@code birthDate} is any form {@link jp.tsumugi.app.common.Wareki#parseBirthDate} accepts
 * ({@code S41.5.26}, {@code 3410526}, {@code 19660526}). Blank optional fields stay empty.
 */
public record PatientForm(
    String familyName,
    String givenName,
    String familyKana,
    String givenKana,
    String alias,
    String sex,
    String birthDate,
    String postalCode,
    String address,
    String phone,
    String mobilePhone,
    String emergencyContact,
    String emergencyPhone,
    String memo) {

  /** The form showing a stored record, for editing. */
  public static PatientForm of(PatientRecord r) {
    Patient p = r.patient();
    PatientDetails d = r.details();
    return new PatientForm(p.familyName(), p.givenName(), p.familyKana(), p.givenKana(), d.alias(), p.sex().claimCode(),
        p.birthDate().toString(), p.postalCode(), p.address(), p.phone(), d.mobilePhone(), d.emergencyContact(),
        d.emergencyPhone(), d.memo());
  }
}
