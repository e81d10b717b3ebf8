package jp.tsumugi.app.reception;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.insurance.InsuranceForm;
import jp.tsumugi.app.insurance.InsuranceRegistration;
import jp.tsumugi.app.insurance.InsuranceValidation;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.PatientForm;
import jp.tsumugi.app.patient.PatientRecord;
import jp.tsumugi.app.patient.PatientRegistration;
import jp.tsumugi.app.patient.PatientValidation;
import jp.tsumugi.app.patient.RegistrationOutcome;
import jp.tsumugi.app.security.Session;

/**
 * Registering a new patient at the 受付 counter together with the main insurance, all or nothing:
 * both forms are validated before anything is written (an error names its field through
 * {@link InvalidFieldException#field()}, with the insurance fields prefixed
 * {@code insurance.}), then the patient and the insurance (with its 保険単独 combination) are written in
 * one transaction. A likely duplicate stops it unless the clerk chose "register anyway".
 */
public final class NewPatientAtReception {
  /** Prefix of the field names of insurance errors, so the screen can tell them from patient fields. */
  public static final String INSURANCE_FIELD_PREFIX = "insurance.";

  private final PatientRegistration patients;
  private final InsuranceRegistration insurances;
  private final Transactions tx;
  private final Clock clock;

  public NewPatientAtReception(PatientRegistration patients, InsuranceRegistration insurances, Transactions tx, Clock clock) {
    this.patients = patients;
    this.insurances = insurances;
    this.tx = tx;
    this.clock = clock;
  }

  /** What was registered, or the likely duplicates (then nothing was saved). */
  public record Result(RegistrationOutcome outcome, Optional<PatientSummary> registered) {
  }

  /**
   * Registers the patient and, when {@code insurance} is not null, the insurance. Validation errors
   * are thrown before anything is saved.
   */
  public Result register(Session session, PatientForm patient, InsuranceForm insurance, boolean registerAnyway) {
    LocalDate today = LocalDate.now(clock);
    PatientValidation.validate(patient, 0, "-", 1, today);
    if (insurance != null) {
      try {
        InsuranceValidation.insurance(insurance, 0, 0, 1, today);
      } catch (InvalidFieldException e) {
        throw new InvalidFieldException(e.errorCode(), INSURANCE_FIELD_PREFIX + e.field(), e);
      }
    }
    return tx.inTransaction(() -> {
      RegistrationOutcome outcome = patients.register(session, patient, registerAnyway);
      if (outcome instanceof RegistrationOutcome.Registered registered) {
        PatientRecord record = registered.record();
        if (insurance != null) {
          insurances.addInsurance(session, record.id(), insurance);
        }
        Patient p = record.patient();
        return new Result(outcome, Optional.of(new PatientSummary(record.id(), p.patientNumber(), p.familyName() + " " + p.givenName(),
            p.familyKana() + " " + p.givenKana(), p.sex(), p.birthDate())));
      }
      return new Result(outcome, Optional.empty());
    });
  }
}
