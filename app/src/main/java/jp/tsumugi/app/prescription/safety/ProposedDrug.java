package jp.tsumugi.app.prescription.safety;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A drug of the prescription being checked, with the master facts the check needs.
 *
 * @param drugCode レセプト電算 drug code (9 digits)
 * @param yjCode YJ code (12 characters; empty when the master has none: such a drug has no ingredient key)
 * @param genericNameCode 一般名コード (may be empty)
 * @param name the drug's name (for the UI only)
 * @param days 日数 (or times for 頓用)
 * @param asNeeded 頓用
 * @param dosageForm 剤形 (y col 28: 1 内用, 4 注射, 6 外用)
 * @param listedOn 薬価基準収載年月日 (y col 36), null when unknown
 * @param generic 後発品 (y col 17 = 1)
 * @param narcoticKind y col 14: 0 none, 1 麻薬, 2 毒薬, 3 覚醒剤原料, 5 向精神薬
 */
public record ProposedDrug(String drugCode, String yjCode, String genericNameCode, String name, int days, boolean asNeeded,
    String dosageForm, LocalDate listedOn, boolean generic, String narcoticKind) {
  public ProposedDrug {
    Objects.requireNonNull(drugCode);
    yjCode = yjCode == null ? "" : yjCode;
    genericNameCode = genericNameCode == null ? "" : genericNameCode;
    name = name == null ? "" : name;
    dosageForm = dosageForm == null ? "" : dosageForm;
    narcoticKind = narcoticKind == null ? "0" : narcoticKind;
  }

  /** A drug with only its code, YJ code, name and days (tests, tools). */
  public static ProposedDrug of(String drugCode, String yjCode, String name, int days) {
    return new ProposedDrug(drugCode, yjCode, "", name, days, false, "1", null, false, "0");
  }

  /** The ingredient key: YJ first 7 (or the 一般名コード's first 7), empty when unknown. */
  public String ingredientKey() {
    return IngredientKeys.of(yjCode.isEmpty() ? genericNameCode : yjCode);
  }
}
