package jp.tsumugi.app.patient;

import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.insurance.Insurance;

/** Port: patients and their insurance. */
public interface PatientRepository {
  /** Inserts and returns the patient with its id assigned. */
  Patient insert(Patient patient);

  Insurance insertInsurance(Insurance insurance);

  Optional<Patient> findById(long id);

  List<Insurance> insurancesOf(long patientId);

  long count();
}
