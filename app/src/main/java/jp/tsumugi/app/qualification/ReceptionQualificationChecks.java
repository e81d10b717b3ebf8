package jp.tsumugi.app.qualification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.clinic.Clinic;
import jp.tsumugi.app.clinic.ClinicRepository;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.insurance.Insurance;
import jp.tsumugi.app.insurance.InsuranceCombination;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.InsuranceStore;
import jp.tsumugi.app.patient.PatientRecord;
import jp.tsumugi.app.patient.PatientStore;
import jp.tsumugi.app.reception.QueueEntry;
import jp.tsumugi.app.reception.Reception;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.reception.VisitStatus;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * 資格確認 requests made from reception (docs/adr/0023): after a check-in with an insurance combination, a
 * request by 被保険者証情報 for that combination's insurance (reference {@code visit=ID}); and the one-click
 * re-check that sends a new request for every visit of today flagged 資格未確認. Outcomes come back through
 * {@link ReceptionQualificationFlags}.
 */
public final class ReceptionQualificationChecks {
  /** The request reference of a visit's request: {@code visit=} and the visit id. */
  public static final String VISIT_REFERENCE = "visit=";
  private static final Logger LOG = Logger.getLogger(ReceptionQualificationChecks.class.getName());

  private final Reception reception;
  private final ClinicRepository clinics;
  private final InsuranceStore insurances;
  private final PatientStore patients;
  private final QualificationRequestSender sender;
  private final QualificationRequestLog log;
  private final AuditLog audit;
  private final Clock clock;
  private final boolean limitCertificateConsent;

  /**
   * @param limitCertificateConsent what the requests say about consent to 限度額適用認定証 information (the
   *     clinic's default; the terminal asks the patient on a card read)
   */
  public ReceptionQualificationChecks(Reception reception, ClinicRepository clinics, InsuranceStore insurances, PatientStore patients,
      QualificationRequestSender sender, QualificationRequestLog log, AuditLog audit, Clock clock, boolean limitCertificateConsent) {
    this.reception = Objects.requireNonNull(reception);
    this.clinics = Objects.requireNonNull(clinics);
    this.insurances = Objects.requireNonNull(insurances);
    this.patients = Objects.requireNonNull(patients);
    this.sender = Objects.requireNonNull(sender);
    this.log = Objects.requireNonNull(log);
    this.audit = Objects.requireNonNull(audit);
    this.clock = Objects.requireNonNull(clock);
    this.limitCertificateConsent = limitCertificateConsent;
  }

  /**
   * Sends the request for a visit just checked in (call it after the check-in committed, off the UI
   * thread). A self-pay visit sends nothing. Never throws: reception must not depend on the terminal; a
   * request that cannot be made is logged with codes only and the visit stays as it is.
   */
  public Optional<PendingRequest> requestAfterCheckIn(Visit visit) {
    if (visit.selfPay()) {
      return Optional.empty();
    }
    try {
      return Optional.of(sender.submit(requestFor(visit), VISIT_REFERENCE + visit.id()));
    } catch (TsumugiException e) {
      LOG.log(Level.WARNING, "qualification request not sent (visit {0}): {1}", new Object[] {visit.id(), e.errorCode().code()});
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "qualification request not sent (visit {0}): {1}", new Object[] {visit.id(), e.getClass().getSimpleName()});
    }
    return Optional.empty();
  }

  /**
   * 資格再確認: a new request for every visit of today flagged 資格未確認 (with the insurance it has now). The
   * visit's earlier timed-out requests are marked RETRIED so that a later {@code retryTimedOut()} does not
   * send them again; their results, should they still come, are applied. Audited per visit under the staff
   * member. Returns the requests sent, one per flagged visit that has an insurance (one the folder refused to take
   * comes back TIMED_OUT at once).
   */
  public List<PendingRequest> recheckToday(Session session) {
    session.require(Permission.RECEPTION);
    List<QueueEntry> flagged = reception.unverifiedOn(session, reception.today());
    List<PendingRequest> timedOut = log.timedOut();
    List<PendingRequest> sent = new ArrayList<>();
    for (QueueEntry entry : flagged) {
      Visit visit = entry.visit();
      if (visit.selfPay() || entry.status() == VisitStatus.CANCELLED) {
        continue;
      }
      String reference = VISIT_REFERENCE + visit.id();
      QualificationRequest request;
      try {
        request = requestFor(visit);
      } catch (TsumugiException e) {
        LOG.log(Level.WARNING, "qualification re-check skipped (visit {0}): {1}", new Object[] {visit.id(), e.errorCode().code()});
        continue;
      }
      PendingRequest again;
      try {
        again = sender.submit(request, reference);
      } catch (TsumugiException e) {
        LOG.log(Level.WARNING, "qualification re-check not sent (visit {0}): {1}", new Object[] {visit.id(), e.errorCode().code()});
        continue;
      }
      for (PendingRequest old : timedOut) {
        if (old.reference().equals(reference)) {
          log.markRetried(old.id());
        }
      }
      sent.add(again);
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.QUALIFICATION_RECHECK_REQUESTED,
          Long.toString(visit.patientId()), "visit=" + visit.id() + " request=" + again.id() + " state=" + again.state()));
    }
    return sent;
  }

  /** The request for a visit's insurance, dated today; {@code TSU-7351} if the visit has none. */
  QualificationRequest requestFor(Visit visit) {
    if (visit.selfPay()) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_REQUEST_NO_INSURANCE, "visit " + visit.id() + " self-pay");
    }
    Clinic clinic = clinics.find().orElseThrow(() -> new TsumugiException(ErrorCode.QUALIFICATION_CLINIC_MISSING));
    InsuranceCombination combination = insurances.findCombination(visit.combinationId())
        .orElseThrow(() -> new TsumugiException(ErrorCode.QUALIFICATION_REQUEST_NO_INSURANCE, "combination " + visit.combinationId()));
    Insurance insurance = insurances.findInsurance(combination.insuranceId()).map(InsuranceRecord::insurance)
        .orElseThrow(() -> new TsumugiException(ErrorCode.QUALIFICATION_REQUEST_NO_INSURANCE, "insurance " + combination.insuranceId()));
    LocalDate birthDate = patients.findRecord(visit.patientId()).map(PatientRecord::patient).map(p -> p.birthDate())
        .orElseThrow(() -> new TsumugiException(ErrorCode.RECEPTION_PATIENT_UNKNOWN, "patient " + visit.patientId()));
    return QualificationRequest.forClinic(clinic, LocalDate.now(clock), insurance.insurerNumber(), insurance.symbol(), insurance.number(),
        insurance.branch(), birthDate, limitCertificateConsent);
  }
}
