package jp.tsumugi.app.reception;

import java.util.Optional;
import jp.tsumugi.app.patient.PatientNumberFormat;

/**
 * Port: the clinic-level settings reception works with, stored with the clinic: the departments (診療科)
 * offered at check-in and the format of new patient numbers (患者番号).
 */
public interface ReceptionSettings {
  /** The stored departments, or empty when none were set (then {@link Departments#DEFAULT} applies). */
  Optional<Departments> findDepartments();

  /** Stores the departments with the clinic; false when there is no clinic row yet. */
  boolean saveDepartments(Departments departments);

  /** The stored patient number format, or empty when none was set (then {@link PatientNumberFormat#DEFAULT} applies). */
  Optional<PatientNumberFormat> findPatientNumberFormat();

  /** Stores the patient number format with the clinic; false when there is no clinic row yet. */
  boolean savePatientNumberFormat(PatientNumberFormat format);

  /**
   * The sequence value the next registration will most likely draw (read only, nothing consumed); used to show
   * an example of the next number. Another terminal may draw it first.
   */
  long upcomingPatientSequence();
}
