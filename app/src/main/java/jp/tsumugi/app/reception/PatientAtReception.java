package jp.tsumugi.app.reception;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.insurance.InsuranceCombination;
import jp.tsumugi.app.insurance.InsuranceForm;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.InsuranceRegistration;
import jp.tsumugi.app.insurance.InsuranceValidation;
import jp.tsumugi.app.insurance.PublicExpense;
import jp.tsumugi.app.insurance.PublicExpenseForm;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.PatientRecord;
import jp.tsumugi.app.patient.PatientRegistration;
import jp.tsumugi.app.patient.PatientRevision;
import jp.tsumugi.app.patient.PatientValidation;
import jp.tsumugi.app.patient.RegistrationOutcome;
import jp.tsumugi.app.security.Session;

/**
 * The full registration panel at the 受付 counter: a new patient with the main insurance and up to four
 * 公費, or changes to an existing patient, all or nothing. Every form is validated before anything is
 * written; an error names its field through {@link InvalidFieldException#field()} (insurance fields prefixed
 * {@code insurance.}, 公費 lines {@code publicExpense1.} … {@code publicExpense4.}). The 公費 become the
 * patient's 公費 and, with the insurance, the combinations offered at check-in: insurance + each 公費, and
 * insurance + all of them when there are several that overlap (the 保険単独 combination comes with the
 * insurance). A change writes new revisions, with a reason, only of what changed (docs/adr/0022).
 */
public final class PatientAtReception {
  /** Prefix of the field names of insurance errors, so the screen can tell them from patient fields. */
  public static final String INSURANCE_FIELD_PREFIX = "insurance.";
  /** Prefix of the field names of 公費 errors: {@code publicExpense1.} is the first line. */
  public static final String PUBLIC_EXPENSE_FIELD_PREFIX = "publicExpense";
  static final int REASON_MAX = 200;

  private final PatientRegistration patients;
  private final InsuranceRegistration insurances;
  private final Transactions tx;
  private final Clock clock;

  public PatientAtReception(PatientRegistration patients, InsuranceRegistration insurances, Transactions tx, Clock clock) {
    this.patients = patients;
    this.insurances = insurances;
    this.tx = tx;
    this.clock = clock;
  }

  /** What was registered, or the likely duplicates (then nothing was saved). */
  public record Result(RegistrationOutcome outcome, Optional<PatientSummary> registered) {
  }

  /** What a change did: the patient as now, the patient revision, and whether anything was written. */
  public record Changed(PatientSummary patient, int revision, boolean written) {
  }

  /** The field name of a 公費 line's field: line 0 is {@code publicExpense1.<field>}. */
  public static String publicExpenseField(int line, String field) {
    return PUBLIC_EXPENSE_FIELD_PREFIX + (line + 1) + "." + field;
  }

  /**
   * Registers the patient, the insurance (unless null), the 公費 and their combinations. Likely duplicates
   * stop it unless {@code registerAnyway}; validation errors are thrown before anything is saved.
   */
  public Result register(Session session, PatientEntry entry, boolean registerAnyway) {
    LocalDate today = LocalDate.now(clock);
    PatientValidation.validate(entry.patient(), 0, "-", 1, today);
    InsuranceRecord insurance = entry.insurance() == null ? null : validInsurance(entry.insurance(), 0, 0, 1, today);
    checkLineCount(entry);
    List<PublicExpenseForm> lines = new ArrayList<>();
    for (int i = 0; i < entry.publicExpenses().size(); i++) {
      PublicExpenseForm form = entry.publicExpenses().get(i);
      if (!PatientEntry.blank(form)) {
        validPublicExpense(form, i, null, 0, insurance, today);
        lines.add(form);
      }
    }
    return tx.inTransaction(() -> {
      RegistrationOutcome outcome = patients.register(session, entry.patient(), registerAnyway);
      if (!(outcome instanceof RegistrationOutcome.Registered registered)) {
        return new Result(outcome, Optional.empty());
      }
      PatientRecord record = registered.record();
      List<PublicExpense> stored = new ArrayList<>();
      for (PublicExpenseForm form : lines) {
        stored.add(insurances.addPublicExpense(session, record.id(), form));
      }
      if (entry.insurance() != null) {
        InsuranceRecord added = insurances.addInsurance(session, record.id(), entry.insurance());
        combine(session, record.id(), added, stored, today);
      }
      return new Result(outcome, Optional.of(summary(record)));
    });
  }

