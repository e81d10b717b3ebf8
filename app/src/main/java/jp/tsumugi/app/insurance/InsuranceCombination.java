package jp.tsumugi.app.insurance;

import java.util.List;

/** 保険組合せ: one insurance of the patient plus up to four of the patient's 公費, in the order they apply. */
public record InsuranceCombination(long id, long patientId, long insuranceId, List<Long> publicExpenseIds) {
  public static final int MAX_PUBLIC_EXPENSES = 4;

  public InsuranceCombination {
    publicExpenseIds = List.copyOf(publicExpenseIds == null ? List.of() : publicExpenseIds);
  }
}
