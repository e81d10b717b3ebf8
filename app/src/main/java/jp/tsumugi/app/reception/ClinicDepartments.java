package jp.tsumugi.app.reception;

import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * The clinic's departments (診療科): read by reception at every check-in, edited in the clinic settings
 * (needs {@link Permission#EDIT_CLINIC}, audited as a clinic change). Until they are set, {@link Departments#DEFAULT}.
 */
public final class ClinicDepartments {
  private final DepartmentSettings settings;
  private final AuditLog audit;
  private final Transactions tx;

  public ClinicDepartments(DepartmentSettings settings, AuditLog audit, Transactions tx) {
    this.settings = settings;
    this.audit = audit;
    this.tx = tx;
  }

  /** The departments now (the stored ones, else the default). */
  public Departments current() {
    return settings.find().orElse(Departments.DEFAULT);
  }

  /** Parses ({@link Departments#parse}) and stores the departments typed in the settings. */
  public Departments update(Session session, String text) {
    session.require(Permission.EDIT_CLINIC);
    Departments departments = Departments.parse(text);
    tx.run(() -> {
      if (!settings.save(departments)) {
        throw new TsumugiException(ErrorCode.CLINIC_NOT_SET_UP);
      }
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.CLINIC_CHANGED, "departments",
          "departments=" + departments.names().size()));
    });
    return departments;
  }
}
