package jp.tsumugi.app.chart;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The content of one problem (傷病名) revision, as stored: the disease code (7 digits; {@link #UNCODED}
 * with the typed name for 未コード化), the 修飾語 codes in written order, the composed display name,
 * 主病, 疑い, 急性/慢性, start date and 転帰 with its date. Built by {@link ChartProblems} after checking
 * the codes against the masters; {@code toString} holds no name.
 */
public record Problem(String diseaseCode, List<String> modifierCodes, String displayName, boolean mainDisease,
    boolean suspected, ProblemCourse course, LocalDate startDate, ProblemOutcome outcome, LocalDate outcomeDate) {
  /** 未コード化傷病名: the disease is typed, not coded. */
  public static final String UNCODED = "0000999";

  public Problem {
    Objects.requireNonNull(diseaseCode);
    modifierCodes = List.copyOf(modifierCodes);
    Objects.requireNonNull(displayName);
    Objects.requireNonNull(course);
    Objects.requireNonNull(startDate);
    Objects.requireNonNull(outcome);
  }

  public boolean uncoded() {
    return UNCODED.equals(diseaseCode);
  }

  public boolean active() {
    return outcome == ProblemOutcome.NONE;
  }

  @Override
  public String toString() {
    return "Problem[disease=" + diseaseCode + ", modifiers=" + modifierCodes + ", outcome=" + outcome + "]";
  }
}
