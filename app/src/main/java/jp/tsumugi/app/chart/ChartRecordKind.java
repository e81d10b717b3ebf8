package jp.tsumugi.app.chart;

/**
 * What a chart record holds. Every kind is a chain of immutable revisions in {@code chart_revision};
 * each kind adds its own typed content table (docs/adr/0025). Only {@link #NOTE} has content so far.
 */
public enum ChartRecordKind {
  NOTE,
  PROBLEM,
  ALLERGY,
  INFECTION,
  CONTRAINDICATION,
  LAB,
  VITAL,
  /** A visit's prescription (docs/adr/0029). */
  PRESCRIPTION
}
