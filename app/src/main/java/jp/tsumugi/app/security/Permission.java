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
  MANAGE_MASTERS
}
