package jp.tsumugi.app.patient;

/**
 * What a patient record holds beyond {@link Patient}: 通称 (alias, optional), a second phone, the
 * emergency contact (name and relation as one text) with its phone, and a free memo. Empty strings,
 * never null.
 */
public record PatientDetails(String alias, String mobilePhone, String emergencyContact, String emergencyPhone, String memo) {
  public static final PatientDetails NONE = new PatientDetails("", "", "", "", "");

  public PatientDetails {
    alias = orEmpty(alias);
    mobilePhone = orEmpty(mobilePhone);
    emergencyContact = orEmpty(emergencyContact);
    emergencyPhone = orEmpty(emergencyPhone);
    memo = orEmpty(memo);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s.strip();
  }
}
