package jp.tsumugi.app.chart;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.MasterCatalog;
import jp.tsumugi.app.master.search.ComposedDisease;
import jp.tsumugi.app.master.search.SearchEntry;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * A patient's problems (傷病名) as revision chains on the chart envelope (docs/adr/0025): add, change
 * (a revision on a base revision, with a reason), end by tombstone (with a reason), the problem list and a
 * problem's history. Codes are checked against the disease (b) and modifier (z) masters in force on the
 * start date, and the display name is composed from them. Saving on a stale revision saves nothing and
 * raises {@link ProblemConflictException}. Audited with the patient id; details hold ids and codes only.
 */
public final class ChartProblems {
  /** 修飾語 per problem (the SY record allows 20; a clinic uses a few). */
  public static final int MAX_MODIFIERS = 4;
  /** Longest typed name of an uncoded (0000999) disease. */
  public static final int MAX_UNCODED_NAME = 100;

  private static final Pattern DISEASE_CODE = Pattern.compile("[0-9]{7}");
  private static final Pattern MODIFIER_CODE = Pattern.compile("[0-9]{4}");

  /** Raised inside the transaction to roll it back; turned into ProblemConflictException outside. */
  private static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Conflict() {
      super(null, null, false, false);
    }
  }

  private final ProblemStore store;
  private final MasterCatalog masters;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;
  private final ChartChangeListener changes;

  public ChartProblems(ProblemStore store, MasterCatalog masters, AuditLog audit, Transactions tx, Clock clock) {
    this(store, masters, audit, tx, clock, ChartChangeListener.NONE);
  }

  /** With a listener told, after each commit, which problem record was added, changed or tombstoned (the search index). */
  public ChartProblems(ProblemStore store, MasterCatalog masters, AuditLog audit, Transactions tx, Clock clock,
      ChartChangeListener changes) {
    this.store = store;
    this.masters = masters;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.changes = changes;
  }

  /** Adds a problem to the patient's list: a new PROBLEM record with revision 1. */
  public ProblemRevision add(Session session, long patientId, ProblemInput input) {
    session.require(Permission.WRITE_CHART);
    Problem problem = check(input);
    return tx.inTransaction(() -> {
      if (!store.patientExists(patientId)) {
        throw new TsumugiException(ErrorCode.PATIENT_NOT_FOUND, "patient " + patientId);
      }
      Instant now = clock.instant();
      long recordId = store.createProblemRecord(patientId, now);
      ProblemRevision revision = new ProblemRevision(recordId, patientId, 1, RevisionState.SIGNED, session.username(), now,
          session.terminal(), "", problem);
      if (!store.appendProblemRevision(revision)) {
        throw new IllegalStateException("a new record already had revision 1");
      }
      record(session, AuditAction.CHART_PROBLEM_ADDED, patientId, detail(revision));
      tx.afterCommit(() -> changes.problemChanged(recordId));
      return revision;
    });
  }

  /** A new revision of the problem on top of {@code baseRevision}, with a reason (e.g. 転帰 entered). */
  public ProblemRevision change(Session session, long recordId, int baseRevision, ProblemInput input, String reason) {
    session.require(Permission.WRITE_CHART);
    Problem problem = check(input);
    String why = ChartNotes.checkReason(reason, true);
    return write(session, recordId, baseRevision, problem, input, why);
  }

  /** 削除 (entered in error): a tombstone revision with a reason; the problem leaves the list, its history stays. */
  public ProblemRevision tombstone(Session session, long recordId, int baseRevision, String reason) {
    session.require(Permission.WRITE_CHART);
    String why = ChartNotes.checkReason(reason, true);
    return write(session, recordId, baseRevision, null, null, why);
  }

  /** The problem list: active problems first, then ended ones, each by start date. */
  public List<ProblemRevision> list(Session session, long patientId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      List<ProblemRevision> problems = store.problemList(patientId);
      record(session, AuditAction.CHART_PROBLEM_READ, patientId, "problems=" + problems.size());
      return problems;
    });
  }

  /** Every revision of one problem, oldest first. */
  public List<ProblemRevision> history(Session session, long recordId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      long patientId = patientOf(recordId);
      List<ProblemRevision> revisions = store.problemRevisions(recordId);
      record(session, AuditAction.CHART_PROBLEM_READ, patientId, "record=" + recordId + ",revisions=" + revisions.size());
      return revisions;
    });
  }

  private ProblemRevision write(Session session, long recordId, int baseRevision, Problem problem, ProblemInput input,
      String reason) {
    long patientId = tx.inTransaction(() -> patientOf(recordId));
    try {
      return tx.inTransaction(() -> {
        Optional<ProblemRevision> latest = store.latestProblemRevision(recordId);
        if (latest.map(ProblemRevision::revision).orElse(0) != baseRevision) {
          throw new Conflict();
        }
        if (latest.isPresent() && latest.get().isTombstone()) {
          throw new TsumugiException(ErrorCode.CHART_RECORD_TOMBSTONED, "record " + recordId);
        }
        RevisionState state = problem == null ? RevisionState.TOMBSTONE : RevisionState.SIGNED;
        ProblemRevision revision = new ProblemRevision(recordId, patientId, baseRevision + 1, state, session.username(),
            clock.instant(), session.terminal(), reason, problem);
        if (!store.appendProblemRevision(revision)) {
          throw new Conflict();
        }
        record(session, problem == null ? AuditAction.CHART_PROBLEM_TOMBSTONED : AuditAction.CHART_PROBLEM_CHANGED, patientId,
            detail(revision));
        tx.afterCommit(() -> changes.problemChanged(recordId));
        return revision;
      });
    } catch (Conflict c) {
      ProblemRevision stored = tx.inTransaction(() -> {
        ProblemRevision s = store.latestProblemRevision(recordId).orElse(null);
        record(session, AuditAction.CHART_PROBLEM_CONFLICT, patientId, "record=" + recordId + ",base=" + baseRevision + ",stored="
            + (s == null ? 0 : s.revision()));
        return s;
      });
      throw new ProblemConflictException(stored, input, baseRevision);
    }
  }

  /**
   * Checks the input field by field (nothing is saved on an error) and composes the stored content:
   * codes in force on the start date, the display name from the masters (or the typed name if uncoded).
   */
  Problem check(ProblemInput in) {
    String code = in.diseaseCode() == null ? "" : in.diseaseCode().strip();
    if (!DISEASE_CODE.matcher(code).matches()) {
      throw new InvalidFieldException(ErrorCode.PROBLEM_DISEASE_CODE_FORMAT, "diseaseCode");
    }
    for (String m : in.modifierCodes()) {
      if (m == null || !MODIFIER_CODE.matcher(m).matches()) {
        throw new InvalidFieldException(ErrorCode.PROBLEM_DISEASE_CODE_FORMAT, "modifierCodes");
      }
    }
    if (in.startDate() == null) {
      throw new InvalidFieldException(ErrorCode.PROBLEM_START_DATE_REQUIRED, "startDate");
    }
    boolean ended = in.outcome() != ProblemOutcome.NONE;
    if (ended != (in.outcomeDate() != null) || ended && in.outcomeDate().isBefore(in.startDate())) {
      throw new InvalidFieldException(ErrorCode.PROBLEM_OUTCOME_DATE_INVALID, "outcomeDate");
    }
    boolean uncoded = Problem.UNCODED.equals(code);
    String typed = in.uncodedName() == null ? "" : in.uncodedName().strip();
    if (uncoded == typed.isEmpty() || typed.length() > MAX_UNCODED_NAME) {
      throw new InvalidFieldException(ErrorCode.PROBLEM_NAME_REQUIRED, "uncodedName");
    }
    if (in.modifierCodes().size() > (uncoded ? 0 : MAX_MODIFIERS)) {
      throw new InvalidFieldException(ErrorCode.PROBLEM_TOO_MANY_MODIFIERS, "modifierCodes");
    }
    if (uncoded) {
      try {
        ChartText.check("uncodedName", typed);
      } catch (TsumugiException e) {
        throw new InvalidFieldException(e.errorCode(), "uncodedName", e);
      }
      return new Problem(code, List.of(), typed, in.mainDisease(), in.suspected(), in.course(), in.startDate(), in.outcome(),
          in.outcomeDate());
    }
    MasterCatalog.Snapshot snapshot = masters.snapshot(in.startDate());
    Optional<SearchEntry> disease = snapshot.index().find(SearchEntry.Kind.DISEASE, code);
    if (disease.isEmpty() || disease.get().abolished()) {
      throw new InvalidFieldException(ErrorCode.PROBLEM_DISEASE_UNKNOWN, "diseaseCode");
    }
    List<String> modifiers = new ArrayList<>();
    for (String m : in.modifierCodes()) {
      if (!snapshot.modifiers().containsKey(m)) {
        throw new InvalidFieldException(ErrorCode.PROBLEM_MODIFIER_UNKNOWN, "modifierCodes");
      }
      modifiers.add(m);
    }
    ComposedDisease composed = masters.compose(code, modifiers, in.startDate());
    return new Problem(composed.diseaseCode(), composed.modifierCodes(), composed.name(), in.mainDisease(), in.suspected(),
        in.course(), in.startDate(), in.outcome(), in.outcomeDate());
  }

  private long patientOf(long recordId) {
    return store.patientOfProblem(recordId)
        .orElseThrow(() -> new TsumugiException(ErrorCode.CHART_RECORD_NOT_FOUND, "problem " + recordId));
  }

  private static String detail(ProblemRevision r) {
    return "record=" + r.recordId() + ",revision=" + r.revision()
        + (r.problem() == null ? "" : ",disease=" + r.problem().diseaseCode() + ",outcome=" + r.problem().outcome());
  }

  private void record(Session session, AuditAction action, long patientId, String detail) {
    audit.record(new AuditEvent(session.username(), session.terminal(), action, Long.toString(patientId), detail));
  }
}
