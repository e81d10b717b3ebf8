package jp.tsumugi.app.chart;

import java.time.LocalDate;
import java.util.List;

/**
 * What the doctor enters for a problem: codes as chosen from the masters (or {@link Problem#UNCODED} with
 * {@code uncodedName}), flags, dates. {@link ChartProblems} checks it and composes the display name.
 */
public record ProblemInput(String diseaseCode, List<String> modifierCodes, String uncodedName, boolean mainDisease,
    boolean suspected, ProblemCourse course, LocalDate startDate, ProblemOutcome outcome, LocalDate outcomeDate) {
  public ProblemInput {
    modifierCodes = modifierCodes == null ? List.of() : List.copyOf(modifierCodes);
    course = course == null ? ProblemCourse.NONE : course;
    outcome = outcome == null ? ProblemOutcome.NONE : outcome;
  }

  /** An active, coded problem with no flags. */
  public static ProblemInput coded(String diseaseCode, List<String> modifierCodes, LocalDate startDate) {
    return new ProblemInput(diseaseCode, modifierCodes, null, false, false, ProblemCourse.NONE, startDate, ProblemOutcome.NONE,
        null);
  }

  public ProblemInput ended(ProblemOutcome how, LocalDate on) {
    return new ProblemInput(diseaseCode, modifierCodes, uncodedName, mainDisease, suspected, course, startDate, how, on);
  }

  public ProblemInput main(boolean main) {
    return new ProblemInput(diseaseCode, modifierCodes, uncodedName, main, suspected, course, startDate, outcome, outcomeDate);
  }

  @Override
  public String toString() {
    return "ProblemInput[disease=" + diseaseCode + ", modifiers=" + modifierCodes + "]";
  }
}
