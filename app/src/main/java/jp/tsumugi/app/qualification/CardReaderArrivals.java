package jp.tsumugi.app.qualification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.insurance.InsuranceCombination;
import jp.tsumugi.app.insurance.InsuranceStore;
import jp.tsumugi.app.patient.PatientHit;
import jp.tsumugi.app.reception.CombinationCheck;
import jp.tsumugi.app.reception.CombinationChoices;
import jp.tsumugi.app.reception.PatientLookup;
import jp.tsumugi.app.reception.PatientSummary;
import jp.tsumugi.app.reception.QueueEntry;
import jp.tsumugi.app.reception.Reception;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.reception.VisitRepository;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * Card-reader arrivals at the 受付 counter (docs/adr/0021): what the card reader (or a request's answer)
 * brought that staff must act on today, one-step check-in of a matched patient or of a new person from
 * their registration proposal, setting an arrival aside with a reason, and the qualification warnings of
 * the day shown at the patient's queue row until staff mark them seen. Everything needs
 * {@link Permission#RECEPTION} and is audited under the staff member.
 */
public final class CardReaderArrivals {
  /** Longest reason kept for setting an arrival aside. */
  public static final int MAX_REASON_LENGTH = 200;

  /** The person of a registration proposal, as the result named them (not yet a patient). */
  public record NewPerson(long proposalId, String name, String kana, LocalDate birthDate, String sexCode) {
  }

  /**
   * One pending arrival for the list.
   *
   * @param patient the matched patient, if any
   * @param newPerson the proposal's person, if the result named nobody known
   * @param openVisitToday the patient already has an open visit today (confirming will not check in twice)
   */
  public record Line(long arrivalId, Instant at, InboxSource source, Optional<PatientSummary> patient, Optional<NewPerson> newPerson,
      Optional<ApplyWarning> warning, boolean openVisitToday) {
  }

  /** A warning of the day at a patient, not yet marked seen. */
  public record PatientWarning(long arrivalId, long patientId, String patientNumber, ApplyWarning warning, Instant at) {
  }

  /** What the 受付 screen shows of the arrivals: the pending list and the open warnings per patient. */
  public record Board(List<Line> pending, List<PatientWarning> warnings) {
  }

  /**
   * Confirming an arrival.
   *
   * @param combinationId the combination staff chose (null = 自費); ignored when {@code defaultCombination}
   * @param defaultCombination use the insurance-alone combination of the insurance the result applied
   * @param registerAnyway register a new person even though likely duplicates exist
   */
  public record Confirm(long arrivalId, String department, String doctor, Long combinationId, boolean defaultCombination,
      boolean registerAnyway) {
    /** Default department, no doctor yet, the result's own insurance. */
    public static Confirm withDefaults(long arrivalId) {
      return new Confirm(arrivalId, null, null, null, true, false);
    }

    public Confirm registeringAnyway() {
      return new Confirm(arrivalId, department, doctor, combinationId, defaultCombination, true);
    }
  }

  /** What confirming did. */
  public sealed interface Outcome {
  }

  /** Checked in (and registered first when {@code newPatient}). */
  public record CheckedIn(long arrivalId, long patientId, Visit visit, boolean newPatient) implements Outcome {
  }

  /** The patient already had an open visit today: not checked in twice; the arrival is closed with that visit. */
  public record AlreadyCheckedIn(long arrivalId, long patientId, int receptionNumber) implements Outcome {
  }

  /** The new person looks like existing patients: nothing written; confirm again with {@code registerAnyway}. */
  public record LikelyDuplicates(long arrivalId, List<PatientHit> candidates) implements Outcome {
  }

  private final QualificationArrivalStore arrivals;
  private final QualificationApplyStore proposals;
  private final ProposalConfirmation confirmation;
  private final Reception reception;
  private final VisitRepository visits;
  private final PatientLookup patients;
  private final InsuranceStore insurances;
  private final CombinationCheck combinationCheck;
  private final CombinationChoices combinationChoices;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;

  public CardReaderArrivals(QualificationArrivalStore arrivals, QualificationApplyStore proposals, ProposalConfirmation confirmation,
      Reception reception, VisitRepository visits, PatientLookup patients, InsuranceStore insurances, CombinationCheck combinationCheck,
      CombinationChoices combinationChoices, AuditLog audit, Transactions tx, Clock clock) {
    this.arrivals = Objects.requireNonNull(arrivals);
    this.proposals = Objects.requireNonNull(proposals);
    this.confirmation = Objects.requireNonNull(confirmation);
    this.reception = Objects.requireNonNull(reception);
    this.visits = Objects.requireNonNull(visits);
    this.patients = Objects.requireNonNull(patients);
    this.insurances = Objects.requireNonNull(insurances);
    this.combinationCheck = Objects.requireNonNull(combinationCheck);
    this.combinationChoices = Objects.requireNonNull(combinationChoices);
    this.audit = Objects.requireNonNull(audit);
    this.tx = Objects.requireNonNull(tx);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Cheap: what the screen polls; not audited (it reads no patient data). */
  public QualificationArrivalStore.Token changeToken(LocalDate date) {
    return arrivals.token(startOf(date), startOf(date.plusDays(1)));
  }

  /** The pending arrivals of a day, oldest first. */
  public List<Line> pending(Session session, LocalDate date) {
    return board(session, date).pending();
  }

  /** The pending arrivals and the open warnings of a day; one audit entry per load. */
  public Board board(Session session, LocalDate date) {
    session.require(Permission.RECEPTION);
    session.require(Permission.READ_PATIENTS);
    List<QualificationArrival> day = arrivals.createdBetween(startOf(date), startOf(date.plusDays(1)));
    Set<Long> ids = new LinkedHashSet<>();
    for (QualificationArrival a : day) {
      if (a.patientId() != 0) {
        ids.add(a.patientId());
      }
    }
    List<QualificationArrival> pending = day.stream().filter(a -> a.state() == QualificationArrival.State.PENDING).toList();
    List<NewPerson> people = new ArrayList<>();
    for (QualificationArrival a : pending) {
      if (a.patientId() == 0 && a.proposalId() != 0) {
        proposals.findProposal(a.proposalId()).ifPresent(p -> {
          if (p.patientId() != 0) {
            ids.add(p.patientId());
          }
          people.add(new NewPerson(p.id(), join(p.familyName(), p.givenName()), join(p.familyKana(), p.givenKana()), p.birthDate(),
              p.sexCode()));
        });
      }
    }
    Map<Long, PatientSummary> summaries = ids.isEmpty() ? Map.of() : patients.byIds(ids);
    Set<Long> openToday = openVisits(date);
    List<Line> lines = new ArrayList<>();
    for (QualificationArrival a : pending) {
      long patientId = patientOf(a);
      Optional<NewPerson> person = patientId != 0 ? Optional.empty()
          : people.stream().filter(p -> p.proposalId() == a.proposalId()).findFirst();
      lines.add(new Line(a.id(), Instant.ofEpochMilli(a.createdAtMillis()), a.source(), Optional.ofNullable(summaries.get(patientId)),
          person, a.warning(), patientId != 0 && openToday.contains(patientId)));
    }
    List<PatientWarning> warnings = new ArrayList<>();
    for (QualificationArrival a : day) {
      PatientSummary p = summaries.get(a.patientId());
      if (a.hasOpenWarning() && p != null) {
        warnings.add(new PatientWarning(a.id(), a.patientId(), p.patientNumber(), a.warning().get(),
            Instant.ofEpochMilli(a.createdAtMillis())));
      }
    }
    audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.QUALIFICATION_ARRIVALS_READ, date.toString(),
        "pending=" + lines.size() + " warnings=" + warnings.size()));
    return new Board(lines, warnings);
  }

  /**
   * Checks the arrival's person in today, in one transaction: a new person is registered from the
   * proposal first (likely duplicates come back unless {@code registerAnyway}); a patient who already has
   * an open visit today is not checked in twice. A visit checked in (or already open) on a result that is
   * not 有効 is flagged 資格未確認, as the warning text tells staff.
   *
   * @throws TsumugiException {@link ErrorCode#QUALIFICATION_ARRIVAL_NOT_PENDING} if it was handled already,
   *     {@link ErrorCode#QUALIFICATION_ARRIVAL_NO_PATIENT} if it names nobody to check in
   */
  public Outcome confirm(Session session, Confirm command) {
    session.require(Permission.RECEPTION);
    return tx.inTransaction(() -> {
      QualificationArrival a = pendingArrival(command.arrivalId());
      long patientId = patientOf(a);
      boolean newPatient = false;
      Long combination = command.combinationId();
      boolean useDefault = command.defaultCombination();
      if (patientId == 0 && a.proposalId() != 0) {
        ProposalConfirmation.Outcome registered = confirmation.confirmProposal(session, a.proposalId(), command.registerAnyway(), false);
        if (registered instanceof ProposalConfirmation.LikelyDuplicates d) {
          return new LikelyDuplicates(a.id(), d.candidates());
        }
        ProposalConfirmation.Confirmed done = (ProposalConfirmation.Confirmed) registered;
        patientId = done.patientId();
        newPatient = true;
        if (useDefault) {
          combination = done.combinationId();
          useDefault = false;
        }
      }
      if (patientId == 0) {
        throw new TsumugiException(ErrorCode.QUALIFICATION_ARRIVAL_NO_PATIENT, "arrival " + a.id());
      }
      long pid = patientId;
      Optional<QueueEntry> open = visits.queue(reception.today()).stream()
          .filter(e -> e.visit().patientId() == pid && e.status().isOpen()).findFirst();
      if (open.isPresent()) {
        if (a.warning().filter(CardReaderArrivals::leavesQualificationUnverified).isPresent()) {
          reception.markQualificationUnverified(session, open.get().visit().id(), true);
        }
        resolve(session, a, QualificationArrival.State.CHECKED_IN, open.get().visit().id(), "");
        audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.QUALIFICATION_ARRIVAL_CONFIRMED,
            Long.toString(pid), "arrival=" + a.id() + " alreadyCheckedIn visit=" + open.get().visit().id()));
        return new AlreadyCheckedIn(a.id(), pid, open.get().visit().receptionNumber());
      }
      if (useDefault) {
        combination = defaultCombination(a, pid);
      }
      Visit visit = reception.checkIn(session, new Reception.CheckIn(pid, command.department(), command.doctor(), combination));
      if (a.warning().filter(CardReaderArrivals::leavesQualificationUnverified).isPresent()) {
        reception.markQualificationUnverified(session, visit.id(), true);
      }
      resolve(session, a, QualificationArrival.State.CHECKED_IN, visit.id(), "");
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.QUALIFICATION_ARRIVAL_CONFIRMED,
          Long.toString(pid), "arrival=" + a.id() + " visit=" + visit.id() + (newPatient ? " newPatient" : "")));
      return new CheckedIn(a.id(), pid, visit, newPatient);
    });
  }

  /** Sets a pending arrival aside with a reason (kept with the arrival, not in the audit detail). */
  public void dismiss(Session session, long arrivalId, String reason) {
    session.require(Permission.RECEPTION);
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > MAX_REASON_LENGTH) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_ARRIVAL_REASON_REQUIRED);
    }
    tx.inTransaction(() -> {
      QualificationArrival a = pendingArrival(arrivalId);
      resolve(session, a, QualificationArrival.State.DISMISSED, 0, why);
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.QUALIFICATION_ARRIVAL_DISMISSED,
          a.patientId() == 0 ? "" : Long.toString(a.patientId()), "arrival=" + a.id()));
      return a;
    });
  }

  /** Marks the patient's open warnings of the day seen; returns how many there were. */
  public int markWarningsSeen(Session session, long patientId, LocalDate date) {
    session.require(Permission.RECEPTION);
    return tx.inTransaction(() -> {
      int seen = 0;
      for (QualificationArrival a : arrivals.createdBetween(startOf(date), startOf(date.plusDays(1)))) {
        if (a.patientId() == patientId && a.hasOpenWarning() && arrivals.markWarningSeen(a.id(), session.username(), clock.millis())) {
          seen++;
          audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.QUALIFICATION_WARNING_SEEN,
              Long.toString(patientId), "arrival=" + a.id() + " warning=" + a.warning().get().name()));
        }
      }
      return seen;
    });
  }

  /** Validity warnings: the person may be checked in, but the visit stays 資格未確認 until a check succeeds. */
  static boolean leavesQualificationUnverified(ApplyWarning w) {
    switch (w) {
      case QUALIFICATION_INVALID:
      case NEWER_QUALIFICATION_EXISTS:
      case QUALIFICATION_NOT_FOUND:
      case MULTIPLE_QUALIFICATIONS:
      case CHECK_FAILED:
        return true;
      default:
        return false;
    }
  }

  private QualificationArrival pendingArrival(long id) {
    return arrivals.find(id).filter(x -> x.state() == QualificationArrival.State.PENDING)
        .orElseThrow(() -> new TsumugiException(ErrorCode.QUALIFICATION_ARRIVAL_NOT_PENDING, "arrival " + id));
  }

  private void resolve(Session session, QualificationArrival a, QualificationArrival.State state, long visitId, String reason) {
    if (!arrivals.resolve(a.id(), state, session.username(), clock.millis(), visitId, reason)) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_ARRIVAL_NOT_PENDING, "arrival " + a.id());
    }
  }

  /** The arrival's patient: matched, or registered since from its proposal (the same card read twice shares one). */
  private long patientOf(QualificationArrival a) {
    if (a.patientId() != 0) {
      return a.patientId();
    }
    if (a.proposalId() == 0) {
      return 0;
    }
    return proposals.findProposal(a.proposalId()).filter(p -> p.state() == RegistrationProposal.State.DONE)
        .map(RegistrationProposal::patientId).orElse(0L);
  }

  /** The insurance-alone combination of the result's insurance if valid today, else the first valid one, else 自費 (null). */
  private Long defaultCombination(QualificationArrival a, long patientId) {
    LocalDate today = reception.today();
    if (a.insuranceId() != 0) {
      for (InsuranceCombination c : insurances.combinationsOfPatient(patientId)) {
        if (c.insuranceId() == a.insuranceId() && c.publicExpenseIds().isEmpty() && combinationCheck.validOn(patientId, c.id(), today)) {
          return c.id();
        }
      }
    }
    List<CombinationChoices.Choice> choices = combinationChoices.choicesFor(patientId, today);
    return choices.isEmpty() ? null : choices.get(0).combinationId();
  }

  private Set<Long> openVisits(LocalDate date) {
    Set<Long> out = new LinkedHashSet<>();
    for (QueueEntry e : visits.queue(date)) {
      if (e.status().isOpen()) {
        out.add(e.visit().patientId());
      }
    }
    return out;
  }

  private long startOf(LocalDate date) {
    ZoneId zone = clock.getZone();
    return date.atStartOfDay(zone).toInstant().toEpochMilli();
  }

  private static String join(String family, String given) {
    return given.isEmpty() ? family : family + " " + given;
  }
}
