package jp.tsumugi.app.security;

/** Capabilities checked by the use cases. */
public enum Permission {
  MANAGE_USERS,
  EDIT_CLINIC,
  VERIFY_AUDIT,
  READ_PATIENTS,
  RECEPTION,
  WRITE_CHART,
  PRESCRIBE,
  BILLING,
  MANAGE_MASTERS,
  /** 確定: turning a chart draft into a signed revision, amending or deleting one (doctors). */
  SIGN_CHART
}
