package jp.tsumugi.ui.composition;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.audit.AuditVerifier;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.chart.ChartLabs;
import jp.tsumugi.app.chart.ChartNotes;
import jp.tsumugi.app.chart.ChartProblems;
import jp.tsumugi.app.chart.ChartSearch;
import jp.tsumugi.app.chart.Stamps;
import jp.tsumugi.app.chart.ChartStore;
import jp.tsumugi.app.chart.ChartVitals;
import jp.tsumugi.app.chart.EditLeases;
import jp.tsumugi.app.chart.LabCsvImport;
import jp.tsumugi.app.chart.PatientFacts;
import jp.tsumugi.app.clinic.ClinicService;
import jp.tsumugi.app.demo.DemoClinic;
import jp.tsumugi.app.demo.DemoLabs;
import jp.tsumugi.app.exchange.Connectivity;
import jp.tsumugi.app.master.DrugPriceListAttach;
import jp.tsumugi.app.insurance.Insurance;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.InsuranceRegistration;
import jp.tsumugi.app.master.MasterCatalog;
import jp.tsumugi.app.prescription.ChartPrescriptions;
import jp.tsumugi.app.prescription.ClinicMedications;
import jp.tsumugi.app.prescription.DrugLookup;
import jp.tsumugi.app.prescription.PrescriptionStore;
import jp.tsumugi.app.master.MasterImport;
import jp.tsumugi.app.master.MasterRepository;
import jp.tsumugi.app.outbox.OutboxStatus;
import jp.tsumugi.app.prescription.safety.ExternalMedications;
import jp.tsumugi.app.prescription.safety.InteractionTables;
import jp.tsumugi.app.prescription.safety.PrescriptionSafety;
import jp.tsumugi.app.prescription.safety.SafetyTables;
import jp.tsumugi.app.qualification.ArrivalRecordingHandler;
import jp.tsumugi.app.qualification.CardReaderArrivals;
import jp.tsumugi.app.qualification.PatientMatchingResultHandler;
import jp.tsumugi.app.qualification.ProposalConfirmation;
import jp.tsumugi.app.qualification.QualificationRequestEvents;
import jp.tsumugi.app.qualification.QualificationResultHandler;
import jp.tsumugi.app.reception.ClinicReceptionSettings;
import jp.tsumugi.app.reception.PatientAtReception;
import jp.tsumugi.app.reception.Reception;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.PatientRegistration;
import jp.tsumugi.app.patient.PatientSearch;
import jp.tsumugi.app.security.AuthenticationService;
import jp.tsumugi.app.security.LockoutPolicy;
import jp.tsumugi.app.security.Secrets;
import jp.tsumugi.app.security.UserAdministration;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.sync.NotConnected;
import jp.tsumugi.sync.qualification.InboxFolders;
import jp.tsumugi.sync.qualification.InboxSettings;
import jp.tsumugi.sync.qualification.QualificationInbox;
import jp.tsumugi.sync.qualification.QualificationRequestWriter;
import jp.tsumugi.sync.qualification.QualificationRequests;
import jp.tsumugi.sync.qualification.QualificationResultParser;
import jp.tsumugi.sync.qualification.ResultFileProcessor;
import jp.tsumugi.sync.qualification.TerminalSimulator;

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
  private final DrugPriceListAttach drugPriceListAttach;
  private final Reception reception;
  private final CardReaderArrivals cardReaderArrivals;
  private final PatientSearch patientSearch;
  private final PatientRegistration patientRegistration;
  private final InsuranceRegistration insuranceRegistration;
  private final ClinicReceptionSettings receptionSettings;
  private final PatientAtReception patientAtReception;
  private final EditLeases editLeases;
  private final ChartNotes chartNotes;
  private final ChartProblems chartProblems;
  private final PatientFacts patientFacts;
  private final jp.tsumugi.app.chart.ChartOverview chartOverview;
  private final ChartSearch chartSearch;
  private final Stamps stamps;
  private final ChartLabs chartLabs;
  private final ChartPrescriptions chartPrescriptions;
  private final ClinicMedications clinicMedications;
  private final ChartVitals chartVitals;
  private final LabCsvImport labCsvImport;
  private final PrescriptionSafety prescriptionSafety;
  private final InteractionTables interactionTables;
  private final ExternalMedications externalMedications;
  private final SafetyTables safetyTables;
  // Printed prescriptions and drug memos (docs/adr/0032)
  private final jp.tsumugi.app.prescription.memo.DrugMemos drugMemos;
  private final jp.tsumugi.app.prescription.print.PrescriptionDocuments prescriptionDocuments;
  private jp.tsumugi.print.PrescriptionPdf prescriptionPdf;

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
    this.drugPriceListAttach = new DrugPriceListAttach(store.drugPriceListAttacher(), audit, store.transactions());
    this.patientSearch = new PatientSearch(store.patientStore(), clock);
    this.receptionSettings = new ClinicReceptionSettings(store.receptionSettings(), audit, store.transactions());
    this.patientRegistration = new PatientRegistration(store.patientStore(), patientSearch, audit, store.transactions(), clock,
        receptionSettings::patientNumberFormat);
    this.insuranceRegistration = new InsuranceRegistration(store.insuranceStore(),
        id -> store.patientStore().findRecord(id).map(r -> r.patient().birthDate()), audit, store.transactions(), clock);
    InsuranceCombinationsForReception combinations = new InsuranceCombinationsForReception(insuranceRegistration);
    this.reception = new Reception(store.visits(), store.patients(),
        new ForgivingPatientLookup(patientSearch, store.receptionPatientLookup()), store.users(),
        combinations, combinations, receptionSettings::departments, audit, store.transactions(), clock);
    this.cardReaderArrivals = new CardReaderArrivals(store.qualificationArrivals(), store.qualificationApplyStore(),
        proposalConfirmation(), reception, store.visits(), store.receptionPatientLookup(), store.insuranceStore(), combinations,
        combinations, audit, store.transactions(), clock);
    this.patientAtReception = new PatientAtReception(patientRegistration, insuranceRegistration, store.transactions(), clock);
    ChartStore chartStore = store.chartStore();
    this.editLeases = new EditLeases(chartStore, clock);
    this.chartSearch = new ChartSearch(store.chartSearchSource(), audit, store.transactions());
    this.chartNotes = new ChartNotes(chartStore, editLeases, audit, store.transactions(), clock, chartSearch);
    this.chartProblems = new ChartProblems(store.problemStore(), masterCatalog, audit, store.transactions(), clock, chartSearch);
    this.stamps = new Stamps(store.stampStore(), audit, store.transactions(), clock);
    this.patientFacts = new PatientFacts(store.patientFactStore(), audit, store.transactions(), clock);
    this.chartOverview = new jp.tsumugi.app.chart.ChartOverview(store.chartOverviewStore(), store.problemStore(),
        store.patientFactStore(), store.receptionPatientLookup(), combinations, audit, store.transactions(), clock);
    this.chartLabs = new ChartLabs(store.labStore(), audit, store.transactions(), clock);
    this.chartVitals = new ChartVitals(store.vitalStore(), audit, store.transactions(), clock);
    this.labCsvImport = new LabCsvImport(store.labStore(), chartLabs, audit, store.transactions(), clock);
    PrescriptionStore prescriptionStore = store.prescriptionStore();
    this.chartPrescriptions = new ChartPrescriptions(prescriptionStore, DrugLookup.of(masterCatalog), audit, store.transactions(),
        clock);
    this.clinicMedications = prescriptionStore;
    this.prescriptionSafety = new PrescriptionSafety(store.masters(), clinicMedications, store.externalMedicationStore(),
        store.patientFactStore(), store.interactionStore(), audit, store.transactions());
    this.interactionTables = new InteractionTables(store.interactionStore(), store.masters(), audit, store.transactions(), clock);
    this.externalMedications = new ExternalMedications(store.externalMedicationStore(), store.masters(), audit, store.transactions(),
        clock);
    // rxcheck2: editors of the clinic tables the safety check reads (docs/adr/0033)
    this.safetyTables = new SafetyTables(store.safetyTableStore(), store.masters(), audit, store.transactions(), clock);
    this.drugMemos = new jp.tsumugi.app.prescription.memo.DrugMemos(store.drugMemoStore(), DrugLookup.of(masterCatalog), audit,
        store.transactions(), clock);
    this.prescriptionDocuments = new jp.tsumugi.app.prescription.print.PrescriptionDocuments(prescriptionStore, store.visits(),
        store.patientStore(), store.insuranceStore(), store.clinics(), store.users(), drugMemos, audit, store.transactions());
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

  /** Attaches an MHLW 薬価基準収載品目リスト: YJ codes where the 医薬品 master lacks them, and a price cross-check. */
  public DrugPriceListAttach drugPriceListAttach() {
    return drugPriceListAttach;
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

  /**
   * Builds the chart full-text index on a low-priority background thread after a doctor logs in, so the first
   * search does not wait for it (docs/adr/0027). Only a cache is filled.
   */
  public void warmUpChartSearch() {
    Thread warmer = new Thread(() -> {
      try {
        chartSearch.warmUp();
      } catch (RuntimeException ignored) {
        // The store closed while warming (logout, shutdown): the first search builds the index instead.
      }
    }, "tsumugi-chart-search-warmup");
    warmer.setDaemon(true);
    warmer.setPriority(Thread.MIN_PRIORITY);
    warmer.start();
  }

  /**
   * The handler that applies オンライン資格確認 results: matches the patient, appends insurance revisions and
   * consents, or records a registration proposal (docs/adr/0020). The inbox passes
   * {@link PatientMatchingResultHandler#SYSTEM_ACTOR}.
   */
  public QualificationResultHandler qualificationHandler(String actor) {
    return new ArrivalRecordingHandler(new PatientMatchingResultHandler(store.patientStore(), store.insuranceStore(),
        store.qualificationApplyStore(), audit, actor, terminal, clock), store.qualificationArrivals(), store.insuranceStore(), clock);
  }

  /** Card-reader arrivals and qualification warnings at the 受付 counter (docs/adr/0021). */
  public CardReaderArrivals cardReaderArrivals() {
    return cardReaderArrivals;
  }

  /** Staff confirm registration proposals made from results (register, insurance, optional check-in). */
  public ProposalConfirmation proposalConfirmation() {
    return new ProposalConfirmation(store.qualificationApplyStore(), patientRegistration, insuranceRegistration, reception, audit,
        store.transactions());
  }

  /** Applies result files through the ledger and the handler (the inbox and {@code tsumugi qualification ingest}). */
  public ResultFileProcessor qualificationProcessor(String actor, QualificationRequestEvents events, InboxSettings settings) {
    return new ResultFileProcessor(new QualificationResultParser(), store.qualificationLedger(), store.qualificationRequests(),
        qualificationHandler(actor), store.transactions(), events, clock, settings.maxApplyAttempts());
  }

  /** Requests into the 資格確認端末's {@code req/} folder, with timeouts and retry. */
  public QualificationRequests qualificationRequests(InboxFolders folders, QualificationRequestEvents events, InboxSettings settings) {
    return new QualificationRequests(folders, new QualificationRequestWriter(), store.qualificationRequests(), events, clock,
        settings.requestTimeout(), new SecureRandom());
  }

  /**
   * What the demo's simulated terminal answers from: the clinic's own current insurance with these card
   * numbers, for the patient with the request's birth date. Never used against a real terminal.
   */
  public TerminalSimulator.Registry simulatedNationalRegistry() {
    return (insurerNumber, symbol, number, branch, birthDate) -> store.insuranceStore()
        .insurancesByNumbers(insurerNumber, symbol, number, branch).stream()
        .flatMap(r -> store.patientStore().findRecord(r.insurance().patientId()).stream()
            .filter(p -> p.patient().birthDate().equals(birthDate))
            .map(p -> simulatedCard(r, p.patient())))
        .findFirst();
  }

  private static TerminalSimulator.Card simulatedCard(InsuranceRecord r, Patient p) {
    Insurance i = r.insurance();
    return new TerminalSimulator.Card(i.insurerNumber(), i.symbol(), i.number(), i.branch(), i.insured(), i.validFrom(), i.validTo(),
        p.familyName() + " " + p.givenName(), p.familyKana() + " " + p.givenKana(), p.sex().claimCode(), p.birthDate(), p.postalCode(),
        p.address(), r.elderlyRecipientTenths(), r.lateElderlyTenths(), r.limitCategory().map(c -> c.code()).orElse(""));
  }

  /** The watcher of the shared folder's {@code res/} and {@code face/}; call {@code start()} on it, close it at logout. */
  public QualificationInbox qualificationInbox(InboxFolders folders, QualificationRequestEvents events, InboxSettings settings) {
    return new QualificationInbox(folders, qualificationProcessor(PatientMatchingResultHandler.SYSTEM_ACTOR, events, settings),
        store.qualificationLedger(),
        Optional.of(qualificationRequests(folders, events, settings)), settings, clock);
  }

  /** The full registration panel at reception: a new patient with insurance and 公費, or a patient's changes as revisions. */
  public PatientAtReception patientAtReception() {
    return patientAtReception;
  }

  /** The clinic's reception settings, edited in the settings: departments (診療科) offered at check-in, patient number format. */
  public ClinicReceptionSettings receptionSettings() {
    return receptionSettings;
  }

  /** The day's reception queue (受付). */
  public Reception reception() {
    return reception;
  }

  /** A visit's SOAP note: open, autosave, sign off, amend, delete, history, diff (docs/adr/0025). */
  /** What the chart window paints first: header, facts, problems, timeline (docs/adr/0028). */
  public jp.tsumugi.app.chart.ChartOverview chartOverview() {
    return chartOverview;
  }

  /** Synthetic chart history for the demo clinic (run after the demo clinic and, when wanted, the masters). */
  public jp.tsumugi.app.demo.DemoCharts demoCharts() {
    return new jp.tsumugi.app.demo.DemoCharts(store.visits(), chartNotes, chartProblems, patientFacts, store.users(),
        store.insuranceStore(), store.transactions(), clock);
  }

  /** A signed demo prescription for demo patient 1 when the drug master is loaded (run after {@link #demoCharts()}). */
  public jp.tsumugi.app.demo.DemoPrescriptions demoPrescriptions() {
    return new jp.tsumugi.app.demo.DemoPrescriptions(chartPrescriptions(), chartOverview, store.users(), clock);
  }

  public ChartNotes chartNotes() {
    return chartNotes;
  }

  /** Problems (傷病名): add, change, end, list, history (docs/adr/0025). */
  public ChartProblems chartProblems() {
    return chartProblems;
  }

  /** Allergies, drug contraindications (薬剤禁忌) and infections: add, change, end, current, history. */
  public PatientFacts patientFacts() {
    return patientFacts;
  }

  /** Full-text search across every chart (全文検索, doctors; docs/adr/0027). The index builds on the first search. */
  public ChartSearch chartSearch() {
    return chartSearch;
  }

  /** Stamps (スタンプ): personal and shared S/O/A/P snippets, keyword lookup and completion (docs/adr/0027). */
  public Stamps stamps() {
    return stamps;
  }

  /** 検査結果: add, change, delete, history, latest per test, one test's series, newest N, the lab catalogue (docs/adr/0026). */
  public ChartLabs chartLabs() {
    return chartLabs;
  }

  /** 処方: open, sign (with overridden safety findings), amend, delete, history, Do, the usage table (docs/adr/0029). */
  public ChartPrescriptions chartPrescriptions() {
    return chartPrescriptions;
  }

  /** What a patient is taking on a date from this clinic's signed prescriptions (docs/adr/0029). */
  public ClinicMedications clinicMedications() {
    return clinicMedications;
  }

  /** バイタル: add, change, delete, history, latest, series (BMI computed) (docs/adr/0026). */
  public ChartVitals chartVitals() {
    return chartVitals;
  }

  /** Demo lab results and vitals for the first demo patients (after {@link #demoClinic()} created them). */
  public DemoLabs demoLabs() {
    return new DemoLabs(chartLabs, chartVitals, store.labStore(), store.transactions(), clock);
  }

  /** The merged prescription safety check on the stores (docs/adr/0030). */
  public PrescriptionSafety safetyCheck() {
    return prescriptionSafety;
  }

  /** The versioned interaction table: CSV preview, import, export (docs/adr/0030). */
  public InteractionTables interactionTables() {
    return interactionTables;
  }

  /** External medication records (他院処方, docs/adr/0030; removal docs/adr/0033). */
  public ExternalMedications externalMedications() {
    return externalMedications;
  }

  /** Editors of the clinic days limits, combination products and 麻薬/向精神薬 limits (docs/adr/0033). */
  public SafetyTables safetyTables() {
    return safetyTables;
  }

  /** Drug memos (効能, 注意) for the 薬剤情報提供書: get, set, list (docs/adr/0032). */
  public jp.tsumugi.app.prescription.memo.DrugMemos drugMemos() {
    return drugMemos;
  }

  /** The data of a visit's printed prescription documents, assembled and audited (docs/adr/0032). */
  public jp.tsumugi.app.prescription.print.PrescriptionDocuments prescriptionDocuments() {
    return prescriptionDocuments;
  }

  /** The PDF renderer of the prescription documents; reads the bundled font on first use (docs/adr/0032). */
  public synchronized jp.tsumugi.print.PrescriptionPdf prescriptionPdf() {
    if (prescriptionPdf == null) {
      prescriptionPdf = new jp.tsumugi.print.PrescriptionPdf();
    }
    return prescriptionPdf;
  }

  /** Demo drug memos for the demo drugs (saved straight to the store; no masters needed). */
  public int seedDemoDrugMemos() {
    return jp.tsumugi.app.demo.DemoDrugMemos.seed(store.drugMemoStore(), store.transactions(), clock.instant());
  }

  /** Lab CSV import: preview (saves nothing), then accept the OK lines (docs/adr/0026). */
  public LabCsvImport labCsvImport() {
    return labCsvImport;
  }

  /** Editing leases (編集中) on chart sections, renewed by the editor's heartbeat. */
  public EditLeases editLeases() {
    return editLeases;
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
