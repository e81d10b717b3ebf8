package jp.tsumugi.app.chart;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An infection (感染症) finding: the agent ({@code agentText} names it for {@link InfectionAgent#OTHER}
 * only), the result and the test date (null when not known).
 */
public record Infection(InfectionAgent agent, String agentText, InfectionResult result, LocalDate testDate)
    implements PatientFact {
  public Infection {
    Objects.requireNonNull(agent);
    agentText = agentText == null ? "" : agentText.strip();
    result = result == null ? InfectionResult.UNKNOWN : result;
  }

  @Override
  public ChartRecordKind kind() {
    return ChartRecordKind.INFECTION;
  }

  @Override
  public String toString() {
    return "Infection[agent=" + agent + ", result=" + result + "]";
  }
}
