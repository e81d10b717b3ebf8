package jp.tsumugi.app.prescription;

/** When a usage (用法) is taken. */
public enum UsageTiming {
  /** A fixed number of doses per day (朝食後: 1, 毎食後: 3). */
  DAILY,
  /** 頓用: when needed, counted in times. */
  AS_NEEDED,
  /** No timing (患部に塗布): only for 外用 and 注射. */
  NONE
}
