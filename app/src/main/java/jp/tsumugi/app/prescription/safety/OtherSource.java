package jp.tsumugi.app.prescription.safety;

/** Where the other side of a finding comes from. */
public enum OtherSource {
  /** Another drug of the prescription being checked. */
  THIS_PRESCRIPTION,
  /** This clinic's earlier prescription still being taken (its start date is the finding's other date). */
  CLINIC_PRESCRIPTION,
  /** An external medication record (他院処方; the source name and source date are on the finding). */
  EXTERNAL_RECORD,
  /** An allergy recorded in the chart. */
  CHART_ALLERGY,
  /** A 薬剤禁忌 recorded in the chart. */
  CHART_CONTRAINDICATION,
  /** A days-limit rule (no other drug). */
  LIMIT_RULE
}
