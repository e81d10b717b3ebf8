package jp.tsumugi.app.patient;

/** The current state of a patient: identity and core fields, details, and the revision number (1 when registered). */
public record PatientRecord(Patient patient, PatientDetails details, int revision) {
  public PatientRecord {
    if (patient == null || details == null || revision < 1) {
      throw new IllegalArgumentException("patient, details and a revision of 1 or more are required");
    }
  }

  public long id() {
    return patient.id();
  }

  /** This record with the id the store assigned. */
  public PatientRecord withId(long id) {
    Patient p = patient;
    return new PatientRecord(new Patient(id, p.patientNumber(), p.familyName(), p.givenName(), p.familyKana(), p.givenKana(),
        p.sex(), p.birthDate(), p.postalCode(), p.address(), p.phone()), details, revision);
  }
}
