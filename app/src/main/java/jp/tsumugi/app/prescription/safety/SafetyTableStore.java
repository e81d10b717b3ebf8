package jp.tsumugi.app.prescription.safety;

import java.time.Instant;
import java.util.List;

/**
 * Port: the clinic-kept tables the safety check reads besides the interaction table (V23): the clinic's own days limits, the
 * combination products' ingredients and the 麻薬/向精神薬 limits, with writes for their editors (docs/adr/0033).
 */
public interface SafetyTableStore {
  /** One clinic days limit: a 9-digit drug code or an ingredient key, its days, and who set it when. */
  record ClinicLimitRow(String code, int days, Instant updatedAt, String updatedBy) {
  }

  /** The clinic's own limits, by code. */
  List<ClinicLimitRow> clinicLimitRows();

  /** Inserts or replaces the limit of {@code row.code()}. */
  void putClinicLimit(ClinicLimitRow row);

  /** Removes a limit; false when there was none. */
  boolean removeClinicLimit(String code);

  /** Every combination row, by product then ingredient. */
  List<DemoSafetyData.CombinationRow> combinationRows();

  /** Replaces the ingredients of one product with {@code rows} (all of that product). */
  void replaceCombination(String productKey, List<DemoSafetyData.CombinationRow> rows);

  /** Removes a product's rows; returns how many there were. */
  int removeCombination(String productKey);

  /** Every 麻薬/向精神薬 limit, by ingredient key. */
  List<DemoSafetyData.ControlledRow> controlledRows();

  /** Inserts or replaces the limit of {@code row.ingredientKey()}. */
  void putControlled(DemoSafetyData.ControlledRow row);

  /** Removes a controlled limit; false when there was none. */
  boolean removeControlled(String ingredientKey);
}
