package jp.tsumugi.app.reception;

import java.util.List;
import jp.tsumugi.app.insurance.InsuranceForm;
import jp.tsumugi.app.insurance.PublicExpenseForm;
import jp.tsumugi.app.patient.PatientForm;

/**
 * What the registration panel at reception holds: the patient, the main insurance ({@code null} for a 自費
 * patient) and the 公費 lines as typed, by position (a blank line stays in the list and is skipped, so an
 * error can name its line: {@code publicExpense2.recipientNumber}).
 */
public record PatientEntry(PatientForm patient, InsuranceForm insurance, List<PublicExpenseForm> publicExpenses) {
  public PatientEntry {
    publicExpenses = publicExpenses == null ? List.of() : List.copyOf(publicExpenses);
  }

  /** True when a 公費 line has nothing typed in it. */
  public static boolean blank(PublicExpenseForm f) {
    return f == null || (isBlank(f.payerNumber()) && isBlank(f.recipientNumber()) && isBlank(f.validFrom())
        && isBlank(f.validTo()) && isBlank(f.monthlyCapYen()));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
