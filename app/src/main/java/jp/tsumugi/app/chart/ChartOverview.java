package jp.tsumugi.app.chart;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.LegalAge;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.reception.CombinationChoices;
import jp.tsumugi.app.reception.PatientLookup;
import jp.tsumugi.app.reception.PatientSummary;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * What the chart window paints first (docs/adr/0028): the patient header with the facts a doctor must
 * never miss (allergies, drug contraindications, infections), the problem list and the visit timeline,
 * read in one transaction and audited once as the chart being opened.
 */
public final class ChartOverview {

  /** The always-visible patient header. {@code insuranceLabel} is empty when no insurance is valid today. */
  public record Header(PatientSummary patient, int ageYears, String insuranceLabel, List<FactRevision> allergies,
      List<FactRevision> contraindications, List<FactRevision> infections) {
    public Header {
      Objects.requireNonNull(patient);
      insuranceLabel = insuranceLabel == null ? "" : insuranceLabel;
      allergies = List.copyOf(allergies);
      contraindications = List.copyOf(contraindications);
      infections = List.copyOf(infections);
    }

    /** Infections with a positive result: these get a badge. */
    public List<FactRevision> positiveInfections() {
      return infections.stream().filter(f -> ((Infection) f.fact()).result() == InfectionResult.POSITIVE).toList();
    }

    @Override
    public String toString() {
      return "Header[patient=" + patient.id() + "]";
    }
  }

  /** The chart as opened: header, problems (active first) and every visit, newest first. */
  public record Overview(Header header, List<ProblemRevision> problems, List<TimelineEntry> timeline) {
    public Overview {
      Objects.requireNonNull(header);
      problems = List.copyOf(problems);
      timeline = List.copyOf(timeline);
    }

    public long patientId() {
      return header.patient().id();
    }
  }

  private final ChartOverviewStore overviews;
  private final ProblemStore problems;
  private final PatientFactStore facts;
  private final PatientLookup patients;
  private final CombinationChoices insurance;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;

  public ChartOverview(ChartOverviewStore overviews, ProblemStore problems, PatientFactStore facts, PatientLookup patients,
      CombinationChoices insurance, AuditLog audit, Transactions tx, Clock clock) {
    this.overviews = overviews;
    this.problems = problems;
    this.facts = facts;
    this.patients = patients;
    this.insurance = insurance;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** Opens the patient's chart; one audit entry with the patient id and the number of visits. */
  public Overview open(Session session, long patientId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      Header header = header(patientId);
      List<ProblemRevision> problemList = problems.problemList(patientId);
      List<TimelineEntry> timeline = overviews.timeline(patientId, session.username());
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.CHART_OPENED, Long.toString(patientId),
          "visits=" + timeline.size() + ",problems=" + problemList.size()));
      return new Overview(header, problemList, timeline);
    });
  }

  /** Opens the chart of the visit's patient (from the reception queue, say). */
  public Overview openVisit(Session session, long visitId) {
    session.require(Permission.READ_PATIENTS);
    long patientId = overviews.patientOfVisit(visitId)
        .orElseThrow(() -> new TsumugiException(ErrorCode.CHART_RECORD_NOT_FOUND, "visit " + visitId));
    return open(session, patientId);
  }

  /** The chart again after a change made in it (a problem, an allergy): no new audit entry, it is already open. */
  public Overview refresh(Session session, long patientId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> new Overview(header(patientId), problems.problemList(patientId),
        overviews.timeline(patientId, session.username())));
  }

  /** The timeline again (after a sign-off or a draft), without a new audit entry: the chart is already open. */
  public List<TimelineEntry> timeline(Session session, long patientId) {
    session.require(Permission.READ_PATIENTS);
    return overviews.timeline(patientId, session.username());
  }

  /** The header again (after an allergy was added), without a new audit entry: the chart is already open. */
  public Header refreshHeader(Session session, long patientId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> header(patientId));
  }

  private Header header(long patientId) {
    PatientSummary patient = patients.byIds(List.of(patientId)).get(patientId);
    if (patient == null) {
      throw new TsumugiException(ErrorCode.PATIENT_NOT_FOUND, "patient " + patientId);
    }
    LocalDate today = LocalDate.now(clock);
    int age = patient.birthDate() == null || patient.birthDate().isAfter(today) ? 0 : LegalAge.on(patient.birthDate(), today);
    String label = insurance.choicesFor(patientId, today).stream().map(CombinationChoices.Choice::label).findFirst().orElse("");
    return new Header(patient, age, label, facts.currentFacts(patientId, ChartRecordKind.ALLERGY),
        facts.currentFacts(patientId, ChartRecordKind.CONTRAINDICATION), facts.currentFacts(patientId, ChartRecordKind.INFECTION));
  }
}
