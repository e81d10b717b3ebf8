package jp.tsumugi.app.insurance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * Insurance (保険), public expense (公費) and insurance combinations (保険組合せ) of a patient. Reading needs
 * {@link Permission#READ_PATIENTS}, changing {@link Permission#RECEPTION}; everything is audited with
 * the patient id as target. Changes are new revisions (the old state is kept) and need a reason.
 * Bad input fails with {@link InvalidFieldException} naming the field, and nothing is saved.
 */
public final class InsuranceRegistration {
  /** The birth date of a patient, or empty if there is no such patient (a port onto the patient store). */
  @FunctionalInterface
  public interface BirthDates {
    Optional<LocalDate> birthDateOf(long patientId);
  }

  private final InsuranceStore store;
  private final BirthDates patients;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;

  public InsuranceRegistration(InsuranceStore store, BirthDates patients, AuditLog audit, Transactions tx, Clock clock) {
    this.store = store;
    this.patients = patients;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** Adds an insurance to the patient as revision 1, with its 保険単独 combination (the insurance alone). */
  public InsuranceRecord addInsurance(Session session, long patientId, InsuranceForm form) {
    session.require(Permission.RECEPTION);
    requirePatient(patientId);
    InsuranceRecord record = InsuranceValidation.insurance(form, 0, patientId, 1, today());
    return tx.inTransaction(() -> {
      InsuranceRecord stored = store.insertInsurance(record, change(session, "created"));
      InsuranceCombination alone = store.insertCombination(new InsuranceCombination(0, patientId, stored.id(), List.of()),
          change(session, "created"));
      record(session, AuditAction.INSURANCE_CREATED, patientId, "insurance=" + stored.id() + " revision=1 combination=" + alone.id());
      return stored;
    });
  }

  /** Changes an insurance: a new revision on top of {@code expectedRevision}, with a reason. */
  public InsuranceRecord changeInsurance(Session session, long insuranceId, int expectedRevision, InsuranceForm form,
      String reason) {
    session.require(Permission.RECEPTION);
    String why = reason(reason);
    return tx.inTransaction(() -> {
      InsuranceRecord current = store.findInsurance(insuranceId)
          .orElseThrow(() -> new TsumugiException(ErrorCode.INSURANCE_NOT_FOUND));
      checkRevision(current.revision(), expectedRevision);
      long patientId = current.insurance().patientId();
      InsuranceRecord next = InsuranceValidation.insurance(form, insuranceId, patientId, current.revision() + 1, today());
      InsuranceRecord stored = store.appendInsuranceRevision(next, change(session, why));
      record(session, AuditAction.INSURANCE_CHANGED, patientId, "insurance=" + insuranceId + " revision=" + stored.revision());
      return stored;
    });
  }

  /** Adds a 公費 to the patient (at most four current ones: not ended before today). */
  public PublicExpense addPublicExpense(Session session, long patientId, PublicExpenseForm form) {
    session.require(Permission.RECEPTION);
    requirePatient(patientId);
    PublicExpense pe = InsuranceValidation.publicExpense(form, 0, patientId, 1);
    return tx.inTransaction(() -> {
      checkAtMostFour(patientId, pe);
      PublicExpense stored = store.insertPublicExpense(pe, change(session, "created"));
      record(session, AuditAction.PUBLIC_EXPENSE_CREATED, patientId, "publicExpense=" + stored.id() + " revision=1");
      return stored;
    });
  }

  /** Changes a 公費: a new revision on top of {@code expectedRevision}, with a reason. */
  public PublicExpense changePublicExpense(Session session, long publicExpenseId, int expectedRevision, PublicExpenseForm form,
      String reason) {
    session.require(Permission.RECEPTION);
    String why = reason(reason);
    return tx.inTransaction(() -> {
      PublicExpense current = store.findPublicExpense(publicExpenseId)
          .orElseThrow(() -> new TsumugiException(ErrorCode.PUBLIC_EXPENSE_NOT_FOUND));
      checkRevision(current.revision(), expectedRevision);
      PublicExpense next = InsuranceValidation.publicExpense(form, publicExpenseId, current.patientId(), current.revision() + 1);
      checkAtMostFour(current.patientId(), next);
      PublicExpense stored = store.appendPublicExpenseRevision(next, change(session, why));
      record(session, AuditAction.PUBLIC_EXPENSE_CHANGED, current.patientId(),
          "publicExpense=" + publicExpenseId + " revision=" + stored.revision());
      return stored;
    });
  }

  /**
   * Creates a combination of one insurance and up to four 公費 of the patient, which must all be valid
   * together on at least one day. The 公費 are kept in the order they apply (§4.4). An identical
   * combination that exists already is returned instead of a second one.
   */
  public InsuranceCombination addCombination(Session session, long patientId, long insuranceId, List<Long> publicExpenseIds) {
    session.require(Permission.RECEPTION);
    return tx.inTransaction(() -> {
      InsuranceRecord insurance = store.findInsurance(insuranceId)
          .filter(i -> i.insurance().patientId() == patientId)
          .orElseThrow(() -> new InvalidFieldException(ErrorCode.COMBINATION_INVALID, "insurance"));
      List<Long> ids = publicExpenseIds == null ? List.of() : publicExpenseIds;
      if (ids.size() > InsuranceCombination.MAX_PUBLIC_EXPENSES || new HashSet<>(ids).size() != ids.size()) {
        throw new InvalidFieldException(ErrorCode.COMBINATION_INVALID, "publicExpenses");
      }
      List<PublicExpense> members = new ArrayList<>();
      for (long id : ids) {
        members.add(store.findPublicExpense(id).filter(p -> p.patientId() == patientId)
            .orElseThrow(() -> new InvalidFieldException(ErrorCode.COMBINATION_INVALID, "publicExpenses")));
      }
      members.sort(APPLY_ORDER);
      LocalDate from = insurance.insurance().validFrom();
      LocalDate to = insurance.insurance().validTo();
      for (PublicExpense p : members) {
        from = later(from, p.validFrom());
        to = earlier(to, p.validTo());
      }
      if (from != null && to != null && to.isBefore(from)) {
        throw new InvalidFieldException(ErrorCode.COMBINATION_NOT_VALID_ON_DATE, "publicExpenses");
      }
      List<Long> ordered = members.stream().map(PublicExpense::id).toList();
      Optional<InsuranceCombination> existing = store.combinationsOfPatient(patientId).stream()
          .filter(c -> c.insuranceId() == insuranceId && c.publicExpenseIds().equals(ordered)).findFirst();
      if (existing.isPresent()) {
        return existing.get();
      }
      InsuranceCombination stored = store.insertCombination(new InsuranceCombination(0, patientId, insuranceId, ordered),
          change(session, "created"));
      record(session, AuditAction.INSURANCE_COMBINATION_CREATED, patientId, "combination=" + stored.id());
      return stored;
    });
  }

  /** The patient's combinations whose every member is valid on the date (audited read). */
  public List<ValidCombination> combinationsValidOn(Session session, long patientId, LocalDate date) {
    session.require(Permission.READ_PATIENTS);
    List<ValidCombination> out = new ArrayList<>();
    for (InsuranceCombination c : store.combinationsOfPatient(patientId)) {
      try {
        out.add(resolve(c, date));
      } catch (InvalidFieldException notValid) {
        // Not valid on this date: simply not offered.
        continue;
      }
    }
    record(session, AuditAction.INSURANCE_READ, patientId, "combinationsValidOn=" + out.size());
    return out;
  }

  /**
   * The combination with its members, if every member is valid on the date; otherwise
   * {@link ErrorCode#COMBINATION_NOT_VALID_ON_DATE} naming the member ({@code insurance} or
   * {@code publicExpenses[i]}). For reception to call when a visit is checked in with a combination.
   */
  public ValidCombination requireValidOn(Session session, long combinationId, LocalDate date) {
    session.require(Permission.READ_PATIENTS);
    InsuranceCombination c = store.findCombination(combinationId)
        .orElseThrow(() -> new TsumugiException(ErrorCode.COMBINATION_NOT_FOUND));
    ValidCombination valid = resolve(c, date);
    record(session, AuditAction.INSURANCE_READ, c.patientId(), "combination=" + combinationId);
    return valid;
  }

  /**
   * The patient's combinations valid on the date, for a use case that has already checked its caller's
   * permission and audits its own action (reception check-in lists and checks them). Not audited here.
   */
  public List<ValidCombination> validCombinationsForCheckIn(long patientId, LocalDate date) {
    List<ValidCombination> out = new ArrayList<>();
    for (InsuranceCombination c : store.combinationsOfPatient(patientId)) {
      try {
        out.add(resolve(c, date));
      } catch (InvalidFieldException notValid) {
        continue;
      }
    }
    return out;
  }

  /** The patient's insurance and 公費 (current states) and combinations (audited read). */
  public Holdings holdings(Session session, long patientId) {
    session.require(Permission.READ_PATIENTS);
    Holdings h = new Holdings(store.insurancesOfPatient(patientId), store.publicExpensesOfPatient(patientId),
        store.combinationsOfPatient(patientId));
    record(session, AuditAction.INSURANCE_READ, patientId, "insurances=" + h.insurances().size());
    return h;
  }

  /** Every revision of an insurance, oldest first (audited read). */
  public List<InsuranceStore.Revision<InsuranceRecord>> insuranceHistory(Session session, long insuranceId) {
    session.require(Permission.READ_PATIENTS);
    List<InsuranceStore.Revision<InsuranceRecord>> history = store.insuranceHistory(insuranceId);
    if (history.isEmpty()) {
      throw new TsumugiException(ErrorCode.INSURANCE_NOT_FOUND);
    }
    record(session, AuditAction.INSURANCE_READ, history.get(0).state().insurance().patientId(), "insuranceHistory=" + insuranceId);
    return history;
  }

  /** Every revision of a 公費, oldest first (audited read). */
  public List<InsuranceStore.Revision<PublicExpense>> publicExpenseHistory(Session session, long publicExpenseId) {
    session.require(Permission.READ_PATIENTS);
    List<InsuranceStore.Revision<PublicExpense>> history = store.publicExpenseHistory(publicExpenseId);
    if (history.isEmpty()) {
      throw new TsumugiException(ErrorCode.PUBLIC_EXPENSE_NOT_FOUND);
    }
    record(session, AuditAction.INSURANCE_READ, history.get(0).state().patientId(), "publicExpenseHistory=" + publicExpenseId);
    return history;
  }

  /** The co-payment on a visit date for an insurance: derived from age and certificates, or staff's override. */
  public CopaymentDecision copayment(Session session, long insuranceId, LocalDate visitDate) {
    session.require(Permission.READ_PATIENTS);
    InsuranceRecord insurance = store.findInsurance(insuranceId)
        .orElseThrow(() -> new TsumugiException(ErrorCode.INSURANCE_NOT_FOUND));
    LocalDate birth = patients.birthDateOf(insurance.insurance().patientId())
        .orElseThrow(() -> new TsumugiException(ErrorCode.PATIENT_NOT_FOUND));
    return insurance.copayment(birth, visitDate);
  }

  /** A patient's insurance, 公費 and combinations. */
  public record Holdings(List<InsuranceRecord> insurances, List<PublicExpense> publicExpenses,
      List<InsuranceCombination> combinations) {
  }

  private static final Comparator<PublicExpense> APPLY_ORDER =
      Comparator.comparingInt((PublicExpense p) -> PublicExpenseRules.priority(p.lawNumber())).thenComparingLong(PublicExpense::id);

  private ValidCombination resolve(InsuranceCombination c, LocalDate date) {
    InsuranceRecord insurance = store.findInsurance(c.insuranceId())
        .orElseThrow(() -> new TsumugiException(ErrorCode.INSURANCE_NOT_FOUND));
    if (!insurance.validOn(date)) {
      throw new InvalidFieldException(ErrorCode.COMBINATION_NOT_VALID_ON_DATE, "insurance");
    }
    List<PublicExpense> members = new ArrayList<>();
    LongFunction<PublicExpense> find = id -> store.findPublicExpense(id)
        .orElseThrow(() -> new TsumugiException(ErrorCode.PUBLIC_EXPENSE_NOT_FOUND));
    for (int i = 0; i < c.publicExpenseIds().size(); i++) {
      PublicExpense p = find.apply(c.publicExpenseIds().get(i));
      if (!p.validOn(date)) {
        throw new InvalidFieldException(ErrorCode.COMBINATION_NOT_VALID_ON_DATE, "publicExpenses[" + i + "]");
      }
      members.add(p);
    }
    return new ValidCombination(c, insurance, members);
  }

  private void checkAtMostFour(long patientId, PublicExpense candidate) {
    LocalDate today = today();
    if (candidate.validTo() != null && candidate.validTo().isBefore(today)) {
      return;
    }
    long current = store.publicExpensesOfPatient(patientId).stream()
        .filter(p -> p.id() != candidate.id())
        .filter(p -> p.validTo() == null || !p.validTo().isBefore(today))
        .count();
    if (current >= InsuranceCombination.MAX_PUBLIC_EXPENSES) {
      throw new InvalidFieldException(ErrorCode.PUBLIC_EXPENSE_TOO_MANY, "payerNumber");
    }
  }

  private void requirePatient(long patientId) {
    if (patients.birthDateOf(patientId).isEmpty()) {
      throw new TsumugiException(ErrorCode.PATIENT_NOT_FOUND);
    }
  }

  private static void checkRevision(int current, int expected) {
    if (current != expected) {
      throw new TsumugiException(ErrorCode.REVISION_CONFLICT, "revision " + current);
    }
  }

  private static String reason(String reason) {
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty() || r.length() > 200) {
      throw new InvalidFieldException(ErrorCode.CHANGE_REASON_REQUIRED, "reason");
    }
    return r;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private InsuranceStore.Change change(Session session, String reason) {
    return new InsuranceStore.Change(session.username(), clock.millis(), reason);
  }

  private void record(Session session, AuditAction action, long patientId, String detail) {
    audit.record(new AuditEvent(session.username(), session.terminal(), action, Long.toString(patientId), detail));
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
