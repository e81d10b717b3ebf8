package jp.tsumugi.app.chart;

/** 急性/慢性: the course of a problem, when the doctor states it. */
public enum ProblemCourse {
  NONE,
  /** 急性. */
  ACUTE,
  /** 慢性. */
  CHRONIC
}
