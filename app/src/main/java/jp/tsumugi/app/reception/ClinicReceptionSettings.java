package jp.tsumugi.app.reception;

import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.patient.PatientNumberFormat;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * The clinic's reception settings: the departments (診療科) read by reception at every check-in, and the patient
 * number format (患者番号) read at every registration. Both are edited in the clinic settings (needs
 * {@link Permission#EDIT_CLINIC}, audited as a clinic change, never with patient data). Until set, the defaults
 * {@link Departments#DEFAULT} and {@link PatientNumberFormat#DEFAULT} apply.
 */
public final class ClinicReceptionSettings {
  private final ReceptionSettings settings;
  private final AuditLog audit;
  private final Transactions tx;

  public ClinicReceptionSettings(ReceptionSettings settings, AuditLog audit, Transactions tx) {
    this.settings = settings;
    this.audit = audit;
    this.tx = tx;
  }

  /** The departments now (the stored ones, else the default). */
  public Departments departments() {
    return settings.findDepartments().orElse(Departments.DEFAULT);
  }

  /** Parses ({@link Departments#parse}) and stores the departments typed in the settings. */
  public Departments updateDepartments(Session session, String text) {
    session.require(Permission.EDIT_CLINIC);
    Departments departments = Departments.parse(text);
    tx.run(() -> {
      if (!settings.saveDepartments(departments)) {
        throw new TsumugiException(ErrorCode.CLINIC_NOT_SET_UP);
      }
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.CLINIC_CHANGED, "departments",
          "departments=" + departments.names().size()));
    });
    return departments;
  }

  /** The patient number format now (the stored one, else the default); read at every registration. */
  public PatientNumberFormat patientNumberFormat() {
    return settings.findPatientNumberFormat().orElse(PatientNumberFormat.DEFAULT);
  }

  /**
   * Parses ({@link PatientNumberFormat#parse}) and stores the patient number format typed in the settings. Existing
   * patients keep their numbers; new ones continue the same sequence in the new format.
   */
  public PatientNumberFormat updatePatientNumberFormat(Session session, String prefix, String width) {
    session.require(Permission.EDIT_CLINIC);
    PatientNumberFormat format = PatientNumberFormat.parse(prefix, width);
    tx.run(() -> {
      if (!settings.savePatientNumberFormat(format)) {
        throw new TsumugiException(ErrorCode.CLINIC_NOT_SET_UP);
      }
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.CLINIC_CHANGED, "patientNumberFormat",
          "patientNumberFormat=" + format.prefix() + "/" + format.width()));
    });
    return format;
  }

  /**
   * The sequence value the next registration will most likely use (nothing consumed; another terminal may take it
   * first), for an example of the next number: {@code format.format(upcomingPatientSequence())}. No patient data.
   */
  public long upcomingPatientSequence() {
    return Math.max(1, settings.upcomingPatientSequence());
  }
}
