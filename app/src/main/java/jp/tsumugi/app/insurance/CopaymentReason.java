package jp.tsumugi.app.insurance;

/** Why a co-payment rate (負担割合) applies; billing-rules.md §4.1. */
public enum CopaymentReason {
  /** 未就学: up to the first 31 March on or after the day the child reaches 6 (2割). */
  PRESCHOOL,
  /** From school entry to the month in which the person reaches 70 (3割). */
  GENERAL,
  /** 70–74, 高齢受給者, general income (2割). */
  ELDERLY,
  /** 70–74, 高齢受給者, 現役並み所得 (3割). */
  ELDERLY_ACTIVE_INCOME,
  /** 75 and over, 後期高齢者: the rate on the certificate (1, 2 or 3割). */
  LATE_ELDERLY,
  /** 65–74 with a 後期高齢者 certificate (障害認定): the rate on the certificate. */
  LATE_ELDERLY_BY_DISABILITY
}
