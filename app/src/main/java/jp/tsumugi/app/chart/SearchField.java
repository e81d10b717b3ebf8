package jp.tsumugi.app.chart;

/** Where a chart search hit is: a note's S, O, A or P column, or a problem (傷病名) name. */
public enum SearchField {
  SUBJECTIVE,
  OBJECTIVE,
  ASSESSMENT,
  PLAN,
  PROBLEM
}
