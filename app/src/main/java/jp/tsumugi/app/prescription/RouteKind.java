package jp.tsumugi.app.prescription;

/** A 剤's route: 内服, 外用, 頓服, 注射. */
public enum RouteKind {
  /** 内服: days required, the usage gives doses per day. */
  ORAL,
  /** 外用: days optional. */
  TOPICAL,
  /** 頓服: times (回数) instead of days; the usage is an as-needed one. */
  AS_NEEDED,
  /** 注射: days optional. */
  INJECTION
}
