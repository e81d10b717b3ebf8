package jp.tsumugi.app.chart;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * バイタル as revision chains on the chart envelope (docs/adr/0026): add, change with a reason, tombstone
 * with a reason, history, the latest measurement and the series. Plausible ranges are checked per field,
 * each with its own error code; BMI is computed ({@link Vitals#bmi()}). Audited with the patient id only.
 */
public final class ChartVitals {
  /** Series longer than this are cut to the newest ones. */
  public static final int MAX_SERIES = 5_000;
  /** A measurement may be stamped up to this far ahead of the clock (terminal clocks drift slightly). */
  static final long FUTURE_SLACK_SECONDS = 300;

  private static final BigDecimal T_LOW = new BigDecimal("30.0");
  private static final BigDecimal T_HIGH = new BigDecimal("45.0");
  private static final BigDecimal H_LOW = new BigDecimal("20.0");
  private static final BigDecimal H_HIGH = new BigDecimal("250.0");
  private static final BigDecimal W_LOW = new BigDecimal("0.5");
  private static final BigDecimal W_HIGH = new BigDecimal("400.0");

  private static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Conflict() {
      super(null, null, false, false);
    }
  }

  private final VitalStore store;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;

  public ChartVitals(VitalStore store, AuditLog audit, Transactions tx, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** A new vitals record with revision 1. */
  public VitalRevision add(Session session, long patientId, Vitals vitals) {
    session.require(Permission.WRITE_CHART);
    check(vitals, clock.instant());
    return tx.inTransaction(() -> {
      if (!store.patientExists(patientId)) {
        throw new TsumugiException(ErrorCode.PATIENT_NOT_FOUND, "patient " + patientId);
      }
      Instant now = clock.instant();
      long recordId = store.createVitalRecord(patientId, vitals.visitId(), now);
      VitalRevision revision = new VitalRevision(recordId, patientId, 1, RevisionState.SIGNED, session.username(), now,
          session.terminal(), "", vitals);
      if (!store.appendVitalRevision(revision)) {
        throw new IllegalStateException("a new record already had revision 1");
      }
      record(session, AuditAction.CHART_VITAL_ADDED, patientId, "record=" + recordId);
      return revision;
    });
  }

  /** A new revision on top of {@code baseRevision} with a reason. */
  public VitalRevision change(Session session, long recordId, int baseRevision, Vitals vitals, String reason) {
    session.require(Permission.WRITE_CHART);
    String why = ChartNotes.checkReason(reason, true);
    check(vitals, clock.instant());
    return write(session, recordId, baseRevision, vitals, why);
  }

  /** 削除: a tombstone revision with a reason. */
  public VitalRevision tombstone(Session session, long recordId, int baseRevision, String reason) {
    session.require(Permission.WRITE_CHART);
    return write(session, recordId, baseRevision, null, ChartNotes.checkReason(reason, true));
  }

  /** Every revision of a record, oldest first. */
  public List<VitalRevision> history(Session session, long recordId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      long patientId = ownerOf(recordId);
      List<VitalRevision> revisions = store.vitalRevisions(recordId);
      record(session, AuditAction.CHART_VITAL_READ, patientId, "record=" + recordId + ",revisions=" + revisions.size());
      return revisions;
    });
  }

  /** The newest current measurement, if any. */
  public Optional<VitalRevision> latest(Session session, long patientId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      List<VitalRevision> one = store.currentVitals(patientId, 1);
      record(session, AuditAction.CHART_VITAL_READ, patientId, "latest,count=" + one.size());
      return one.stream().findFirst();
    });
  }

  /** The current measurements, oldest first (the newest {@link #MAX_SERIES} at most), for the vitals graph and table. */
  public List<VitalRevision> series(Session session, long patientId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      List<VitalRevision> rows = new java.util.ArrayList<>(store.currentVitals(patientId, MAX_SERIES));
      java.util.Collections.reverse(rows);
      record(session, AuditAction.CHART_VITAL_READ, patientId, "series,count=" + rows.size());
      return List.copyOf(rows);
    });
  }

  /** Plausibility checks, one error code per field; nothing is saved on an error. */
  public static void check(Vitals v, Instant now) {
    if (v.isEmpty()) {
      throw new InvalidFieldException(ErrorCode.VITAL_EMPTY, "vitals");
    }
    if (v.measuredAt().isAfter(now.plusSeconds(FUTURE_SLACK_SECONDS))) {
      throw new InvalidFieldException(ErrorCode.VITAL_MEASURED_AT_FUTURE, "measuredAt");
    }
    if (v.systolic() != null && (v.systolic() < 40 || v.systolic() > 300)) {
      throw new InvalidFieldException(ErrorCode.VITAL_SYSTOLIC_RANGE, "systolic");
    }
    if (v.diastolic() != null && (v.diastolic() < 20 || v.systolic() != null && v.diastolic() >= v.systolic())) {
      throw new InvalidFieldException(ErrorCode.VITAL_DIASTOLIC_RANGE, "diastolic");
    }
    if (v.pulse() != null && (v.pulse() < 20 || v.pulse() > 250)) {
      throw new InvalidFieldException(ErrorCode.VITAL_PULSE_RANGE, "pulse");
    }
    if (v.temperature() != null && !within(v.temperature(), T_LOW, T_HIGH)) {
      throw new InvalidFieldException(ErrorCode.VITAL_TEMPERATURE_RANGE, "temperature");
    }
    if (v.spo2() != null && (v.spo2() < 50 || v.spo2() > 100)) {
      throw new InvalidFieldException(ErrorCode.VITAL_SPO2_RANGE, "spo2");
    }
    if (v.heightCm() != null && !within(v.heightCm(), H_LOW, H_HIGH)) {
      throw new InvalidFieldException(ErrorCode.VITAL_HEIGHT_RANGE, "heightCm");
    }
    if (v.weightKg() != null && !within(v.weightKg(), W_LOW, W_HIGH)) {
      throw new InvalidFieldException(ErrorCode.VITAL_WEIGHT_RANGE, "weightKg");
    }
  }

  /** Inside [low, high] with at most one decimal ("36.50" is fine, "36.55" is not). */
  private static boolean within(BigDecimal value, BigDecimal low, BigDecimal high) {
    return value.stripTrailingZeros().scale() <= 1 && value.compareTo(low) >= 0 && value.compareTo(high) <= 0;
  }

  private VitalRevision write(Session session, long recordId, int baseRevision, Vitals vitals, String reason) {
    long patientId = tx.inTransaction(() -> ownerOf(recordId));
    try {
      return tx.inTransaction(() -> {
        Optional<VitalRevision> latest = store.latestVitalRevision(recordId);
        if (latest.map(VitalRevision::revision).orElse(0) != baseRevision) {
          throw new Conflict();
        }
        if (latest.isPresent() && latest.get().isTombstone()) {
          throw new TsumugiException(ErrorCode.CHART_RECORD_TOMBSTONED, "record " + recordId);
        }
        VitalRevision revision = new VitalRevision(recordId, patientId, baseRevision + 1,
            vitals == null ? RevisionState.TOMBSTONE : RevisionState.SIGNED, session.username(), clock.instant(), session.terminal(),
            reason, vitals);
        if (!store.appendVitalRevision(revision)) {
          throw new Conflict();
        }
        record(session, vitals == null ? AuditAction.CHART_VITAL_TOMBSTONED : AuditAction.CHART_VITAL_CHANGED, patientId,
            "record=" + recordId + ",revision=" + revision.revision());
        return revision;
      });
    } catch (Conflict c) {
      VitalRevision stored = tx.inTransaction(() -> {
        VitalRevision s = store.latestVitalRevision(recordId).orElse(null);
        record(session, AuditAction.CHART_VITAL_CONFLICT, patientId, "record=" + recordId + ",base=" + baseRevision + ",stored="
            + (s == null ? 0 : s.revision()));
        return s;
      });
      throw new RecordConflictException(stored, vitals, baseRevision, stored == null ? 0 : stored.revision());
    }
  }

  private long ownerOf(long recordId) {
    return store.vitalOwner(recordId)
        .orElseThrow(() -> new TsumugiException(ErrorCode.CHART_RECORD_NOT_FOUND, "record " + recordId));
  }

  private void record(Session session, AuditAction action, long patientId, String detail) {
    audit.record(new AuditEvent(session.username(), session.terminal(), action, Long.toString(patientId), detail));
  }
}
