package jp.tsumugi.app.clinic;

import java.util.Optional;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.UserAdministration;
import jp.tsumugi.app.security.UserRepository;

/** First-run setup (clinic plus first administrator) and the clinic settings. */
public final class ClinicService {
  private final ClinicRepository clinics;
  private final UserRepository users;
  private final UserAdministration administration;
  private final AuditLog audit;
  private final Transactions tx;

  public ClinicService(ClinicRepository clinics, UserRepository users, UserAdministration administration, AuditLog audit,
      Transactions tx) {
    this.clinics = clinics;
    this.users = users;
    this.administration = administration;
    this.audit = audit;
    this.tx = tx;
  }

  public Optional<Clinic> clinic() {
    return clinics.find();
  }

  /** True until the clinic and its first administrator exist. */
  public boolean needsSetup() {
    return clinics.find().isEmpty() || users.count() == 0;
  }

  /**
   * Creates the clinic and its first administrator atomically. Refused once any user exists, so it
   * cannot be used to mint a second administrator.
   */
  public UserAdministration.Created setUp(Clinic clinic, UserAdministration.NewUser firstAdmin, String terminal) {
    return tx.inTransaction(() -> {
      if (!needsSetup()) {
        throw new TsumugiException(ErrorCode.DATA_DIR_ALREADY_INITIALISED);
      }
      clinics.save(clinic);
      audit.record(new AuditEvent(firstAdmin.username(), terminal, AuditAction.CLINIC_CREATED, clinic.institutionCode(), ""));
      return administration.createInitialUsers(java.util.List.of(firstAdmin), terminal).get(0);
    });
  }

  public void update(Session actor, Clinic clinic) {
    actor.require(Permission.EDIT_CLINIC);
    tx.run(() -> {
      clinics.save(clinic);
      audit.record(new AuditEvent(actor.username(), actor.terminal(), AuditAction.CLINIC_CHANGED, clinic.institutionCode(),
          ""));
    });
  }
}
