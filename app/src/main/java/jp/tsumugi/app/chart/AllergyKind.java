package jp.tsumugi.app.chart;

/** What a patient is allergic to. */
public enum AllergyKind {
  /** A drug, by ingredient (YJ 7-character prefix). */
  DRUG_INGREDIENT,
  /** A drug, by product (YJ code or レセプト電算 drug code). */
  DRUG_PRODUCT,
  /** 食物. */
  FOOD,
  /** その他 (latex, metals, …). */
  OTHER
}
