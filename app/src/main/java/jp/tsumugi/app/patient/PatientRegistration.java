package jp.tsumugi.app.patient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.common.KanaFolding;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * Registering, changing, reading and searching patients. Reading needs {@link Permission#READ_PATIENTS},
 * registering and changing {@link Permission#RECEPTION}. Every read and every change is audited with
 * the patient id as target (never a name); a change is a new revision with author, time and reason.
 */
public final class PatientRegistration {
  /** Hits returned by {@link #search} unless asked otherwise. */
  public static final int DEFAULT_LIMIT = 50;
  static final int REASON_MAX = 200;

  private final PatientStore store;
  private final PatientSearch index;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;
  private final Supplier<PatientNumberFormat> numberFormat;

  /** With a fixed patient number format. */
  public PatientRegistration(PatientStore store, PatientSearch index, AuditLog audit, Transactions tx, Clock clock,
      PatientNumberFormat numberFormat) {
    this(store, index, audit, tx, clock, () -> numberFormat);
  }

  /**
   * With the clinic's patient number format, read at each registration (so a change in the settings applies to the
   * next patient without a restart). Existing patients keep their numbers.
   */
  public PatientRegistration(PatientStore store, PatientSearch index, AuditLog audit, Transactions tx, Clock clock,
      Supplier<PatientNumberFormat> numberFormat) {
    this.store = store;
    this.index = index;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.numberFormat = numberFormat;
  }

  /**
   * Registers a new patient with the next patient number. When patients with the same folded カナ and
   * birth date exist and {@code registerAnyway} is false, nothing is saved and they are returned.
   */
  public RegistrationOutcome register(Session session, PatientForm form, boolean registerAnyway) {
    session.require(Permission.RECEPTION);
    LocalDate today = LocalDate.now(clock);
    PatientRecord draft = PatientValidation.validate(form, 0, "-", 1, today);
    RegistrationOutcome outcome = tx.inTransaction(() -> {
      List<PatientHit> duplicates = likelyDuplicates(draft);
      if (!duplicates.isEmpty() && !registerAnyway) {
        auditDuplicateCheck(session, duplicates);
        return new RegistrationOutcome.LikelyDuplicates(duplicates);
      }
      String number = nextFreeNumber();
      PatientRecord withNumber = PatientValidation.validate(form, 0, number, 1, today);
      PatientRecord stored = store.insertRecord(withNumber, new PatientStore.Change(session.username(), clock.millis(),
          "registered"));
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.PATIENT_CREATED, Long.toString(stored.id()),
          duplicates.isEmpty() ? "revision=1" : "revision=1 registeredDespiteDuplicates=" + duplicates.size()));
      return new RegistrationOutcome.Registered(stored);
    });
    if (outcome instanceof RegistrationOutcome.Registered) {
      // Called inside a larger transaction (a confirmed card-reader proposal), the index must not learn of a
      // patient that is rolled back with it.
      tx.afterCommit(index::refresh);
    }
    return outcome;
  }

  /**
   * Changes a patient: a new revision on top of {@code expectedRevision} (the one the person edited),
   * with a reason. The patient number does not change.
   */
  public PatientRecord change(Session session, long patientId, int expectedRevision, PatientForm form, String reason) {
    session.require(Permission.RECEPTION);
    String why = reason(reason);
    PatientRecord changed = tx.inTransaction(() -> {
      PatientRecord current = store.findRecord(patientId).orElseThrow(() -> new TsumugiException(ErrorCode.PATIENT_NOT_FOUND));
      if (current.revision() != expectedRevision) {
        throw new TsumugiException(ErrorCode.REVISION_CONFLICT, "patient revision " + current.revision());
      }
      PatientRecord next = PatientValidation.validate(form, patientId, current.patient().patientNumber(), current.revision() + 1,
          LocalDate.now(clock));
      PatientRecord stored = store.appendRevision(next, new PatientStore.Change(session.username(), clock.millis(), why));
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.PATIENT_CHANGED, Long.toString(patientId),
          "revision=" + stored.revision()));
      return stored;
    });
    tx.afterCommit(index::refresh);
    return changed;
  }

  /** The patient's current record (audited read). */
  public PatientRecord show(Session session, long patientId) {
    session.require(Permission.READ_PATIENTS);
    PatientRecord r = store.findRecord(patientId).orElseThrow(() -> new TsumugiException(ErrorCode.PATIENT_NOT_FOUND));
    audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.PATIENT_READ, Long.toString(patientId),
        "revision=" + r.revision()));
    return r;
  }

  /** Every revision of the patient, oldest first (audited read). */
  public List<PatientRevision> history(Session session, long patientId) {
    session.require(Permission.READ_PATIENTS);
    List<PatientRevision> revisions = store.history(patientId);
    if (revisions.isEmpty()) {
      throw new TsumugiException(ErrorCode.PATIENT_NOT_FOUND);
    }
    audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.PATIENT_HISTORY_READ, Long.toString(patientId),
        "revisions=" + revisions.size()));
    return revisions;
  }

  /** Forgiving search ({@link PatientSearch}); audited with the number of hits, never the query (it may be a name). */
  public PatientSearch.Result search(Session session, String query, int limit) {
    session.require(Permission.READ_PATIENTS);
    PatientSearch.Result result = index.search(query, limit);
    audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.PATIENT_SEARCHED, "",
        "hits=" + result.hits().size() + " total=" + result.total()));
    return result;
  }

  /** Patients with the same folded カナ (family and given) and birth date as the form (audited read, nothing saved). */
  public List<PatientHit> likelyDuplicates(Session session, PatientForm form) {
    session.require(Permission.RECEPTION);
    List<PatientHit> found = likelyDuplicates(PatientValidation.validate(form, 0, "-", 1, LocalDate.now(clock)));
    auditDuplicateCheck(session, found);
    return found;
  }

  private void auditDuplicateCheck(Session session, List<PatientHit> found) {
    String ids = String.join(",", found.stream().map(h -> Long.toString(h.id())).toList());
    audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.PATIENT_SEARCHED, ids,
        "duplicateCheck hits=" + found.size()));
  }

  private List<PatientHit> likelyDuplicates(PatientRecord draft) {
    Patient p = draft.patient();
    String kana = KanaFolding.fold(p.familyKana()) + KanaFolding.fold(p.givenKana());
    return store.bornOn(p.birthDate()).stream()
        .filter(r -> r.id() != p.id())
        .filter(r -> (KanaFolding.fold(r.patient().familyKana()) + KanaFolding.fold(r.patient().givenKana())).equals(kana))
        .map(r -> new PatientHit(r.id(), r.patient().patientNumber(), r.patient().familyName() + " " + r.patient().givenName(),
            r.patient().familyKana() + " " + r.patient().givenKana(), r.details().alias(), r.patient().sex(), r.patient().birthDate()))
        .toList();
  }

  /**
   * The next number of the one clinic-wide sequence in the current format. The sequence is shared by every format,
   * so a format change continues counting (000240 then K00241), and a number that exists already (given from
   * outside, or equal under another format) is skipped.
   */
  private String nextFreeNumber() {
    PatientNumberFormat format = numberFormat.get();
    for (int attempt = 0; attempt < 1_000_000; attempt++) {
      String number = format.format(store.nextPatientSequence());
      if (!store.patientNumberExists(number)) {
        return number;
      }
    }
    throw new TsumugiException(ErrorCode.PATIENT_NUMBER_TAKEN, "no free number");
  }

  static String reason(String reason) {
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty() || r.length() > REASON_MAX) {
      throw new InvalidFieldException(ErrorCode.CHANGE_REASON_REQUIRED, "reason");
    }
    return r;
  }
}
