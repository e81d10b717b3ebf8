package jp.tsumugi.app.audit;

/** What an audit entry records. Stored by name: never rename a constant, only add. */
public enum AuditAction {
  LOGIN_SUCCESS,
  LOGIN_FAILURE,
  LOGOUT,
  LOCK,
  UNLOCK,
  UNLOCK_FAILURE,
  USER_CREATED,
  USER_ROLE_CHANGED,
  USER_PASSWORD_CHANGED,
  USER_TOTP_ENROLLED,
  USER_TOTP_RESET,
  USERS_LISTED,
  CLINIC_CREATED,
  CLINIC_CHANGED,
  DEMO_CREATED,
  AUDIT_VERIFIED,
  DB_MIGRATED,
  PATIENT_READ,
  PATIENT_CREATED,
  PATIENT_CHANGED
}
