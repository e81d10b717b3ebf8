package jp.tsumugi.app.chart;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * 検査結果 as revision chains on the chart envelope (docs/adr/0026): add, change on a base revision with a
 * reason, tombstone with a reason, history, and the chart window's queries (latest result per test, one
 * test's series for a trend graph, newest N). Each result names a test of the clinic-local catalogue
 * ({@link LabItem}); an empty range takes the catalogue's default for the patient's sex; the 異常フラグ given
 * wins, else it is computed from the range ({@link LabFlags}).
 * Audited with the patient id; details are ids, counts and revision numbers, never values.
 */
public final class ChartLabs {
  public static final int MAX_NAME = 60;
  public static final int MAX_UNIT = 20;
  public static final int MAX_TEXT_VALUE = 20;
  /** Digits of a numeric value or bound (precision) and its decimals (scale). */
  public static final int MAX_PRECISION = 12;
  public static final int MAX_SCALE = 4;

  static final Pattern LOCAL_CODE = Pattern.compile("[A-Za-z0-9_-]{1,20}");
  static final Pattern JLAC10 = Pattern.compile("[0-9A-Z]{17}");

  private static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Conflict() {
      super(null, null, false, false);
    }
  }

  private final LabStore store;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;

  public ChartLabs(LabStore store, AuditLog audit, Transactions tx, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** A new result record with revision 1. */
  public LabRevision add(Session session, long patientId, LabResult result) {
    session.require(Permission.WRITE_CHART);
    return tx.inTransaction(() -> {
      if (!store.patientExists(patientId)) {
        throw new TsumugiException(ErrorCode.PATIENT_NOT_FOUND, "patient " + patientId);
      }
      LabRevision revision = addChecked(session, patientId, result);
      record(session, AuditAction.CHART_LAB_ADDED, patientId, "record=" + revision.recordId());
      return revision;
    });
  }

  /** Checks and appends revision 1 without auditing (the import audits one count). Runs inside the caller's transaction. */
  LabRevision addChecked(Session session, long patientId, LabResult result) {
    return addChecked(session, patientId, result, itemOf(result), sexOf(patientId));
  }

  /** As {@link #addChecked(Session, long, LabResult)} with the catalogue item and the patient's sex already looked up. */
  LabRevision addChecked(Session session, long patientId, LabResult result, LabItem item, Sex sex) {
    LabResult checked = check(result, item, sex, LocalDate.now(clock));
    Instant now = clock.instant();
    long recordId = store.createLabRecord(patientId, checked.visitId(), now);
    LabRevision revision = new LabRevision(recordId, patientId, 1, RevisionState.SIGNED, session.username(), now, session.terminal(),
        "", checked, item.name(), LabFlags.effective(checked.value(), checked.range(), checked.flag()));
    if (!store.appendLabRevision(revision)) {
      throw new IllegalStateException("a new record already had revision 1");
    }
    return revision;
  }

  /** A new revision on top of {@code baseRevision} with a reason (for example a corrected value). */
  public LabRevision change(Session session, long recordId, int baseRevision, LabResult result, String reason) {
    session.require(Permission.WRITE_CHART);
    String why = ChartNotes.checkReason(reason, true);
    LabItem item = tx.inTransaction(() -> itemOf(result));
    Sex sex = tx.inTransaction(() -> sexOf(ownerOf(recordId)));
    LabResult checked = check(result, item, sex, LocalDate.now(clock));
    return write(session, recordId, baseRevision, checked, item.name(), why);
  }

  /** 削除: a tombstone revision with a reason; the result leaves every query, its history stays. */
  public LabRevision tombstone(Session session, long recordId, int baseRevision, String reason) {
    session.require(Permission.WRITE_CHART);
    return write(session, recordId, baseRevision, null, "", ChartNotes.checkReason(reason, true));
  }

  /** Every revision of a record, oldest first. */
  public List<LabRevision> history(Session session, long recordId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      long patientId = ownerOf(recordId);
      List<LabRevision> revisions = store.labRevisions(recordId);
      record(session, AuditAction.CHART_LAB_READ, patientId, "record=" + recordId + ",revisions=" + revisions.size());
      return revisions;
    });
  }

  /** For each test the patient has, the current result with the latest 採取日, in catalogue order. */
  public List<LabRevision> latestPerTest(Session session, long patientId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      List<LabRevision> latest = store.latestPerTest(patientId);
      record(session, AuditAction.CHART_LAB_READ, patientId, "latestPerTest,count=" + latest.size());
      return latest;
    });
  }

  /** The series of one test over time, oldest first (for the trend graph). */
  public List<LabPoint> series(Session session, long patientId, String localCode) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      List<LabPoint> points = store.series(patientId, localCode);
      record(session, AuditAction.CHART_LAB_READ, patientId, "series,count=" + points.size());
      return points;
    });
  }

  /** The newest {@code limit} current results, newest 採取日 first. */
  public List<LabRevision> newest(Session session, long patientId, int limit) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      List<LabRevision> rows = store.newest(patientId, Math.max(0, limit));
      record(session, AuditAction.CHART_LAB_READ, patientId, "newest,count=" + rows.size());
      return rows;
    });
  }

  /** The clinic's lab catalogue (検査項目), in display order. */
  public List<LabItem> catalogue(Session session) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(store::items);
  }

  /** Adds or replaces a catalogue item (clinic settings). */
  public void saveItem(Session session, LabItem item) {
    session.require(Permission.MANAGE_MASTERS);
    checkItem(item);
    tx.run(() -> {
      store.saveItem(item);
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.LAB_ITEM_SAVED, item.localCode(), "item"));
    });
  }

  private LabRevision write(Session session, long recordId, int baseRevision, LabResult result, String testName, String reason) {
    long patientId = tx.inTransaction(() -> ownerOf(recordId));
    try {
      return tx.inTransaction(() -> {
        Optional<LabRevision> latest = store.latestLabRevision(recordId);
        if (latest.map(LabRevision::revision).orElse(0) != baseRevision) {
          throw new Conflict();
        }
        if (latest.isPresent() && latest.get().isTombstone()) {
          throw new TsumugiException(ErrorCode.CHART_RECORD_TOMBSTONED, "record " + recordId);
        }
        LabRevision revision = new LabRevision(recordId, patientId, baseRevision + 1,
            result == null ? RevisionState.TOMBSTONE : RevisionState.SIGNED, session.username(), clock.instant(), session.terminal(),
            reason, result, testName, result == null ? null : LabFlags.effective(result.value(), result.range(), result.flag()));
        if (!store.appendLabRevision(revision)) {
          throw new Conflict();
        }
        record(session, result == null ? AuditAction.CHART_LAB_TOMBSTONED : AuditAction.CHART_LAB_CHANGED, patientId,
            "record=" + recordId + ",revision=" + revision.revision());
        return revision;
      });
    } catch (Conflict c) {
      LabRevision stored = tx.inTransaction(() -> {
        LabRevision s = store.latestLabRevision(recordId).orElse(null);
        record(session, AuditAction.CHART_LAB_CONFLICT, patientId, "record=" + recordId + ",base=" + baseRevision + ",stored="
            + (s == null ? 0 : s.revision()));
        return s;
      });
      throw new RecordConflictException(stored, result, baseRevision, stored == null ? 0 : stored.revision());
    }
  }

  private LabItem itemOf(LabResult result) {
    if (!LOCAL_CODE.matcher(result.localCode()).matches()) {
      throw new InvalidFieldException(ErrorCode.LAB_CODE_FORMAT, "localCode");
    }
    return store.item(result.localCode()).orElseThrow(() -> new InvalidFieldException(ErrorCode.LAB_TEST_UNKNOWN, "localCode"));
  }

  private Sex sexOf(long patientId) {
    return store.patient(patientId).map(LabStore.PatientRef::sex).orElse(null);
  }

  /**
   * Field checks against the catalogue item; returns the result with the catalogue's JLAC10, unit and default
   * range for the patient's sex filled in when they were empty. Nothing is saved on an error.
   */
  static LabResult check(LabResult r, LabItem item, Sex sex, LocalDate today) {
    if (!r.jlac10().isEmpty() && !JLAC10.matcher(r.jlac10()).matches()) {
      throw new InvalidFieldException(ErrorCode.LAB_JLAC10_FORMAT, "jlac10");
    }
    checkValue(r.value(), item);
    String unit = r.unit().isEmpty() ? item.unit() : r.unit();
    if (!LabFlags.fold(unit).equals(LabFlags.fold(item.unit()))) {
      throw new InvalidFieldException(ErrorCode.LAB_UNIT_MISMATCH, "unit");
    }
    checkRange(r.range(), "range");
    if (r.specimenDate() == null) {
      throw new InvalidFieldException(ErrorCode.LAB_SPECIMEN_DATE_INVALID, "specimenDate");
    }
    if (r.specimenDate().isAfter(today)) {
      throw new InvalidFieldException(ErrorCode.LAB_SPECIMEN_DATE_FUTURE, "specimenDate");
    }
    return new LabResult(r.localCode(), r.jlac10().isEmpty() ? item.jlac10() : r.jlac10(), r.value(), item.unit(),
        r.range().isEmpty() ? item.rangeFor(sex) : r.range(), r.flag(), r.specimenDate(), r.visitId());
  }

  static void checkValue(LabValue value, LabItem item) {
    if (item.qualitative() != !value.isNumeric()) {
      throw new InvalidFieldException(ErrorCode.LAB_VALUE_INVALID, "value");
    }
    if (value.isNumeric()) {
      if (!fits(value.number())) {
        throw new InvalidFieldException(ErrorCode.LAB_VALUE_INVALID, "value");
      }
    } else {
      char first = value.text().charAt(0);
      if (value.text().length() > MAX_TEXT_VALUE || first == '=' || first == '@') {
        throw new InvalidFieldException(ErrorCode.LAB_VALUE_INVALID, "value");
      }
      text("value", value.text(), ErrorCode.LAB_VALUE_INVALID);
    }
  }

  static void checkRange(ReferenceRange range, String field) {
    if (range.low() != null && !fits(range.low()) || range.high() != null && !fits(range.high())
        || range.low() != null && range.high() != null && range.low().compareTo(range.high()) > 0
        || range.text().length() > MAX_TEXT_VALUE) {
      throw new InvalidFieldException(ErrorCode.LAB_RANGE_INVALID, field);
    }
    text(field, range.text(), ErrorCode.LAB_RANGE_INVALID);
  }

  static void checkItem(LabItem item) {
    if (!LOCAL_CODE.matcher(item.localCode()).matches()) {
      throw new InvalidFieldException(ErrorCode.LAB_CODE_FORMAT, "localCode");
    }
    if (!item.jlac10().isEmpty() && !JLAC10.matcher(item.jlac10()).matches()) {
      throw new InvalidFieldException(ErrorCode.LAB_JLAC10_FORMAT, "jlac10");
    }
    if (item.name().isBlank() || item.name().length() > MAX_NAME || item.unit().length() > MAX_UNIT) {
      throw new InvalidFieldException(ErrorCode.LAB_ITEM_INVALID, "name");
    }
    text("name", item.name(), ErrorCode.LAB_ITEM_INVALID);
    text("unit", item.unit(), ErrorCode.LAB_ITEM_INVALID);
    checkRange(item.range(), "range");
    if (item.femaleRange() != null) {
      checkRange(item.femaleRange(), "femaleRange");
    }
  }

  /** A plain decimal of at most 12 digits, 4 of them decimals. */
  static boolean fits(BigDecimal n) {
    return n.scale() >= 0 && n.scale() <= MAX_SCALE && n.precision() <= MAX_PRECISION;
  }

  private static void text(String field, String value, ErrorCode code) {
    try {
      ChartText.check(field, value);
    } catch (TsumugiException e) {
      throw new InvalidFieldException(code, field, e);
    }
  }

  private long ownerOf(long recordId) {
    return store.labOwner(recordId)
        .orElseThrow(() -> new TsumugiException(ErrorCode.CHART_RECORD_NOT_FOUND, "record " + recordId));
  }

  private void record(Session session, AuditAction action, long patientId, String detail) {
    audit.record(new AuditEvent(session.username(), session.terminal(), action, Long.toString(patientId), detail));
  }
}
