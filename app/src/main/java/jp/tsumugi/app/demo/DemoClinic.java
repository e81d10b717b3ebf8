package jp.tsumugi.app.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.clinic.Clinic;
import jp.tsumugi.app.clinic.ClinicRepository;
import jp.tsumugi.app.common.Base32;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.insurance.Insurance;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.PatientRepository;
import jp.tsumugi.app.security.PasswordHasher;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Secrets;
import jp.tsumugi.app.security.UserAdministration;
import jp.tsumugi.app.security.UserRepository;

/**
 * Fills an empty store with the demo clinic: the clinic, one user per role with published demo
 * credentials, and synthetic patients. For training and evaluation only; never on a real clinic's
 * data directory (it refuses a store that already holds users).
 */
public final class DemoClinic {
  public static final int PATIENT_COUNT = 240;
  private static final long SEED = 20_261_125L;

  /** The demo administrator's TOTP secret (base32), published in the README and on the demo login screen. */
  public static final String ADMIN_TOTP_SECRET = "KRJVKTKVI5EUIRKNN5AVCQ2MJFHECRCN";

  /** A demo account: its credentials are public by design. */
  public record Credential(String username, String password, Role role, String displayName) {
  }

  public static final List<Credential> CREDENTIALS = List.of(
      new Credential("admin", "tsumugi-admin", Role.ADMIN, "管理 太郎"),
      new Credential("doctor", "tsumugi-doctor", Role.DOCTOR, "医師 花子"),
      new Credential("nurse", "tsumugi-nurse", Role.NURSE, "看護 次郎"),
      new Credential("clerk", "tsumugi-clerk", Role.CLERK, "事務 三郎"));

  private final ClinicRepository clinics;
  private final UserRepository users;
  private final PatientRepository patients;
  private final PasswordHasher hasher;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;

  public DemoClinic(ClinicRepository clinics, UserRepository users, PatientRepository patients, PasswordHasher hasher,
      AuditLog audit, Transactions tx, Clock clock) {
    this.clinics = clinics;
    this.users = users;
    this.patients = patients;
    this.hasher = hasher;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  public static Clinic clinic() {
    return new Clinic("1234567", "13", "紡デモクリニック", "160-0022", "東京都新宿区新宿1-2-3 紡ビル2階", "03-1234-5678",
        Clinic.FEE_TABLE_MEDICAL, Clinic.DEFAULT_IDLE_LOCK_MINUTES);
  }

  /** Creates the demo clinic; returns the number of patients made. */
  public int create(String terminal) {
    return tx.inTransaction(() -> {
      if (users.count() != 0 || clinics.find().isPresent()) {
        throw new TsumugiException(ErrorCode.DATA_DIR_ALREADY_INITIALISED, "demo needs an empty store");
      }
      clinics.save(clinic());
      byte[] adminSecret = Base32.decode(ADMIN_TOTP_SECRET);
      Secrets fixed = length -> adminSecret.clone();
      UserAdministration admin = new UserAdministration(users, hasher, audit, tx, clock, fixed);
      List<UserAdministration.NewUser> accounts = new ArrayList<>();
      for (Credential c : CREDENTIALS) {
        accounts.add(new UserAdministration.NewUser(c.username(), c.displayName(), c.role(), c.password().toCharArray()));
      }
      admin.createInitialUsers(accounts, terminal);
      LocalDate today = LocalDate.now(clock);
      int made = 0;
      for (SyntheticPatients.Generated g : SyntheticPatients.generate(PATIENT_COUNT, SEED, today)) {
        Patient stored = patients.insert(g.patient());
        Insurance i = g.insurance();
        patients.insertInsurance(new Insurance(0, stored.id(), i.insurerNumber(), i.symbol(), i.number(), i.branch(),
            i.insured(), i.validFrom(), i.validTo()));
        made++;
      }
      audit.record(new AuditEvent("-", terminal, AuditAction.DEMO_CREATED, "", "patients=" + made));
      return made;
    });
  }
}
