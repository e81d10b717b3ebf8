package jp.tsumugi.app.chart;

import java.time.Clock;
import java.time.Instant;
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
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * Allergies, drug contraindications (薬剤禁忌) and infections (感染症) as revision chains on the chart
 * envelope (docs/adr/0025): add, change on a base revision with a reason, tombstone with a reason, the
 * current facts of a kind, a record's history. Same versioning as {@link ChartProblems}; audited with the
 * patient id, details are kind, ids and revision numbers only.
 */
public final class PatientFacts {
  public static final int MAX_NAME = 100;
  public static final int MAX_TEXT = 200;

  /** YJ code: 4-digit 薬効分類, 3 characters 成分 (digits or capitals); the product adds 4 characters and a check digit. */
  private static final Pattern YJ_INGREDIENT = Pattern.compile("[0-9]{4}[0-9A-Z]{3}");
  private static final Pattern YJ_PRODUCT = Pattern.compile("[0-9]{4}[0-9A-Z]{7}[0-9]");
  private static final Pattern RECEIPT_DRUG = Pattern.compile("6[0-9]{8}");

  private static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Conflict() {
      super(null, null, false, false);
    }
  }

  private final PatientFactStore store;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;

  public PatientFacts(PatientFactStore store, AuditLog audit, Transactions tx, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** A new record of the fact's kind with revision 1. */
  public FactRevision add(Session session, long patientId, PatientFact fact) {
    session.require(Permission.WRITE_CHART);
    check(fact);
    return tx.inTransaction(() -> {
      if (!store.patientExists(patientId)) {
        throw new TsumugiException(ErrorCode.PATIENT_NOT_FOUND, "patient " + patientId);
      }
      Instant now = clock.instant();
      long recordId = store.createFactRecord(fact.kind(), patientId, now);
      FactRevision revision = new FactRevision(recordId, patientId, fact.kind(), 1, RevisionState.SIGNED, session.username(), now,
          session.terminal(), "", fact);
      if (!store.appendFactRevision(revision)) {
        throw new IllegalStateException("a new record already had revision 1");
      }
      record(session, AuditAction.CHART_FACT_ADDED, patientId, detail(revision));
      return revision;
    });
  }

  /** A new revision on top of {@code baseRevision} with a reason; the kind cannot change. */
  public FactRevision change(Session session, long recordId, int baseRevision, PatientFact fact, String reason) {
    session.require(Permission.WRITE_CHART);
    check(fact);
    return write(session, recordId, baseRevision, fact, ChartNotes.checkReason(reason, true));
  }

  /** 削除: a tombstone revision with a reason; the fact leaves the current list, its history stays. */
  public FactRevision tombstone(Session session, long recordId, int baseRevision, String reason) {
    session.require(Permission.WRITE_CHART);
    return write(session, recordId, baseRevision, null, ChartNotes.checkReason(reason, true));
  }

  /** The patient's current (not tombstoned) facts of a kind, oldest record first. */
  public List<FactRevision> current(Session session, long patientId, ChartRecordKind kind) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      List<FactRevision> facts = store.currentFacts(patientId, kind);
      record(session, AuditAction.CHART_FACT_READ, patientId, "kind=" + kind + ",count=" + facts.size());
      return facts;
    });
  }

  /** Every revision of a record, oldest first. */
  public List<FactRevision> history(Session session, long recordId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      PatientFactStore.Owner owner = ownerOf(recordId);
      List<FactRevision> revisions = store.factRevisions(recordId);
      record(session, AuditAction.CHART_FACT_READ, owner.patientId(), "kind=" + owner.kind() + ",record=" + recordId
          + ",revisions=" + revisions.size());
      return revisions;
    });
  }

  private FactRevision write(Session session, long recordId, int baseRevision, PatientFact fact, String reason) {
    PatientFactStore.Owner owner = tx.inTransaction(() -> ownerOf(recordId));
    if (fact != null && fact.kind() != owner.kind()) {
      throw new TsumugiException(ErrorCode.CHART_RECORD_NOT_FOUND, "record " + recordId + " is not " + fact.kind());
    }
    try {
      return tx.inTransaction(() -> {
        Optional<FactRevision> latest = store.latestFactRevision(recordId);
        if (latest.map(FactRevision::revision).orElse(0) != baseRevision) {
          throw new Conflict();
        }
        if (latest.isPresent() && latest.get().isTombstone()) {
          throw new TsumugiException(ErrorCode.CHART_RECORD_TOMBSTONED, "record " + recordId);
        }
        FactRevision revision = new FactRevision(recordId, owner.patientId(), owner.kind(), baseRevision + 1,
            fact == null ? RevisionState.TOMBSTONE : RevisionState.SIGNED, session.username(), clock.instant(), session.terminal(),
            reason, fact);
        if (!store.appendFactRevision(revision)) {
          throw new Conflict();
        }
        record(session, fact == null ? AuditAction.CHART_FACT_TOMBSTONED : AuditAction.CHART_FACT_CHANGED, owner.patientId(),
            detail(revision));
        return revision;
      });
    } catch (Conflict c) {
      FactRevision stored = tx.inTransaction(() -> {
        FactRevision s = store.latestFactRevision(recordId).orElse(null);
        record(session, AuditAction.CHART_FACT_CONFLICT, owner.patientId(), "kind=" + owner.kind() + ",record=" + recordId
            + ",base=" + baseRevision + ",stored=" + (s == null ? 0 : s.revision()));
        return s;
      });
      throw new FactConflictException(stored, fact, baseRevision);
    }
  }

  /** Field checks; nothing is saved on an error. */
  static void check(PatientFact fact) {
    if (fact instanceof Allergy a) {
      boolean fits = switch (a.allergyKind()) {
        case DRUG_INGREDIENT -> a.code().isEmpty() || YJ_INGREDIENT.matcher(a.code()).matches();
        case DRUG_PRODUCT -> a.code().isEmpty() || YJ_PRODUCT.matcher(a.code()).matches() || RECEIPT_DRUG.matcher(a.code()).matches();
        case FOOD, OTHER -> a.code().isEmpty();
      };
      if (!fits) {
        throw new InvalidFieldException(ErrorCode.FACT_CODE_FORMAT, "code");
      }
      name("name", a.name());
      text("reaction", a.reaction());
    } else if (fact instanceof Contraindication c) {
      if (!YJ_INGREDIENT.matcher(c.ingredientCode()).matches()) {
        throw new InvalidFieldException(ErrorCode.FACT_CODE_FORMAT, "ingredientCode");
      }
      name("name", c.name());
      text("reason", c.reason());
    } else if (fact instanceof Infection i) {
      boolean other = i.agent() == InfectionAgent.OTHER;
      if (other == i.agentText().isEmpty() || i.agentText().length() > MAX_NAME) {
        throw new InvalidFieldException(ErrorCode.INFECTION_AGENT_TEXT, "agentText");
      }
      text("agentText", i.agentText());
    }
  }

  private static void name(String field, String value) {
    if (value.isEmpty() || value.length() > MAX_NAME) {
      throw new InvalidFieldException(ErrorCode.FACT_NAME_REQUIRED, field);
    }
    text(field, value);
  }

  private static void text(String field, String value) {
    if (value.length() > MAX_TEXT) {
      throw new InvalidFieldException(ErrorCode.FACT_TEXT_TOO_LONG, field);
    }
    try {
      ChartText.check(field, value);
    } catch (TsumugiException e) {
      throw new InvalidFieldException(e.errorCode(), field, e);
    }
  }

  private PatientFactStore.Owner ownerOf(long recordId) {
    return store.ownerOf(recordId)
        .orElseThrow(() -> new TsumugiException(ErrorCode.CHART_RECORD_NOT_FOUND, "record " + recordId));
  }

  private static String detail(FactRevision r) {
    return "kind=" + r.kind() + ",record=" + r.recordId() + ",revision=" + r.revision();
  }

  private void record(Session session, AuditAction action, long patientId, String detail) {
    audit.record(new AuditEvent(session.username(), session.terminal(), action, Long.toString(patientId), detail));
  }
}
