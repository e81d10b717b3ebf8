package jp.tsumugi.app.prescription.safety;

import java.util.Map;

/**
 * The days-limit rules (投与日数制限).
 *
 * @param newDrugDays the limit for a new drug (新薬) in its first year on the price list; 14 by the rules
 * @param controlled 麻薬/向精神薬 limits keyed by ingredient key (YJ first 7): the class and its limit (30 or 90 days);
 *     clinic-editable, seeded from the published lists
 * @param clinicLimits the clinic's own limits keyed by drug code (9 digits) or ingredient key
 */
public record DaysLimitRules(int newDrugDays, Map<String, ControlledLimit> controlled, Map<String, Integer> clinicLimits) {
  /** A controlled ingredient's class (e.g. 向精神薬第三種) and its days limit. */
  public record ControlledLimit(String drugClass, int days) {
  }

  /** The statutory 14-day rule only. */
  public static final DaysLimitRules STATUTORY_ONLY = new DaysLimitRules(14, Map.of(), Map.of());

  public DaysLimitRules {
    controlled = Map.copyOf(controlled);
    clinicLimits = Map.copyOf(clinicLimits);
  }
}
