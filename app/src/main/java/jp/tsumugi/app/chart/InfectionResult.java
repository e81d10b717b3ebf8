package jp.tsumugi.app.chart;

/** The result of an infection test. */
public enum InfectionResult {
  POSITIVE,
  NEGATIVE,
  UNKNOWN
}
