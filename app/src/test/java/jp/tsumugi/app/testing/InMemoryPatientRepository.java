package jp.tsumugi.app.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tsumugi.app.insurance.Insurance;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.PatientRepository;

/** Patients and insurance in maps. */
public final class InMemoryPatientRepository implements PatientRepository {
  private final Map<Long, Patient> patients = new LinkedHashMap<>();
  private final List<Insurance> insurances = new ArrayList<>();
  private long nextId = 1;

  @Override
  public Patient insert(Patient p) {
    Patient stored = new Patient(nextId++, p.patientNumber(), p.familyName(), p.givenName(), p.familyKana(), p.givenKana(),
        p.sex(), p.birthDate(), p.postalCode(), p.address(), p.phone());
    patients.put(stored.id(), stored);
    return stored;
  }

  @Override
  public Insurance insertInsurance(Insurance i) {
    Insurance stored = new Insurance(insurances.size() + 1L, i.patientId(), i.insurerNumber(), i.symbol(), i.number(), i.branch(),
        i.insured(), i.validFrom(), i.validTo());
    insurances.add(stored);
    return stored;
  }

  @Override
  public Optional<Patient> findById(long id) {
    return Optional.ofNullable(patients.get(id));
  }

  @Override
  public List<Insurance> insurancesOf(long patientId) {
    return insurances.stream().filter(i -> i.patientId() == patientId).toList();
  }

  @Override
  public long count() {
    return patients.size();
  }

  public List<Patient> all() {
    return new ArrayList<>(patients.values());
  }
}
