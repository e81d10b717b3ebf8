package jp.tsumugi.app.reception;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.patient.PatientRepository;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.security.UserRepository;

/**
 * The day's reception queue (受付): check-in with a reception number, status changes as appended
 * rows, cancellation with a reason, the 資格未確認 flag. Every change is audited with the patient id
 * as target; a refused change saves nothing (docs/adr/0019).
 */
public final class Reception {
  /** Longest cancellation reason kept. */
  public static final int MAX_REASON_LENGTH = 200;
  /** How many patients a reception search offers. */
  public static final int SEARCH_LIMIT = 30;

  /** What staff choose at check-in; {@code combinationId} null means 自費, {@code doctor} null means not yet assigned. */
  public record CheckIn(long patientId, String department, String doctor, Long combinationId) {
  }

  /** A doctor to choose at check-in. */
  public record Doctor(String username, String displayName) {
  }

  private final VisitRepository visits;
  private final PatientRepository patients;
  private final PatientLookup lookup;
  private final UserRepository users;
  private final CombinationCheck combinations;
  private final CombinationChoices choices;
  private final Supplier<Departments> departments;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;

  public Reception(VisitRepository visits, PatientRepository patients, PatientLookup lookup, UserRepository users,
      CombinationCheck combinations, CombinationChoices choices, Departments departments, AuditLog audit, Transactions tx,
      Clock clock) {
    this(visits, patients, lookup, users, combinations, choices, () -> departments, audit, tx, clock);
  }

