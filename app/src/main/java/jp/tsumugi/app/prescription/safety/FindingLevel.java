package jp.tsumugi.app.prescription.safety;

/** How strongly a finding stops the prescription. */
public enum FindingLevel {
  /** 禁忌: the doctor must give an override reason to go on. */
  CONTRAINDICATED,
  /** 注意: the doctor must acknowledge it. */
  CAUTION
}
