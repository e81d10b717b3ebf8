package jp.tsumugi.app.prescription.safety;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.chart.Allergy;
import jp.tsumugi.app.chart.ChartRecordKind;
import jp.tsumugi.app.chart.Contraindication;
import jp.tsumugi.app.chart.FactRevision;
import jp.tsumugi.app.chart.PatientFactStore;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.DrugRecord;
import jp.tsumugi.app.master.MasterRepository;
import jp.tsumugi.app.prescription.ClinicMedications;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * Gathers the inputs of the safety check from the stores (drug master on the date, this clinic's prescriptions being
 * taken, external records, chart allergies and 薬剤禁忌, the current interaction table) and runs {@link SafetyCheck}.
 * Everything is local: the check works the same with no network. Each run is audited with counts only.
 */
public final class PrescriptionSafety {
  public static final int MAX_DAYS = 365;
  /** No visit to exclude from the drugs being taken (see {@link #context(Session, long, LocalDate, long)}). */
  public static final long NO_VISIT = 0L;

  /** One ordered drug: code and days (times for 頓用). */
  public record Order(String drugCode, int days) {
  }

  /** The outcome: the drugs as checked, every finding, and the interaction table version used. */
  public record Report(long patientId, LocalDate date, List<ProposedDrug> drugs, List<Finding> findings,
      Optional<InteractionTableVersion> table) {
  }

  private record Engine(long version, InteractionTable table) {
  }

  private final MasterRepository masters;
  private final ClinicMedications clinic;
  private final ExternalMedicationStore external;
  private final PatientFactStore facts;
  private final InteractionStore interactions;
  private final AuditLog audit;
  private final Transactions tx;
  private volatile Engine engine;

  public PrescriptionSafety(MasterRepository masters, ClinicMedications clinic, ExternalMedicationStore external,
      PatientFactStore facts, InteractionStore interactions, AuditLog audit, Transactions tx) {
    this.masters = masters;
    this.clinic = clinic;
    this.external = external;
    this.facts = facts;
    this.interactions = interactions;
    this.audit = audit;
    this.tx = tx;
  }

  /** Resolves the orders in the drug master on {@code date} and checks them. */
  public Report check(Session session, long patientId, LocalDate date, List<Order> orders) {
    session.require(Permission.READ_PATIENTS);
    List<ProposedDrug> drugs = tx.inTransaction(() -> {
      List<ProposedDrug> out = new ArrayList<>(orders.size());
      for (Order o : orders) {
        if (o.days() < 1 || o.days() > MAX_DAYS) {
          throw new TsumugiException(ErrorCode.RX_CHECK_DAYS_INVALID, "days " + o.days());
        }
        DrugRecord d = masters.findDrug(o.drugCode(), date)
            .orElseThrow(() -> new TsumugiException(ErrorCode.RX_CHECK_DRUG_UNKNOWN, "drug " + o.drugCode()));
        out.add(proposed(d, o.days(), false));
      }
      return out;
    });
    return checkDrugs(session, patientId, date, drugs);
  }

  /** Checks drugs whose master facts the caller already has (gathers the inputs, checks, audits). */
  public Report checkDrugs(Session session, long patientId, LocalDate date, List<ProposedDrug> drugs) {
    return context(session, patientId, date).check(drugs);
  }

  /**
   * Gathers a patient's inputs on a date once (audited once): the editor checks each added drug against it in well
   * under a millisecond, and gathers again on 確定.
   */
  public Context context(Session session, long patientId, LocalDate date) {
    return context(session, patientId, date, NO_VISIT);
  }

  /**
   * {@link #checkDrugs(Session, long, LocalDate, List)} for an amendment: the drugs of the visit {@code excludingVisitId}
   * (the earlier revision of the prescription being amended) do not count as being taken.
   */
  public Report checkDrugs(Session session, long patientId, LocalDate date, List<ProposedDrug> drugs, long excludingVisitId) {
    return context(session, patientId, date, excludingVisitId).check(drugs);
  }

