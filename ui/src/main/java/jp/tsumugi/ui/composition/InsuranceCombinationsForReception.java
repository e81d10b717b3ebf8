package jp.tsumugi.ui.composition;

import java.time.LocalDate;
import java.util.List;
import jp.tsumugi.app.insurance.Insurance;
import jp.tsumugi.app.insurance.InsuranceRegistration;
import jp.tsumugi.app.insurance.PublicExpense;
import jp.tsumugi.app.insurance.ValidCombination;
import jp.tsumugi.app.reception.CombinationCheck;
import jp.tsumugi.app.reception.CombinationChoices;

/**
 * Connects reception's check-in to the patients' real insurance combinations (保険組合せ): a combination
 * is offered, and accepted, only when every member is valid on the visit date.
 */
final class InsuranceCombinationsForReception implements CombinationCheck, CombinationChoices {
  private final InsuranceRegistration insurance;

  InsuranceCombinationsForReception(InsuranceRegistration insurance) {
    this.insurance = insurance;
  }

  @Override
  public boolean validOn(long patientId, long combinationId, LocalDate date) {
    return insurance.validCombinationsForCheckIn(patientId, date).stream()
        .anyMatch(c -> c.combination().id() == combinationId);
  }

  @Override
  public List<Choice> choicesFor(long patientId, LocalDate date) {
    return insurance.validCombinationsForCheckIn(patientId, date).stream()
        .map(c -> new Choice(c.combination().id(), label(c))).toList();
  }

  private static String label(ValidCombination c) {
    Insurance i = c.insurance().insurance();
    StringBuilder label = new StringBuilder(i.insurerNumber()).append("  ").append(i.symbol()).append("・").append(i.number());
    if (i.branch() != null && !i.branch().isBlank()) {
      label.append("（").append(i.branch()).append("）");
    }
    for (PublicExpense p : c.publicExpenses()) {
      label.append(" ＋ ").append(p.payerNumber());
    }
    return label.toString();
  }
}
