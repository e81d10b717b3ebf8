package jp.tsumugi.app.patient;

import java.util.List;

/** What {@link PatientRegistration#register} did: registered, or stopped at likely duplicates. */
public sealed interface RegistrationOutcome {
  /** The patient was registered as revision 1. */
  record Registered(PatientRecord record) implements RegistrationOutcome {
  }

  /**
   * Nothing was saved: patients with the same folded カナ and birth date exist. Show them; register
   * only when the person confirms with "register anyway".
   */
  record LikelyDuplicates(List<PatientHit> candidates) implements RegistrationOutcome {
  }
}
