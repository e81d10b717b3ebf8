package jp.tsumugi.app.testing;

import java.util.Optional;
import jp.tsumugi.app.clinic.Clinic;
import jp.tsumugi.app.clinic.ClinicRepository;

/** The one clinic, in a field. */
public final class InMemoryClinicRepository implements ClinicRepository {
  private Clinic clinic;

  @Override
  public Optional<Clinic> find() {
    return Optional.ofNullable(clinic);
  }

  @Override
  public void save(Clinic clinic) {
    this.clinic = clinic;
  }
}
