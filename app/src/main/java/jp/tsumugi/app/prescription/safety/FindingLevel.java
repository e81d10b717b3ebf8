package jp.tsumugi.app.prescription.safety;

/** How strongly a finding stops the prescription. */
public enum FindingLevel {
  /** 禁忌: the doctor must give an override reason to go on. */
  CONTRAINDICATED,
  /** 注意: the doctor must acknowledge it. */
  CAUTION,
  /** 情報: lower than 注意 (同効薬, a record that could not be checked); acknowledged, never an override (docs/adr/0033). */
  INFO
}
