package jp.tsumugi.app.qualification;

/** Where a result file is in its life: read and recorded, then applied or set aside (docs/adr/0018). */
public enum LedgerState {
  /** Read completely and hashed; not yet applied (a crash here means: apply on the next start). */
  RECEIVED,
  /** Applied in the same transaction that set this state. Final. */
  APPLIED,
  /** Rejected with a reason and moved to the quarantine folder for staff. Final. */
  QUARANTINED
}
