package jp.tsumugi.app.chart;

/**
 * A note's content in the clinic's two-column layout: S, O and A on the left, P on the right. Every
 * field is checked by {@link ChartText} on construction; {@code null} reads as empty.
 */
public record SoapNote(String subjective, String objective, String assessment, String plan) {
  public static final SoapNote EMPTY = new SoapNote("", "", "", "");

  public SoapNote {
    subjective = ChartText.check("subjective", subjective);
    objective = ChartText.check("objective", objective);
    assessment = ChartText.check("assessment", assessment);
    plan = ChartText.check("plan", plan);
  }

  public boolean isEmpty() {
    return subjective.isBlank() && objective.isBlank() && assessment.isBlank() && plan.isBlank();
  }

  /** Characters in all four fields (for audit details: sizes, never text). */
  public int length() {
    return subjective.length() + objective.length() + assessment.length() + plan.length();
  }

  @Override
  public String toString() {
    // Records print their fields; a note's text must never reach a log through toString.
    return "SoapNote[" + length() + " chars]";
  }
}
