package jp.tsumugi.app.chart;

/**
 * Content of a patient fact kept as a revision chain on the chart envelope (docs/adr/0025): an allergy,
 * a drug contraindication (薬剤禁忌) or an infection (感染症). Values are checked by {@link PatientFacts}.
 */
public sealed interface PatientFact permits Allergy, Contraindication, Infection {
  /** The chart record kind this content belongs to. */
  ChartRecordKind kind();
}
