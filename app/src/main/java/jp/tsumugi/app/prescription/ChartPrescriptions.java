package jp.tsumugi.app.prescription;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.chart.ChartText;
import jp.tsumugi.app.chart.RevisionState;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * A visit's prescription as a chart record (docs/adr/0029): open, sign (revision 1, or an amendment with a reason) with the
 * safety findings the doctor overrode, delete as a tombstone, read the history, and Do (the previous signed prescription).
 * Nothing is saved when a check fails. Audited with the patient id; details hold ids, counts and drug codes, never free text.
 */
public final class ChartPrescriptions {
  /** Longest reason for an amendment or deletion. */
  public static final int MAX_REASON_LENGTH = 500;

  /** Raised inside the transaction to roll it back; turned into a PrescriptionConflictException outside. */
  private static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Conflict() {
      super(null, null, false, false);
    }
  }

  /** What the prescription pane shows for a visit. */
  public record OpenPrescription(long patientId, long visitId, Optional<PrescriptionRevision> latest) {
    /** The revision an edit builds on (0: nothing signed yet). */
    public int baseRevision() {
      return latest.map(PrescriptionRevision::revision).orElse(0);
    }
  }

  private final PrescriptionStore store;
  private final DrugLookup drugs;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;

  public ChartPrescriptions(PrescriptionStore store, DrugLookup drugs, AuditLog audit, Transactions tx, Clock clock) {
    this.store = store;
    this.drugs = drugs;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** The visit's latest prescription revision (a tombstone included), if any. */
  public OpenPrescription open(Session session, long visitId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      PrescriptionStore.VisitRef visit = visit(visitId);
      Optional<PrescriptionRevision> latest = store.recordOfVisit(visitId).flatMap(store::latest);
      record(session, AuditAction.CHART_RX_READ, visit.patientId(), "visit=" + visitId + ",revision="
          + latest.map(PrescriptionRevision::revision).orElse(0));
      return new OpenPrescription(visit.patientId(), visitId, latest);
    });
  }

  /**
   * 確定: checks {@code prescription} against the master on the visit date and the usage table, then stores it as the
   * revision after {@code baseRevision} with {@code overrides}. From revision 2 on (an amendment) a reason is required.
   *
   * @throws PrescriptionConflictException if the record moved past {@code baseRevision}
   */
  public PrescriptionRevision sign(Session session, long visitId, int baseRevision, Prescription prescription,
      List<SafetyOverride> overrides, String reason) {
    session.require(Permission.PRESCRIBE);
    if (prescription.visitId() != visitId) {
      throw new TsumugiException(ErrorCode.RX_VISIT_MISMATCH, "visit " + visitId);
    }
    String why = checkReason(reason, baseRevision >= 1);
    List<SafetyOverride> checkedOverrides = PrescriptionRules.checkOverrides(overrides);
    PrescriptionStore.VisitRef visit = tx.inTransaction(() -> visit(visitId));
    Prescription checked = PrescriptionRules.check(prescription, visit.date(), drugs, store);
    return write(session, visitId, visit, baseRevision, RevisionState.SIGNED, checked, checkedOverrides, why);
  }

  /** 削除: a tombstone revision with a reason; earlier revisions stay readable and the drugs no longer count as taken. */
  public PrescriptionRevision tombstone(Session session, long visitId, int baseRevision, String reason) {
    session.require(Permission.PRESCRIBE);
    if (baseRevision < 1) {
      throw new TsumugiException(ErrorCode.CHART_RECORD_NOT_FOUND, "nothing signed to delete");
    }
    String why = checkReason(reason, true);
    PrescriptionStore.VisitRef visit = tx.inTransaction(() -> visit(visitId));
    return write(session, visitId, visit, baseRevision, RevisionState.TOMBSTONE, null, List.of(), why);
  }

  /** Every revision of the visit's prescription, oldest first. */
  public List<PrescriptionRevision> history(Session session, long visitId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      PrescriptionStore.VisitRef visit = visit(visitId);
      List<PrescriptionRevision> revisions = store.recordOfVisit(visitId).map(store::revisions).orElse(List.of());
      record(session, AuditAction.CHART_RX_HISTORY_READ, visit.patientId(), "visit=" + visitId + ",revisions=" + revisions.size());
      return revisions;
    });
  }

  /**
   * Do (前回処方): the patient's most recent signed prescription on a visit before this one (latest revision), for review.
   * The caller re-targets it with {@link Prescription#forVisit} and signs it after the doctor's review.
   */
  public Optional<PrescriptionRevision> previous(Session session, long visitId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      PrescriptionStore.VisitRef visit = visit(visitId);
      Optional<PrescriptionRevision> previous = store.previous(visitId);
      record(session, AuditAction.CHART_RX_PREVIOUS_READ, visit.patientId(), "visit=" + visitId + ",from="
          + previous.map(p -> p.visitId() + ",revision=" + p.revision()).orElse("none"));
      return previous;
    });
  }

  /** The clinic usage table in picker order. */
  public List<Usage> usages(Session session) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(store::usages);
  }

  /** Adds or changes a usage (its code stays; old prescriptions keep the text they were signed with). */
  public void saveUsage(Session session, Usage usage) {
    session.require(Permission.PRESCRIBE);
    if (!usage.code().matches("[A-Z0-9-]{1,8}") || usage.text().isBlank() || usage.text().length() > 40
        || (usage.timing() == UsageTiming.DAILY) != (usage.dosesPerDay() >= 1 && usage.dosesPerDay() <= 12)
        || usage.timing() != UsageTiming.DAILY && usage.dosesPerDay() != 0) {
      throw new TsumugiException(ErrorCode.RX_USAGE_INVALID, "usage " + (usage.code().matches("[A-Z0-9-]{1,8}") ? usage.code() : "?"));
    }
    ChartText.check("usage text", usage.text());
    tx.inTransaction(() -> {
      store.save(usage);
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.CHART_RX_USAGE_SAVED, usage.code(),
          "timing=" + usage.timing() + ",doses=" + usage.dosesPerDay()));
      return null;
    });
  }

  private PrescriptionRevision write(Session session, long visitId, PrescriptionStore.VisitRef visit, int baseRevision,
      RevisionState state, Prescription content, List<SafetyOverride> overrides, String reason) {
    long patientId = visit.patientId();
    try {
      return tx.inTransaction(() -> {
        Instant now = clock.instant();
        long recordId = recordFor(patientId, visitId, baseRevision, now);
        Optional<PrescriptionRevision> latest = store.latest(recordId);
        if (latest.map(PrescriptionRevision::revision).orElse(0) != baseRevision) {
          throw new Conflict();
        }
        if (latest.isPresent() && latest.get().isTombstone()) {
          throw new TsumugiException(ErrorCode.CHART_RECORD_TOMBSTONED, "record " + recordId);
        }
        PrescriptionRevision revision = new PrescriptionRevision(recordId, patientId, visitId, visit.date(), baseRevision + 1,
            state, session.username(), now, session.terminal(), reason, content, overrides);
        if (!store.append(revision)) {
          throw new Conflict();
        }
        AuditAction action = state == RevisionState.TOMBSTONE ? AuditAction.CHART_RX_TOMBSTONED
            : revision.revision() == 1 ? AuditAction.CHART_RX_SIGNED : AuditAction.CHART_RX_AMENDED;
        record(session, action, patientId, "visit=" + visitId + ",record=" + recordId + ",revision=" + revision.revision()
            + (content == null ? "" : ",kind=" + content.kind() + ",groups=" + content.groups().size() + ",drugs="
            + content.itemCount() + ",refills=" + content.refills()) + overrideDetail(overrides));
        return revision;
      });
    } catch (Conflict c) {
      throw tx.inTransaction(() -> {
        PrescriptionRevision stored = store.recordOfVisit(visitId).flatMap(store::latest).orElse(null);
        record(session, AuditAction.CHART_RX_CONFLICT, patientId, "visit=" + visitId + ",base=" + baseRevision + ",stored="
            + (stored == null ? 0 : stored.revision()));
        return new PrescriptionConflictException(stored, content, baseRevision);
      });
    }
  }

  private static String overrideDetail(List<SafetyOverride> overrides) {
    if (overrides.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(",overrides=");
    for (int i = 0; i < overrides.size(); i++) {
      SafetyOverride o = overrides.get(i);
      b.append(i == 0 ? "" : ";").append(o.findingCode()).append('/').append(o.level()).append('/').append(o.drugCode());
    }
    return b.toString();
  }

  private long recordFor(long patientId, long visitId, int baseRevision, Instant now) {
    Optional<Long> existing = store.recordOfVisit(visitId);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (baseRevision != 0) {
      throw new TsumugiException(ErrorCode.CHART_RECORD_NOT_FOUND, "visit " + visitId + " has no prescription");
    }
    return store.createRecord(patientId, visitId, now).orElseThrow(Conflict::new);
  }

  private PrescriptionStore.VisitRef visit(long visitId) {
    return store.visit(visitId).orElseThrow(() -> new TsumugiException(ErrorCode.VISIT_NOT_FOUND, "visit " + visitId));
  }

  private static String checkReason(String reason, boolean required) {
    String why = reason == null ? "" : reason.strip();
    if (required && why.isEmpty() || why.length() > MAX_REASON_LENGTH) {
      throw new TsumugiException(ErrorCode.CHART_REASON_REQUIRED, "reason length " + why.length());
    }
    return ChartText.check("reason", why);
  }

  private void record(Session session, AuditAction action, long patientId, String detail) {
    audit.record(new AuditEvent(session.username(), session.terminal(), action, Long.toString(patientId), detail));
  }
}
