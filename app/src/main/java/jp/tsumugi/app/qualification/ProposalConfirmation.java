package jp.tsumugi.app.qualification;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.insurance.InsuranceCombination;
import jp.tsumugi.app.insurance.InsuranceForm;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.InsuranceRegistration;
import jp.tsumugi.app.patient.PatientForm;
import jp.tsumugi.app.patient.PatientHit;
import jp.tsumugi.app.patient.PatientRegistration;
import jp.tsumugi.app.patient.RegistrationOutcome;
import jp.tsumugi.app.reception.Reception;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * Staff confirm a registration proposal made from a result (docs/adr/0020): one step registers the
 * patient with the pre-filled fields, adds the insurance with its insurance-alone combination, optionally
 * checks the patient in with that combination and the default department, and marks the proposal done.
 * All in one transaction, all audited under the confirming user.
 */
public final class ProposalConfirmation {
  /** What confirming did. */
  public sealed interface Outcome {
  }

  /** Registered (and checked in when asked). */
  public record Confirmed(long proposalId, long patientId, long insuranceId, long combinationId, Optional<Visit> visit)
      implements Outcome {
  }

  /** Likely duplicates were found and {@code registerAnyway} was false: nothing written. */
  public record LikelyDuplicates(List<PatientHit> candidates) implements Outcome {
  }

  private final QualificationApplyStore store;
  private final PatientRegistration patients;
  private final InsuranceRegistration insurances;
  private final Reception reception;
  private final AuditLog audit;
  private final Transactions tx;

  public ProposalConfirmation(QualificationApplyStore store, PatientRegistration patients, InsuranceRegistration insurances,
      Reception reception, AuditLog audit, Transactions tx) {
    this.store = Objects.requireNonNull(store);
    this.patients = Objects.requireNonNull(patients);
    this.insurances = Objects.requireNonNull(insurances);
    this.reception = Objects.requireNonNull(reception);
    this.audit = Objects.requireNonNull(audit);
    this.tx = Objects.requireNonNull(tx);
  }

  /** The proposals staff still have to confirm, oldest first. */
  public List<RegistrationProposal> pending(Session session) {
    session.require(Permission.RECEPTION);
    List<RegistrationProposal> list = store.pendingProposals();
    audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.PATIENT_SEARCHED, "",
        "registrationProposals=" + list.size()));
    return list;
  }

  /**
   * Registers the proposal's person; with {@code checkIn} also checks them in today.
   *
   * @throws TsumugiException {@link ErrorCode#QUALIFICATION_PROPOSAL_NOT_FOUND} if not pending,
   *     {@link ErrorCode#QUALIFICATION_PROPOSAL_INCOMPLETE} if it lacks a field registration needs
   */
  public Outcome confirmProposal(Session session, long proposalId, boolean registerAnyway, boolean checkIn) {
    session.require(Permission.RECEPTION);
    return tx.inTransaction(() -> {
      RegistrationProposal p = store.findProposal(proposalId).filter(x -> x.state() == RegistrationProposal.State.PENDING)
          .orElseThrow(() -> new TsumugiException(ErrorCode.QUALIFICATION_PROPOSAL_NOT_FOUND, "proposal " + proposalId));
      if (p.givenName().isEmpty() || p.givenKana().isEmpty() || p.sexCode().isEmpty()) {
        throw new TsumugiException(ErrorCode.QUALIFICATION_PROPOSAL_INCOMPLETE, "proposal " + proposalId);
      }
      RegistrationOutcome outcome = patients.register(session, patientForm(p), registerAnyway);
      if (outcome instanceof RegistrationOutcome.LikelyDuplicates d) {
        return new LikelyDuplicates(d.candidates());
      }
      long patientId = ((RegistrationOutcome.Registered) outcome).record().id();
      InsuranceRecord insurance = insurances.addInsurance(session, patientId, insuranceForm(p));
      long combinationId = insurances.holdings(session, patientId).combinations().stream()
          .filter(c -> c.insuranceId() == insurance.id() && c.publicExpenseIds().isEmpty())
          .mapToLong(InsuranceCombination::id).findFirst()
          .orElseThrow(() -> new TsumugiException(ErrorCode.COMBINATION_NOT_FOUND, "insurance " + insurance.id()));
      if (!store.markProposalDone(proposalId, patientId)) {
        throw new TsumugiException(ErrorCode.QUALIFICATION_PROPOSAL_NOT_FOUND, "proposal " + proposalId);
      }
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.QUALIFICATION_PROPOSAL_CONFIRMED,
          Long.toString(patientId), "proposal=" + proposalId + " insurance=" + insurance.id() + " combination=" + combinationId));
      Optional<Visit> visit = Optional.empty();
      if (checkIn) {
        visit = Optional.of(reception.checkIn(session, new Reception.CheckIn(patientId, null, null, combinationId)));
      }
      return new Confirmed(proposalId, patientId, insurance.id(), combinationId, visit);
    });
  }

  static PatientForm patientForm(RegistrationProposal p) {
    return new PatientForm(p.familyName(), p.givenName(), p.familyKana(), p.givenKana(), "", p.sexCode(), p.birthDate().toString(),
        p.postalCode(), p.address(), "", "", "", "", "");
  }

  static InsuranceForm insuranceForm(RegistrationProposal p) {
    return new InsuranceForm(p.insurerNumber(), p.symbol(), p.number(), p.branch(),
        p.personalFamilyCode().isEmpty() ? "1" : p.personalFamilyCode(), "", date(p.validFrom()), date(p.validTo()),
        tenths(p.elderlyRecipientTenths()), tenths(p.lateElderlyTenths()), false, p.limitCategoryCode(), "", "");
  }

  private static String date(Optional<LocalDate> d) {
    return d.map(LocalDate::toString).orElse("");
  }

  private static String tenths(int t) {
    return t == 0 ? "" : Integer.toString(t);
  }
}
