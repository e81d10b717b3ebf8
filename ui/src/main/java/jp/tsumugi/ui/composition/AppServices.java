package jp.tsumugi.ui.composition;

import java.time.Clock;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.audit.AuditVerifier;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.clinic.ClinicService;
import jp.tsumugi.app.demo.DemoClinic;
import jp.tsumugi.app.exchange.Connectivity;
import jp.tsumugi.app.insurance.InsuranceRegistration;
import jp.tsumugi.app.master.MasterCatalog;
import jp.tsumugi.app.master.MasterImport;
import jp.tsumugi.app.master.MasterRepository;
import jp.tsumugi.app.outbox.OutboxStatus;
import jp.tsumugi.app.patient.PatientNumberFormat;
import jp.tsumugi.app.patient.PatientRegistration;
import jp.tsumugi.app.patient.PatientSearch;
import jp.tsumugi.app.security.AuthenticationService;
import jp.tsumugi.app.security.LockoutPolicy;
import jp.tsumugi.app.security.Secrets;
import jp.tsumugi.app.security.UserAdministration;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.sync.NotConnected;

/**
 * The composition root: wires the store's adapters into the core's use cases. Created once per
 * opened store and handed down by constructor; there are no static singletons.
 */
public final class AppServices implements AutoCloseable {
  private final LocalStore store;
  private final Clock clock;
  private final String terminal;
  private final boolean demoMode;
  private final AuditLog audit;
  private final AuthenticationService authentication;
  private final UserAdministration userAdministration;
  private final ClinicService clinicService;
  private final AuditVerifier auditVerifier;
  private final DemoClinic demoClinic;
  private final Connectivity connectivity;
  private final MasterImport masterImport;
  private final MasterCatalog masterCatalog;
  private final PatientSearch patientSearch;
  private final PatientRegistration patientRegistration;
  private final InsuranceRegistration insuranceRegistration;

  public AppServices(LocalStore store, Clock clock, String terminal, boolean demoMode) {
    this.store = store;
    this.clock = clock;
    this.terminal = terminal;
    this.demoMode = demoMode;
    this.audit = new HashChainedAuditLog(store.auditEntries(), clock);
    this.authentication = new AuthenticationService(store.users(), store.passwordHasher(), audit, store.transactions(),
        clock, LockoutPolicy.DEFAULT);
    this.userAdministration = new UserAdministration(store.users(), store.passwordHasher(), audit, store.transactions(),
        clock, Secrets.secureRandom());
    this.clinicService = new ClinicService(store.clinics(), store.users(), userAdministration, audit,
        store.transactions());
    this.auditVerifier = new AuditVerifier(store.auditEntries());
    this.demoClinic = new DemoClinic(store.clinics(), store.users(), store.patients(), store.passwordHasher(), audit,
        store.transactions(), clock);
    this.connectivity = new NotConnected();
    this.masterImport = new MasterImport(store.masterImporter(), store.masters(), audit, store.transactions());
    this.masterCatalog = new MasterCatalog(store.masters(), store.masterUsage(), clock);
    this.patientSearch = new PatientSearch(store.patientStore(), clock);
    this.patientRegistration = new PatientRegistration(store.patientStore(), patientSearch, audit, store.transactions(), clock,
        PatientNumberFormat.DEFAULT);
    this.insuranceRegistration = new InsuranceRegistration(store.insuranceStore(),
        id -> store.patientStore().findRecord(id).map(r -> r.patient().birthDate()), audit, store.transactions(), clock);
  }

  public Clock clock() {
    return clock;
  }

  public String terminal() {
    return terminal;
  }

  public boolean demoMode() {
    return demoMode;
  }

  public AuditLog audit() {
    return audit;
  }

  public AuthenticationService authentication() {
    return authentication;
  }

  public UserAdministration userAdministration() {
    return userAdministration;
  }

  public ClinicService clinicService() {
    return clinicService;
  }

  public AuditVerifier auditVerifier() {
    return auditVerifier;
  }

  public DemoClinic demoClinic() {
    return demoClinic;
  }

  public Connectivity connectivity() {
    return connectivity;
  }

  /** Search of the official masters; its index is built on first use and after an import. */
  public MasterCatalog masterCatalog() {
    return masterCatalog;
  }

  /**
   * Builds today's master search index on a low-priority background thread, so the first search after
   * login is instant. Only a cache is filled; a failure just leaves the first search to build it.
   */
  public void warmUpMasterSearch() {
    Thread warmer = new Thread(() -> {
      try {
        masterCatalog.snapshot(java.time.LocalDate.now(clock));
      } catch (RuntimeException ignored) {
        // The store closed while warming (logout, shutdown): nothing to keep.
      }
    }, "tsumugi-master-warmup");
    warmer.setDaemon(true);
    warmer.setPriority(Thread.MIN_PRIORITY);
    warmer.start();
  }

  /** Registering, changing, reading and searching patients (audited). */
  public PatientRegistration patientRegistration() {
    return patientRegistration;
  }

  /** Insurance, 公費 and insurance combinations of patients (audited). */
  public InsuranceRegistration insuranceRegistration() {
    return insuranceRegistration;
  }

  /** The patient search index itself (not audited; for benchmarks and warm-up). */
  public PatientSearch patientSearch() {
    return patientSearch;
  }

  /**
   * Loads the patient search index on a low-priority background thread after login, so the first
   * patient search at reception is instant. Only a cache is filled; a failure leaves the first search to load it.
   */
  public void warmUpPatientSearch() {
    Thread warmer = new Thread(() -> {
      try {
        patientSearch.refresh();
      } catch (RuntimeException ignored) {
        // The store closed while warming (logout, shutdown): nothing to keep.
      }
    }, "tsumugi-patient-warmup");
    warmer.setDaemon(true);
    warmer.setPriority(Thread.MIN_PRIORITY);
    warmer.start();
  }

  public MasterImport masterImport() {
    return masterImport;
  }

  public MasterRepository masters() {
    return store.masters();
  }

  public OutboxStatus outbox() {
    return store.outbox();
  }

  public LocalStore store() {
    return store;
  }

  @Override
  public void close() {
    store.close();
  }
}
