package jp.tsumugi.app.reception;

import java.time.LocalDate;

/**
 * Port: is this insurance combination (保険組合せ) the patient's, and valid on the date? The patients
 * part owns combinations; the composition root connects this to them.
 */
public interface CombinationCheck {
  boolean validOn(long patientId, long combinationId, LocalDate date);
}