  /** With the departments read at every check-in (the clinic settings may change them while reception runs). */
  public Reception(VisitRepository visits, PatientRepository patients, PatientLookup lookup, UserRepository users,
      CombinationCheck combinations, CombinationChoices choices, Supplier<Departments> departments, AuditLog audit,
      Transactions tx, Clock clock) {
    this.visits = visits;
    this.patients = patients;
    this.lookup = lookup;
    this.users = users;
    this.combinations = combinations;
    this.choices = choices;
    this.departments = departments;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The clinic's departments now. */
  public Departments departments() {
    return departments.get();
  }

  /** Active users of role DOCTOR, by user name. */
  public List<Doctor> doctors(Session session) {
    session.require(Permission.RECEPTION);
    return users.findAll().stream()
        .filter(u -> u.active() && u.role() == Role.DOCTOR)
        .sorted(Comparator.comparing(User::username))
        .map(u -> new Doctor(u.username(), u.displayName()))
        .toList();
  }

  /** Checks a patient in today with the next reception number. */
  public Visit checkIn(Session session, CheckIn command) {
    session.require(Permission.RECEPTION);
    LocalDate date = today();
    Departments offered = departments();
    String department = command.department() == null || command.department().isBlank()
        ? offered.defaultName() : command.department().strip();
    if (!offered.contains(department)) {
      throw new TsumugiException(ErrorCode.RECEPTION_DEPARTMENT_UNKNOWN);
    }
    String doctor = command.doctor() == null || command.doctor().isBlank() ? null : command.doctor().strip();
    if (doctor != null && users.findByUsername(doctor).filter(u -> u.active() && u.role() == Role.DOCTOR).isEmpty()) {
      throw new TsumugiException(ErrorCode.RECEPTION_DOCTOR_INVALID);
    }
    return tx.inTransaction(() -> {
      if (patients.findById(command.patientId()).isEmpty()) {
        throw new TsumugiException(ErrorCode.RECEPTION_PATIENT_UNKNOWN, "patient " + command.patientId());
      }
      if (command.combinationId() != null
          && !combinations.validOn(command.patientId(), command.combinationId(), date)) {
        throw new TsumugiException(ErrorCode.RECEPTION_COMBINATION_INVALID, "combination " + command.combinationId());
      }
      refuseOpenVisit(command.patientId(), date);
      Instant now = clock.instant();
      Visit visit = visits.insert(new Visit(0, command.patientId(), date, 0, department, doctor, command.combinationId(), now));
      // Again after drawing the number: the day's counter lock now orders this check-in after any
      // other terminal's, so a simultaneous check-in of the same patient is seen and this one rolls back.
      refuseOpenVisit(command.patientId(), date);
      if (!visits.appendStatus(new StatusChange(0, visit.id(), 1, VisitStatus.CHECKED_IN, "", session.username(),
          session.terminal(), now))) {
        throw new TsumugiException(ErrorCode.VISIT_CHANGED_ELSEWHERE, "visit " + visit.id());
      }
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.RECEPTION_CHECKED_IN,
          Long.toString(visit.patientId()), "visit=" + visit.id() + " number=" + visit.receptionNumber()
              + (visit.selfPay() ? " selfPay" : " combination=" + visit.combinationId())));
      return visit;
    });
  }

  private void refuseOpenVisit(long patientId, LocalDate date) {
    boolean open = visits.queue(date).stream().anyMatch(e -> e.visit().patientId() == patientId && e.status().isOpen());
    if (open) {
      throw new TsumugiException(ErrorCode.RECEPTION_ALREADY_CHECKED_IN, "patient " + patientId);
    }
  }

  /** Moves a visit to {@code target}; 取消 goes through {@link #cancel}. */
  public QueueEntry changeStatus(Session session, long visitId, VisitStatus target) {
    if (target == VisitStatus.CANCELLED) {
      throw new TsumugiException(ErrorCode.VISIT_CANCEL_REASON_REQUIRED);
    }
    return move(session, visitId, target, "");
  }

  /** One step forward (受付済 → 診察中 → 会計待ち → 会計済). */
  public QueueEntry advance(Session session, long visitId) {
    session.require(Permission.RECEPTION);
    QueueEntry current = visits.find(visitId).orElseThrow(() -> new TsumugiException(ErrorCode.VISIT_NOT_FOUND));
    VisitStatus next = current.status().forward();
    if (next == null) {
      throw new TsumugiException(ErrorCode.VISIT_TRANSITION_INVALID, current.status() + " is final");
    }
    return move(session, visitId, next, "");
  }

  /** Cancels a visit that has not reached 会計待ち, with a reason. */
  public QueueEntry cancel(Session session, long visitId, String reason) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > MAX_REASON_LENGTH) {
      throw new TsumugiException(ErrorCode.VISIT_CANCEL_REASON_REQUIRED);
    }
    return move(session, visitId, VisitStatus.CANCELLED, why);
  }

  private QueueEntry move(Session session, long visitId, VisitStatus target, String reason) {
    session.require(Permission.RECEPTION);
    if (target.extraPermissionToEnter() != null) {
      session.require(target.extraPermissionToEnter());
    }
    return tx.inTransaction(() -> {
      QueueEntry current = visits.find(visitId).orElseThrow(() -> new TsumugiException(ErrorCode.VISIT_NOT_FOUND));
      if (!current.status().next().contains(target)) {
        throw new TsumugiException(ErrorCode.VISIT_TRANSITION_INVALID, current.status() + " -> " + target);
      }
      StatusChange change = new StatusChange(0, visitId, current.latest().sequence() + 1, target, reason, session.username(),
          session.terminal(), clock.instant());
      if (!visits.appendStatus(change)) {
        throw new TsumugiException(ErrorCode.VISIT_CHANGED_ELSEWHERE, "visit " + visitId);
      }
      // The reason is free text and may name the patient's circumstances: it stays in the visit's
      // history, the audit entry only says that there was one.
      audit.record(new AuditEvent(session.username(), session.terminal(),
          target == VisitStatus.CANCELLED ? AuditAction.RECEPTION_CANCELLED : AuditAction.RECEPTION_STATUS_CHANGED,
          Long.toString(current.visit().patientId()), "visit=" + visitId + " " + current.status() + "->" + target));
      return visits.find(visitId).orElseThrow();
    });
  }

  /**
   * Sets or clears 資格未確認 (the qualification terminal did not answer, or a re-check succeeded).
   * Setting the flag to the value it has changes nothing and is not recorded.
   */
  public QueueEntry markQualificationUnverified(Session session, long visitId, boolean unverified) {
    session.require(Permission.RECEPTION);
    return tx.inTransaction(() -> {
      QueueEntry current = visits.find(visitId).orElseThrow(() -> new TsumugiException(ErrorCode.VISIT_NOT_FOUND));
      if (current.qualificationUnverified() == unverified) {
        return current;
      }
      visits.appendFlag(visitId, unverified, session.username(), session.terminal(), clock.instant());
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.RECEPTION_QUALIFICATION_FLAG,
          Long.toString(current.visit().patientId()), "visit=" + visitId + " unverified=" + unverified));
      return visits.find(visitId).orElseThrow();
    });
  }

  /**
   * Sets or clears 資格未確認 for the オンライン資格確認 machinery, which has no logged-in user: a request timed
   * out, or its 有効 answer arrived (docs/adr/0023). Recorded and audited under {@code actor} (the system
   * actor {@code oqs}) and {@code terminal}; setting the value the flag already has records nothing.
   */
  public QueueEntry markQualificationUnverifiedBySystem(long visitId, boolean unverified, String actor, String terminal) {
    return tx.inTransaction(() -> {
      QueueEntry current = visits.find(visitId).orElseThrow(() -> new TsumugiException(ErrorCode.VISIT_NOT_FOUND));
      if (current.qualificationUnverified() == unverified) {
        return current;
      }
      visits.appendFlag(visitId, unverified, actor, terminal, clock.instant());
      audit.record(new AuditEvent(actor, terminal, AuditAction.RECEPTION_QUALIFICATION_FLAG,
          Long.toString(current.visit().patientId()), "visit=" + visitId + " unverified=" + unverified));
      return visits.find(visitId).orElseThrow();
    });
  }

  /** The visits flagged 資格未確認 on a date (for the one-click re-check). */
  public List<QueueEntry> unverifiedOn(Session session, LocalDate date) {
    session.require(Permission.RECEPTION);
    return visits.queue(date).stream().filter(QueueEntry::qualificationUnverified).toList();
  }

  /** The date's queue by reception number with the patients; one audit entry per load. */
  public List<QueueRow> todaysQueue(Session session, LocalDate date) {
    session.require(Permission.RECEPTION);
    session.require(Permission.READ_PATIENTS);
    List<QueueEntry> entries = visits.queue(date);
    Map<Long, PatientSummary> people = lookup.byIds(entries.stream().map(e -> e.visit().patientId()).distinct().toList());
    List<QueueRow> rows = new ArrayList<>(entries.size());
    for (QueueEntry e : entries) {
      PatientSummary p = people.get(e.visit().patientId());
      if (p != null) {
        rows.add(new QueueRow(e, p, insuranceLabel(e.visit())));
      }
    }
    audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.RECEPTION_QUEUE_READ, date.toString(),
        "visits=" + rows.size()));
    return rows;
  }

  private String insuranceLabel(Visit v) {
    if (v.selfPay()) {
      return "";
    }
    long id = v.combinationId();
    return choices.choicesFor(v.patientId(), v.visitDate()).stream().filter(c -> c.combinationId() == id)
        .map(CombinationChoices.Choice::label).findFirst().orElse("#" + id);
  }

  /** The insurance combinations the patient may use today, for the check-in chooser; audited as a patient read. */
  public List<CombinationChoices.Choice> checkInChoices(Session session, long patientId) {
    session.require(Permission.RECEPTION);
    session.require(Permission.READ_PATIENTS);
    List<CombinationChoices.Choice> found = choices.choicesFor(patientId, today());
    audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.PATIENT_READ, Long.toString(patientId),
        "reception check-in choices=" + found.size()));
    return found;
  }

  /** The status history of one visit, oldest first. */
  public List<StatusChange> history(Session session, long visitId) {
    session.require(Permission.RECEPTION);
    return visits.history(visitId);
  }

  /** Cheap: what the screens poll every few seconds; not audited (it reads no patient data). */
  public ChangeToken changeToken(LocalDate date) {
    return visits.changeToken(date);
  }

  /** Patients for check-in; audited as one search without the typed text (it may be a name). */
  public List<PatientSummary> searchPatients(Session session, String text) {
    session.require(Permission.READ_PATIENTS);
    String q = text == null ? "" : text.strip();
    if (q.isEmpty()) {
      return List.of();
    }
    List<PatientSummary> found = lookup.search(q, SEARCH_LIMIT);
    audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.RECEPTION_PATIENT_SEARCHED, "",
        "hits=" + found.size()));
    return found;
  }
}
