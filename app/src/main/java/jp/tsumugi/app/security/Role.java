package jp.tsumugi.app.security;

import java.util.EnumSet;
import java.util.Set;

/** Staff roles. What each may do is decided here, in the core, not by hiding buttons. */
public enum Role {
  ADMIN(EnumSet.allOf(Permission.class)),
  DOCTOR(EnumSet.of(Permission.READ_PATIENTS, Permission.WRITE_CHART, Permission.SIGN_CHART, Permission.PRESCRIBE,
      Permission.RECEPTION)),
  NURSE(EnumSet.of(Permission.READ_PATIENTS, Permission.WRITE_CHART, Permission.RECEPTION)),
  CLERK(EnumSet.of(Permission.READ_PATIENTS, Permission.RECEPTION, Permission.BILLING));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = permissions;
  }

  public boolean may(Permission permission) {
    return permissions.contains(permission);
  }

  /** Administrators must use a second factor; the others may. */
  public boolean requiresTotp() {
    return this == ADMIN;
  }
}
