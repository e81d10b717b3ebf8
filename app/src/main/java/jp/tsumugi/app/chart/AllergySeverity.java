package jp.tsumugi.app.chart;

/** How severe the reaction was. */
public enum AllergySeverity {
  MILD,
  MODERATE,
  SEVERE,
  UNKNOWN
}
