package jp.tsumugi.app.clinic;

import java.util.Optional;

/** Port: the one clinic row. */
public interface ClinicRepository {
  Optional<Clinic> find();

  void save(Clinic clinic);
}
