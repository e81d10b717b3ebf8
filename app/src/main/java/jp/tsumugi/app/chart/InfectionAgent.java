package jp.tsumugi.app.chart;

/** The agent of an infection finding. */
public enum InfectionAgent {
  HBV,
  HCV,
  HIV,
  /** 梅毒. */
  SYPHILIS,
  /** Named in {@link Infection#agentText()}. */
  OTHER
}
