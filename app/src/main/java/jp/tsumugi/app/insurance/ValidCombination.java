package jp.tsumugi.app.insurance;

import java.util.List;

/** A combination valid on a date with its members' current records; 公費 in the order they apply (第1公費 first). */
public record ValidCombination(InsuranceCombination combination, InsuranceRecord insurance, List<PublicExpense> publicExpenses) {
  public ValidCombination {
    publicExpenses = List.copyOf(publicExpenses);
  }
}