  /**
   * {@link #context(Session, long, LocalDate)} for editing the prescription of visit {@code excludingVisitId}: that visit's own
   * signed prescription (an earlier revision of the one being edited) is not a drug still being taken, or it would be found
   * as a duplicate of itself. {@link #NO_VISIT} excludes nothing.
   */
  public Context context(Session session, long patientId, LocalDate date, long excludingVisitId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      if (!external.patientExists(patientId)) {
        throw new TsumugiException(ErrorCode.PATIENT_NOT_FOUND, "patient " + patientId);
      }
      List<CurrentDrug> current = new ArrayList<>();
      for (ClinicMedications.Taken t : clinic.takenOn(patientId, date)) {
        if (excludingVisitId != NO_VISIT && t.visitId() == excludingVisitId) {
          continue;
        }
        current.add(new CurrentDrug(OtherSource.CLINIC_PRESCRIPTION, "", t.start(), t.prescriptionRecordId(), t.drugCode(), t.yjCode(),
            t.name(), t.start(), t.days(), t.asNeeded()));
      }
      for (ExternalMedication m : external.takenOn(patientId, date)) {
        current.add(withMasterYj(m.asCurrent()));
      }
      List<Allergy> allergies = new ArrayList<>();
      for (FactRevision r : facts.currentFacts(patientId, ChartRecordKind.ALLERGY)) {
        if (r.fact() instanceof Allergy a) {
          allergies.add(a);
        }
      }
      List<Contraindication> contra = new ArrayList<>();
      for (FactRevision r : facts.currentFacts(patientId, ChartRecordKind.CONTRAINDICATION)) {
        if (r.fact() instanceof Contraindication c) {
          contra.add(c);
        }
      }
      Optional<InteractionTableVersion> version = interactions.currentVersion();
      SafetyCheck check = engine(version);
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.RX_CHECK_RUN, Long.toString(patientId),
          "current=" + current.size() + ",allergies=" + allergies.size() + ",contraindications=" + contra.size() + ",table="
          + version.map(InteractionTableVersion::version).orElse(0L)));
      return new Context(patientId, date, List.copyOf(current), List.copyOf(allergies), List.copyOf(contra), check, version);
    });
  }

  /** A patient's gathered inputs on a date; {@link #check} is pure and needs no store. */
  public static final class Context {
    private final long patientId;
    private final LocalDate date;
    private final List<CurrentDrug> current;
    private final List<Allergy> allergies;
    private final List<Contraindication> contraindications;
    private final SafetyCheck engine;
    private final Optional<InteractionTableVersion> table;

    Context(long patientId, LocalDate date, List<CurrentDrug> current, List<Allergy> allergies, List<Contraindication> contraindications,
        SafetyCheck engine, Optional<InteractionTableVersion> table) {
      this.patientId = patientId;
      this.date = date;
      this.current = current;
      this.allergies = allergies;
      this.contraindications = contraindications;
      this.engine = engine;
      this.table = table;
    }

    /** The drugs the patient takes on the date (clinic prescriptions and external records). */
    public List<CurrentDrug> current() {
      return current;
    }

    /** Every finding for the proposed drugs. */
    public Report check(List<ProposedDrug> drugs) {
      List<Finding> findings = engine.check(new SafetyInput(date, drugs, current, allergies, contraindications));
      return new Report(patientId, date, List.copyOf(drugs), findings, table);
    }
  }

  /**
   * An external record entered without a YJ code gets its drug's YJ code from the master (on the record's start date);
   * one whose code is not in the master keeps none and the check reports it as not checked (docs/adr/0033).
   */
  private CurrentDrug withMasterYj(CurrentDrug c) {
    if (!IngredientKeys.of(c.yjCode()).isEmpty() || c.drugCode().isEmpty()) {
      return c;
    }
    Optional<DrugRecord> d = masters.findDrug(c.drugCode(), c.start());
    if (d.isEmpty() || IngredientKeys.of(d.get().yjCode()).isEmpty()) {
      return c;
    }
    return new CurrentDrug(c.source(), c.sourceName(), c.sourceDate(), c.reference(), c.drugCode(), d.get().yjCode(),
        c.name().isEmpty() ? d.get().name() : c.name(), c.start(), c.days(), c.asNeeded());
  }

  /** Drops the cached interaction table (the combination and limit tables are read on every gather). */
  public void reload() {
    engine = null;
  }

  /**
   * The interaction table is cached per version; the combination and limit tables are small and read on every gather, so an
   * edit (from this process or the CLI) applies to the next check (docs/adr/0033).
   */
  private SafetyCheck engine(Optional<InteractionTableVersion> version) {
    long v = version.map(InteractionTableVersion::version).orElse(0L);
    Engine e = engine;
    if (e == null || e.version() != v) {
      List<Interaction> rows = version.isEmpty() ? List.of()
          : interactions.rows(v).stream().map(InteractionCsv.Row::interaction).toList();
      e = new Engine(v, new InteractionTable(version.orElse(null), rows));
      engine = e;
    }
    return new SafetyCheck(e.table(), DemoSafetyData.combinations(interactions.combinations()),
        DemoSafetyData.limits(interactions.controlledLimits(), interactions.clinicLimits()));
  }

  /** The check's view of a master drug: YJ, 一般名コード, 剤形, 後発品, 麻薬等 and 薬価基準収載年月日 (col 36). */
  public static ProposedDrug proposed(DrugRecord d, int days, boolean asNeeded) {
    return new ProposedDrug(d.code(), d.yjCode(), d.genericNameCode(), d.name(), days, asNeeded, d.dosageForm(), listedOn(d),
        "1".equals(d.genericKind()), d.narcoticKind());
  }

  private static LocalDate listedOn(DrugRecord d) {
    if (d.raw() == null || d.raw().size() < 36) {
      return null;
    }
    String s = d.raw().column(36).strip();
    if (s.length() != 8 || s.equals("00000000")) {
      return null;
    }
    try {
      return LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
