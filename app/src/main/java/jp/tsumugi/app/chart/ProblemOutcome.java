package jp.tsumugi.app.chart;

/** 転帰: how a problem ended. {@link #NONE} means it is still active (no outcome date). */
public enum ProblemOutcome {
  NONE,
  /** 治癒. */
  CURED,
  /** 死亡. */
  DIED,
  /** 中止. */
  DISCONTINUED,
  /** 転医. */
  TRANSFERRED
}
