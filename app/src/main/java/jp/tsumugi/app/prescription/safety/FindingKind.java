package jp.tsumugi.app.prescription.safety;

/** What a safety finding is about. */
public enum FindingKind {
  /** 重複投薬: the same ingredient and route (YJ first 7) twice. */
  DUPLICATE,
  /** 併用禁忌 from the interaction table. */
  CONTRAINDICATED_COMBINATION,
  /** 併用注意 from the interaction table. */
  CAUTION_COMBINATION,
  /** A chart allergy matches the drug (by ingredient or product). */
  ALLERGY,
  /** A chart 薬剤禁忌 matches the drug's ingredient. */
  CONTRAINDICATION,
  /** 投与日数制限: the days exceed a limit. */
  DAYS_LIMIT,
  /** 同効薬: the same therapeutic class (YJ first 4) with a different ingredient (docs/adr/0033). */
  SAME_CLASS,
  /** A drug being taken (an external record without a usable YJ code) that the check could not compare (docs/adr/0033). */
  UNCHECKED_RECORD
}
