package jp.tsumugi.ui.composition;

import java.time.LocalDate;
import java.util.List;
import jp.tsumugi.app.insurance.Insurance;
import jp.tsumugi.app.patient.PatientRepository;
import jp.tsumugi.app.reception.CombinationCheck;
import jp.tsumugi.app.reception.CombinationChoices;

/**
 * Stands in for insurance combinations (保険組合せ) until the patients part provides them: each of
 * the patient's insurances valid on the date is offered as a combination of that insurance alone,
 * its id used as the combination id. Replace both ports here when the real combinations land.
 */
final class InsuranceCombinationStandIn implements CombinationCheck, CombinationChoices {
  private final PatientRepository patients;

  InsuranceCombinationStandIn(PatientRepository patients) {
    this.patients = patients;
  }

  @Override
  public boolean validOn(long patientId, long combinationId, LocalDate date) {
    return patients.insurancesOf(patientId).stream().anyMatch(i -> i.id() == combinationId && covers(i, date));
  }

  @Override
  public List<Choice> choicesFor(long patientId, LocalDate date) {
    return patients.insurancesOf(patientId).stream().filter(i -> covers(i, date))
        .map(i -> new Choice(i.id(), i.insurerNumber() + "  " + i.symbol() + "・" + i.number()
            + (i.branch() == null || i.branch().isBlank() ? "" : "（" + i.branch() + "）")))
        .toList();
  }

  private static boolean covers(Insurance i, LocalDate date) {
    return (i.validFrom() == null || !date.isBefore(i.validFrom())) && (i.validTo() == null || !date.isAfter(i.validTo()));
  }
}
