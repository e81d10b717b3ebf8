package jp.tsumugi.app.chart;

/**
 * Which SOAP column a stamp (スタンプ) goes into. A {@link #PLAN} stamp's body holds one P item per line
 * for now; later issues add structured orders as further kinds of P items (docs/adr/0027).
 */
public enum StampKind {
  SUBJECTIVE,
  OBJECTIVE,
  ASSESSMENT,
  PLAN,
  /** Rp groups for the prescription pane; the body is {@code PrescriptionStampCodec} text (docs/adr/0031). */
  PRESCRIPTION
}
