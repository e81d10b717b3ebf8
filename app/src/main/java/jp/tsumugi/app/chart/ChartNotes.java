package jp.tsumugi.app.chart;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * A visit's SOAP note (docs/adr/0025): open (latest revision, own draft, editing lease), autosave the
 * draft (下書き), sign off (確定) as revision 1, amend (修正) as a later revision with a reason, delete as a
 * tombstone with a reason, read the history and the diff between two revisions. Saving on a stale
 * revision never overwrites: it fails with {@link ChartConflictException} and the text stays a draft.
 * Every call is audited with the patient id; audit details hold ids and sizes, never note text.
 */
public final class ChartNotes {
  /** Longest reason for an amendment or deletion. */
  public static final int MAX_REASON_LENGTH = 500;

  /** What the chart shows for a visit's note. {@code lease.granted() == false} means read-only. */
  public record OpenNote(long patientId, long visitId, Optional<NoteRevision> latest, Optional<NoteDraft> draft,
      LeaseResult lease) {
    /** The revision an edit of this note builds on (0: nothing signed yet). */
    public int baseRevision() {
      return latest.map(NoteRevision::revision).orElse(0);
    }

    public boolean readOnly() {
      return !lease.granted();
    }
  }

  /** Raised inside the transaction to roll it back; turned into ChartConflictException outside. */
  private static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Conflict() {
      super(null, null, false, false);
    }
  }

  private final ChartStore store;
  private final EditLeases leases;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;
  private final ChartChangeListener changes;

  public ChartNotes(ChartStore store, EditLeases leases, AuditLog audit, Transactions tx, Clock clock) {
    this(store, leases, audit, tx, clock, ChartChangeListener.NONE);
  }

  /** With a listener told, after each commit, which note record was signed, amended or tombstoned (the search index). */
  public ChartNotes(ChartStore store, EditLeases leases, AuditLog audit, Transactions tx, Clock clock,
      ChartChangeListener changes) {
    this.store = store;
    this.leases = leases;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.changes = changes;
  }

  /** Opens the visit's note: latest revision, this author's draft, and the editing lease if the role may write. */
  public OpenNote open(Session session, long visitId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      long patientId = patientOf(visitId);
      Optional<NoteRevision> latest = store.noteRecordOfVisit(visitId).flatMap(store::latestNoteRevision);
      Optional<NoteDraft> draft = store.draft(visitId, session.username());
      LeaseResult lease = session.role().may(Permission.WRITE_CHART)
          ? leases.acquire(session, EditLeases.noteSection(visitId)) : new LeaseResult(false, null);
      record(session, AuditAction.CHART_NOTE_READ, patientId, "visit=" + visitId + ",revision="
          + latest.map(NoteRevision::revision).orElse(0) + ",draft=" + draft.isPresent() + ",lease=" + lease.granted());
      return new OpenNote(patientId, visitId, latest, draft, lease);
    });
  }

  /**
   * The autosave path: overwrites this author's draft for the visit. Audited when the draft is started
   * (not at every autosave: the draft is not a record, and signing it is audited).
   */
  public NoteDraft saveDraft(Session session, long visitId, int baseRevision, SoapNote content) {
    session.require(Permission.WRITE_CHART);
    return tx.inTransaction(() -> {
      long patientId = patientOf(visitId);
      NoteDraft draft = new NoteDraft(patientId, visitId, baseRevision, session.username(), session.terminal(),
          clock.instant(), content);
      if (store.saveDraft(draft)) {
        record(session, AuditAction.CHART_DRAFT_STARTED, patientId, "visit=" + visitId + ",base=" + baseRevision);
      }
      return draft;
    });
  }

  /**
   * 確定: saves {@code content} as the revision after {@code baseRevision} and deletes this author's
   * draft, in one transaction. From revision 2 on a reason is required.
   *
   * @throws ChartConflictException if the note has moved past {@code baseRevision}; the content is then kept as the draft
   */
  public NoteRevision signOff(Session session, long visitId, int baseRevision, SoapNote content, String reason) {
    session.require(Permission.SIGN_CHART);
    if (content.isEmpty()) {
      throw new TsumugiException(ErrorCode.CHART_NOTE_EMPTY, "visit " + visitId);
    }
    String why = checkReason(reason, baseRevision >= 1);
    return write(session, visitId, baseRevision, RevisionState.SIGNED, content, why);
  }

  /** 修正: a new revision on top of {@code baseRevision} (at least 1) with a reason. */
  public NoteRevision amend(Session session, long visitId, int baseRevision, SoapNote content, String reason) {
    if (baseRevision < 1) {
      throw new TsumugiException(ErrorCode.CHART_RECORD_NOT_FOUND, "nothing signed to amend");
    }
    return signOff(session, visitId, baseRevision, content, reason);
  }

  /** 削除: appends a tombstone revision with a reason; earlier revisions stay readable. */
  public NoteRevision tombstone(Session session, long visitId, int baseRevision, String reason) {
    session.require(Permission.SIGN_CHART);
    if (baseRevision < 1) {
      throw new TsumugiException(ErrorCode.CHART_RECORD_NOT_FOUND, "nothing signed to delete");
    }
    return write(session, visitId, baseRevision, RevisionState.TOMBSTONE, SoapNote.EMPTY, checkReason(reason, true));
  }

  /** Every revision of the visit's note, oldest first (empty if nothing was signed). */
  public List<NoteRevision> history(Session session, long visitId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      long patientId = patientOf(visitId);
      List<NoteRevision> revisions = store.noteRecordOfVisit(visitId).map(store::noteRevisions).orElse(List.of());
      record(session, AuditAction.CHART_NOTE_HISTORY_READ, patientId, "visit=" + visitId + ",revisions=" + revisions.size());
      return revisions;
    });
  }

  /** What changed from revision {@code from} to revision {@code to} of the visit's note. */
  public NoteDiff diff(Session session, long visitId, int from, int to) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      long patientId = patientOf(visitId);
      long recordId = store.noteRecordOfVisit(visitId)
          .orElseThrow(() -> new TsumugiException(ErrorCode.CHART_RECORD_NOT_FOUND, "visit " + visitId + " has no note"));
      NoteRevision a = store.noteRevision(recordId, from)
          .orElseThrow(() -> new TsumugiException(ErrorCode.CHART_RECORD_NOT_FOUND, "revision " + from));
      NoteRevision b = store.noteRevision(recordId, to)
          .orElseThrow(() -> new TsumugiException(ErrorCode.CHART_RECORD_NOT_FOUND, "revision " + to));
      record(session, AuditAction.CHART_NOTE_HISTORY_READ, patientId, "visit=" + visitId + ",diff=" + from + ".." + to);
      return NoteDiff.between(a, b);
    });
  }

  /** The latest revision of the patient's most recent notes, newest first (the visit timeline). */
  public List<NoteRevision> recentNotes(Session session, long patientId, int limit) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      List<NoteRevision> notes = store.latestNotesOfPatient(patientId, limit);
      record(session, AuditAction.CHART_NOTE_READ, patientId, "recent=" + notes.size());
      return notes;
    });
  }

  /**
   * Do (前回処方): the P column of the patient's latest signed, non-tombstoned note with a P on a visit before
   * {@code visitId} (latest revision), and where it came from; empty if none. The UI puts it into the current
   * draft and saves that through {@link #saveDraft}. Audited as a read with the patient id.
   */
  public Optional<PreviousPlan> previousPlan(Session session, long visitId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      long patientId = patientOf(visitId);
      Optional<PreviousPlan> plan = store.previousPlan(visitId);
      record(session, AuditAction.CHART_PREVIOUS_PLAN_READ, patientId, "visit=" + visitId + ",from="
          + plan.map(p -> p.visitId() + ",revision=" + p.revision()).orElse("none"));
      return plan;
    });
  }

  /** Gives the visit note's editing lease back (the editor closes). */
  public void close(Session session, long visitId) {
    leases.release(session, EditLeases.noteSection(visitId));
  }

  private NoteRevision write(Session session, long visitId, int baseRevision, RevisionState state, SoapNote content,
      String reason) {
    long patientId = tx.inTransaction(() -> patientOf(visitId));
    try {
      return tx.inTransaction(() -> {
        Instant now = clock.instant();
        long recordId = recordFor(patientId, visitId, baseRevision, now);
        Optional<NoteRevision> latest = store.latestNoteRevision(recordId);
        if (latest.map(NoteRevision::revision).orElse(0) != baseRevision) {
          throw new Conflict();
        }
        if (latest.isPresent() && latest.get().isTombstone()) {
          throw new TsumugiException(ErrorCode.CHART_RECORD_TOMBSTONED, "record " + recordId);
        }
        NoteRevision revision = new NoteRevision(recordId, patientId, visitId, baseRevision + 1, state, session.username(),
            now, session.terminal(), reason, content);
        if (!store.appendNoteRevision(revision)) {
          throw new Conflict();
        }
        store.deleteDraft(visitId, session.username());
        tx.afterCommit(() -> changes.noteChanged(recordId));
        AuditAction action = state == RevisionState.TOMBSTONE ? AuditAction.CHART_NOTE_TOMBSTONED
            : revision.revision() == 1 ? AuditAction.CHART_NOTE_SIGNED : AuditAction.CHART_NOTE_AMENDED;
        record(session, action, patientId, "visit=" + visitId + ",record=" + recordId + ",revision=" + revision.revision()
            + ",chars=" + content.length());
        return revision;
      });
    } catch (Conflict c) {
      throw conflict(session, patientId, visitId, baseRevision, state, content);
    }
  }

  private long recordFor(long patientId, long visitId, int baseRevision, Instant now) {
    Optional<Long> existing = store.noteRecordOfVisit(visitId);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (baseRevision != 0) {
      throw new TsumugiException(ErrorCode.CHART_RECORD_NOT_FOUND, "visit " + visitId + " has no note");
    }
    return store.createNoteRecord(patientId, visitId, now).orElseThrow(Conflict::new);
  }

  /** After the losing transaction rolled back: keep the author's text as their draft, report both sides. */
  private ChartConflictException conflict(Session session, long patientId, long visitId, int baseRevision,
      RevisionState state, SoapNote attempted) {
    return tx.inTransaction(() -> {
      if (state == RevisionState.SIGNED) {
        store.saveDraft(new NoteDraft(patientId, visitId, baseRevision, session.username(), session.terminal(), clock.instant(),
            attempted));
      }
      NoteRevision stored = store.noteRecordOfVisit(visitId).flatMap(store::latestNoteRevision).orElse(null);
      record(session, AuditAction.CHART_NOTE_CONFLICT, patientId, "visit=" + visitId + ",base=" + baseRevision + ",stored="
          + (stored == null ? 0 : stored.revision()));
      return new ChartConflictException(stored, attempted, baseRevision);
    });
  }

  private long patientOf(long visitId) {
    return store.patientOfVisit(visitId)
        .orElseThrow(() -> new TsumugiException(ErrorCode.VISIT_NOT_FOUND, "visit " + visitId));
  }

  /** The reason for a change: required when {@code required}, at most 500 characters, chart text rules. */
  static String checkReason(String reason, boolean required) {
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