  /**
   * The patient for the edit panel (audited reads: the record, its history and the insurance holdings).
   */
  public PatientFile open(Session session, long patientId) {
    LocalDate today = LocalDate.now(clock);
    PatientRecord record = patients.show(session, patientId);
    List<PatientRevision> history = patients.history(session, patientId);
    InsuranceRegistration.Holdings holdings = insurances.holdings(session, patientId);
    Optional<InsuranceRecord> main = holdings.insurances().stream().filter(i -> i.validOn(today))
        .max(Comparator.comparingLong(InsuranceRecord::id))
        .or(() -> holdings.insurances().stream().max(Comparator.comparingLong(InsuranceRecord::id)));
    List<PublicExpense> current = holdings.publicExpenses().stream()
        .filter(p -> p.validTo() == null || !p.validTo().isBefore(today))
        .sorted(Comparator.comparingLong(PublicExpense::id))
        .limit(InsuranceCombination.MAX_PUBLIC_EXPENSES)
        .toList();
    return new PatientFile(record, history.size(), history.get(history.size() - 1), main, current);
  }

  /**
   * Saves the panel over {@code base} (what was opened): a new patient revision when the patient changed,
   * a new insurance revision when the insurance changed (the old one is kept), new 公費 revisions or new
   * 公費, and the combinations. Nothing changed: nothing is written and no reason is needed. Someone
   * else's change since {@code base} is TSU-5008 with nothing saved.
   */
  public Changed change(Session session, PatientFile base, PatientEntry entry, String reason) {
    LocalDate today = LocalDate.now(clock);
    PatientRecord current = base.record();
    long patientId = current.id();
    PatientRecord next = PatientValidation.validate(entry.patient(), patientId, current.patient().patientNumber(),
        current.revision(), today);
    boolean patientChanged = !next.equals(current);
    Optional<InsuranceRecord> baseInsurance = base.insurance();
    InsuranceRecord insurance = baseInsurance.orElse(null);
    boolean insuranceChanged = false;
    if (entry.insurance() == null) {
      if (baseInsurance.isPresent()) {
        throw new InvalidFieldException(ErrorCode.INSURANCE_REMOVAL_UNSUPPORTED,
            INSURANCE_FIELD_PREFIX + "insurerNumber");
      }
    } else {
      InsuranceRecord typed = baseInsurance
          .map(b -> validInsurance(entry.insurance(), b.id(), patientId, b.revision(), today))
          .orElseGet(() -> validInsurance(entry.insurance(), 0, 0, 1, today));
      insuranceChanged = baseInsurance.isEmpty() || !typed.equals(baseInsurance.get());
      insurance = typed;
    }
    checkLineCount(entry);
    int lineCount = Math.max(entry.publicExpenses().size(), base.publicExpenses().size());
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < lineCount; i++) {
      PublicExpenseForm form = i < entry.publicExpenses().size() ? entry.publicExpenses().get(i) : null;
      PublicExpense existing = i < base.publicExpenses().size() ? base.publicExpenses().get(i) : null;
      if (PatientEntry.blank(form)) {
        if (existing != null) {
          throw new InvalidFieldException(ErrorCode.PUBLIC_EXPENSE_REMOVAL_UNSUPPORTED, publicExpenseField(i, "payerNumber"));
        }
        continue;
      }
      PublicExpense typed = validPublicExpense(form, i, existing, patientId, insurance, today);
      lines.add(new Line(form, existing, existing == null || !typed.equals(existing)));
    }
    boolean anyLine = lines.stream().anyMatch(Line::changed);
    if (!patientChanged && !insuranceChanged && !anyLine) {
      return new Changed(summary(current), current.revision(), false);
    }
    String why = reason(reason);
    boolean writeInsurance = insuranceChanged;
    return tx.inTransaction(() -> {
      PatientRecord stored = patientChanged
          ? patients.change(session, patientId, current.revision(), entry.patient(), why) : current;
      InsuranceRecord storedInsurance = baseInsurance.orElse(null);
      if (writeInsurance) {
        storedInsurance = baseInsurance.isPresent()
            ? insurances.changeInsurance(session, baseInsurance.get().id(), baseInsurance.get().revision(), entry.insurance(), why)
            : insurances.addInsurance(session, patientId, entry.insurance());
      }
      List<PublicExpense> held = new ArrayList<>();
      for (Line line : lines) {
        if (!line.changed()) {
          held.add(line.existing());
        } else if (line.existing() == null) {
          held.add(insurances.addPublicExpense(session, patientId, line.form()));
        } else {
          held.add(insurances.changePublicExpense(session, line.existing().id(), line.existing().revision(), line.form(), why));
        }
      }
      if (storedInsurance != null) {
        combine(session, patientId, storedInsurance, held, today);
      }
      return new Changed(summary(stored), stored.revision(), true);
    });
  }

  private record Line(PublicExpenseForm form, PublicExpense existing, boolean changed) {
  }

  /** Insurance + each current 公費, and insurance + all current 公費 when several overlap; existing ones are reused. */
  private void combine(Session session, long patientId, InsuranceRecord insurance, List<PublicExpense> held, LocalDate today) {
    List<PublicExpense> current = held.stream()
        .filter(p -> p.validTo() == null || !p.validTo().isBefore(today))
        .filter(p -> overlaps(insurance.insurance().validFrom(), insurance.insurance().validTo(), p.validFrom(), p.validTo()))
        .toList();
    for (PublicExpense p : current) {
      insurances.addCombination(session, patientId, insurance.id(), List.of(p.id()));
    }
    if (current.size() > 1 && allOverlap(insurance, current)) {
      insurances.addCombination(session, patientId, insurance.id(), current.stream().map(PublicExpense::id).toList());
    }
  }

  private static boolean allOverlap(InsuranceRecord insurance, List<PublicExpense> members) {
    LocalDate from = insurance.insurance().validFrom();
    LocalDate to = insurance.insurance().validTo();
    for (PublicExpense p : members) {
      from = from == null ? p.validFrom() : p.validFrom() == null || from.isAfter(p.validFrom()) ? from : p.validFrom();
      to = to == null ? p.validTo() : p.validTo() == null || to.isBefore(p.validTo()) ? to : p.validTo();
    }
    return from == null || to == null || !to.isBefore(from);
  }

  private static boolean overlaps(LocalDate fromA, LocalDate toA, LocalDate fromB, LocalDate toB) {
    boolean aEndsBeforeB = toA != null && fromB != null && toA.isBefore(fromB);
    boolean bEndsBeforeA = toB != null && fromA != null && toB.isBefore(fromA);
    return !aEndsBeforeB && !bEndsBeforeA;
  }

  private static void checkLineCount(PatientEntry entry) {
    long typed = entry.publicExpenses().stream().filter(f -> !PatientEntry.blank(f)).count();
    if (typed > InsuranceCombination.MAX_PUBLIC_EXPENSES) {
      throw new InvalidFieldException(ErrorCode.PUBLIC_EXPENSE_TOO_MANY,
          publicExpenseField(InsuranceCombination.MAX_PUBLIC_EXPENSES, "payerNumber"));
    }
  }

  private static InsuranceRecord validInsurance(InsuranceForm form, long id, long patientId, int revision, LocalDate today) {
    try {
      return InsuranceValidation.insurance(form, id, patientId, revision, today);
    } catch (InvalidFieldException e) {
      throw new InvalidFieldException(e.errorCode(), INSURANCE_FIELD_PREFIX + e.field(), e);
    }
  }

  /**
   * A 公費 line as a record; a new one must not have ended before today, and with an insurance it must be
   * valid on some day of the insurance's validity (else no combination could hold both).
   */
  private static PublicExpense validPublicExpense(PublicExpenseForm form, int line, PublicExpense existing, long patientId,
      InsuranceRecord insurance, LocalDate today) {
    PublicExpense pe;
    try {
      pe = existing == null ? InsuranceValidation.publicExpense(form, 0, patientId, 1)
          : InsuranceValidation.publicExpense(form, existing.id(), patientId, existing.revision());
    } catch (InvalidFieldException e) {
      throw new InvalidFieldException(e.errorCode(), publicExpenseField(line, e.field()), e);
    }
    if (existing == null && pe.validTo() != null && pe.validTo().isBefore(today)) {
      throw new InvalidFieldException(ErrorCode.PUBLIC_EXPENSE_ENDED, publicExpenseField(line, "validTo"));
    }
    if (insurance != null
        && !overlaps(insurance.insurance().validFrom(), insurance.insurance().validTo(), pe.validFrom(), pe.validTo())) {
      throw new InvalidFieldException(ErrorCode.PUBLIC_EXPENSE_OUTSIDE_INSURANCE, publicExpenseField(line, "validFrom"));
    }
    return pe;
  }

  private static String reason(String reason) {
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty() || r.length() > REASON_MAX) {
      throw new InvalidFieldException(ErrorCode.CHANGE_REASON_REQUIRED, "reason");
    }
    return r;
  }

  static PatientSummary summary(PatientRecord record) {
    Patient p = record.patient();
    return new PatientSummary(record.id(), p.patientNumber(), p.familyName() + " " + p.givenName(),
        p.familyKana() + " " + p.givenKana(), p.sex(), p.birthDate());
  }
}
