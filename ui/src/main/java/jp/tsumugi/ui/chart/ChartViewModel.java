package jp.tsumugi.ui.chart;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.tsumugi.app.chart.ChartConflictException;
import jp.tsumugi.app.chart.ChartNotes;
import jp.tsumugi.app.chart.ChartOverview;
import jp.tsumugi.app.chart.EditLease;
import jp.tsumugi.app.chart.EditLeases;
import jp.tsumugi.app.chart.NoteDiff;
import jp.tsumugi.app.chart.NoteRevision;
import jp.tsumugi.app.chart.ProblemRevision;
import jp.tsumugi.app.chart.SoapNote;
import jp.tsumugi.app.chart.TimelineEntry;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.reception.PatientSummary;
import jp.tsumugi.app.reception.QueueRow;
import jp.tsumugi.app.reception.Reception;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;

/**
 * The chart window (docs/adr/0028): which patient and visit are open, the SOAP editor's text and state, the
 * editing lease, autosave, sign-off and amendment, the revision history with its diff, and the merge view
 * when another terminal signed first. Every store call leaves the FX thread through the {@link TaskExecutor}.
 */
public final class ChartViewModel {
  /** What covers the editor, without taking the keyboard away from the window (no modal dialogs). */
  public enum Overlay {
    NONE,
    HISTORY,
    MERGE,
    SEARCH,
    LAB_IMPORT,
    RECORD_HISTORY
  }

  /** The chart services the window uses. */
  public record Services(ChartOverview overview, ChartNotes notes, EditLeases leases, Reception reception) {
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Services services;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final Session session;
  private final Clock clock;

  private final ObservableList<QueueRow> today = FXCollections.observableArrayList();
  private final ObservableList<PatientSummary> searchHits = FXCollections.observableArrayList();
  private final ObjectProperty<ChartOverview.Header> header = new SimpleObjectProperty<>();
  private final ObservableList<ProblemRevision> problems = FXCollections.observableArrayList();
  private final ObservableList<TimelineEntry> timeline = FXCollections.observableArrayList();
  private final ObjectProperty<TimelineEntry> visit = new SimpleObjectProperty<>();

  private final StringProperty subjective = new SimpleStringProperty("");
  private final StringProperty objective = new SimpleStringProperty("");
  private final StringProperty assessment = new SimpleStringProperty("");
  private final StringProperty plan = new SimpleStringProperty("");
  private final StringProperty amendReason = new SimpleStringProperty("");
  private final IntegerProperty baseRevision = new SimpleIntegerProperty(0);
  private final BooleanProperty editorOpen = new SimpleBooleanProperty(false);
  private final BooleanProperty readOnly = new SimpleBooleanProperty(true);
  private final BooleanProperty dirty = new SimpleBooleanProperty(false);
  private final StringProperty noteState = new SimpleStringProperty("");
  private final StringProperty leaseInfo = new SimpleStringProperty("");
  private final StringProperty saveInfo = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");
  private final StringProperty info = new SimpleStringProperty("");

  private final ObjectProperty<Overlay> overlay = new SimpleObjectProperty<>(Overlay.NONE);
  private final ObservableList<NoteRevision> history = FXCollections.observableArrayList();
  private final ObjectProperty<NoteDiff> diff = new SimpleObjectProperty<>();
  private final ObjectProperty<NoteRevision> theirs = new SimpleObjectProperty<>();
  private final ObservableList<HistoryRow> recordHistory = FXCollections.observableArrayList();
  private final StringProperty recordHistoryTitle = new SimpleStringProperty("");
  private final ObjectProperty<Optional<Long>> signedPrescriptionVisit = new SimpleObjectProperty<>(Optional.empty());

  private final Map<String, String> names = new HashMap<>();
  private long patientId;
  private long openVisitId;
  private String heldSection;
  private boolean loading;
  private boolean saving;
  private boolean saveAgain;
  private int generation;

  public ChartViewModel(Services services, TaskExecutor executor, I18n i18n, Session session, Clock clock) {
    this.services = services;
    this.executor = executor;
    this.i18n = i18n;
    this.session = session;
    this.clock = clock;
    names.put(session.username(), session.user().displayName());
    for (StringProperty field : List.of(subjective, objective, assessment, plan)) {
      field.addListener((obs, was, now) -> {
        if (!loading && editorOpen.get() && !readOnly.get()) {
          dirty.set(true);
        }
      });
    }
  }

  // ---- patient picker --------------------------------------------------------------------------

  /** Today's queue, for picking the patient being seen. */
  public void loadToday() {
    LocalDate date = LocalDate.now(clock);
    executor.submit(() -> {
      List<QueueRow> rows = services.reception().todaysQueue(session, date);
      for (Reception.Doctor d : services.reception().doctors(session)) {
        names.putIfAbsent(d.username(), d.displayName());
      }
      return rows;
    }, rows -> today.setAll(rows.stream().filter(r -> r.entry().status().isOpen()).toList()), this::fail);
  }

  public void search(String text) {
    String q = text == null ? "" : text.strip();
    if (q.isEmpty()) {
      searchHits.clear();
      return;
    }
    executor.submit(() -> services.reception().searchPatients(session, q), searchHits::setAll, this::fail);
  }

  /** Opens the patient's chart at the visit of this queue row. */
  public void open(QueueRow row) {
    openPatient(row.patient().id(), row.entry().visit().id());
  }

  /** Opens the patient's chart at its newest visit. */
  public void open(PatientSummary patient) {
    openPatient(patient.id(), 0);
  }

  /** Opens a chart: {@code visitId} 0 selects the newest visit. */
  public void openPatient(long patient, long visitId) {
    load(() -> services.overview().open(session, patient), visitId);
  }

  /** Opens the chart of the visit's patient at that visit (the 受付 screen's Ctrl+O). */
  public void openVisit(long visitId) {
    load(() -> services.overview().openVisit(session, visitId), visitId);
  }

  private void load(java.util.function.Supplier<ChartOverview.Overview> read, long visitId) {
    flushDraft();
    int opening = ++generation;
    leaveVisit();
    message.set("");
    executor.submit(read, overview -> {
      if (opening != generation) {
        return;
      }
      patientId = overview.patientId();
      header.set(overview.header());
      problems.setAll(overview.problems());
      timeline.setAll(overview.timeline());
      Optional<TimelineEntry> target = overview.timeline().stream()
          .filter(e -> visitId == 0 || e.visitId() == visitId).findFirst();
      if (target.isPresent()) {
        selectVisit(target.get());
      } else {
        visit.set(null);
        clearEditor();
        info.set(i18n.text("chart.info.noVisits"));
      }
    }, this::fail);
  }

  // ---- the note of a visit ---------------------------------------------------------------------

  /** Opens the visit's note: the own draft if there is one, else the latest revision; read-only without the lease. */
  public void selectVisit(TimelineEntry entry) {
    if (entry == null || (editorOpen.get() && entry.visitId() == openVisitId)) {
      return;
    }
    flushDraft();
    leaveVisit();
    int opening = ++generation;
    visit.set(entry);
    executor.submit(() -> services.notes().open(session, entry.visitId()), note -> {
      if (opening != generation) {
        return;
      }
      showNote(note);
    }, this::fail);
  }

  private void showNote(ChartNotes.OpenNote note) {
    openVisitId = note.visitId();
    loading = true;
    try {
      SoapNote content = note.draft().map(d -> d.content())
          .orElse(note.latest().filter(r -> !r.isTombstone()).map(NoteRevision::content).orElse(SoapNote.EMPTY));
      subjective.set(content.subjective());
      objective.set(content.objective());
      assessment.set(content.assessment());
      plan.set(content.plan());
    } finally {
      loading = false;
    }
    baseRevision.set(note.draft().map(d -> d.baseRevision()).orElse(note.baseRevision()));
    amendReason.set("");
    dirty.set(false);
    readOnly.set(note.readOnly() || note.latest().map(NoteRevision::isTombstone).orElse(false));
    editorOpen.set(true);
    heldSection = note.lease().granted() ? EditLeases.noteSection(note.visitId()) : null;
    leaseInfo.set(note.lease().granted() || note.lease().lease() == null ? "" : beingEdited(note.lease().lease()));
    if (!session.role().may(Permission.WRITE_CHART)) {
      leaseInfo.set(i18n.text("chart.lease.noWrite"));
    }
    noteState.set(stateText(note.latest().orElse(null), note.draft().isPresent()));
    saveInfo.set(note.draft().map(d -> i18n.text("chart.saved.draftFrom", STAMP.format(d.savedAt().atZone(zone())))).orElse(""));
    info.set("");
  }

  private String beingEdited(EditLease lease) {
    return i18n.text("chart.lease.held", displayName(lease.holder()), lease.terminal());
  }

  private String stateText(NoteRevision latest, boolean draft) {
    String d = draft ? i18n.text("chart.state.draftSuffix") : "";
    if (latest == null) {
      return i18n.text("chart.state.new") + d;
    }
    String when = STAMP.format(latest.at().atZone(zone()));
    if (latest.isTombstone()) {
      return i18n.text("chart.state.deleted", latest.revision(), displayName(latest.author()), when);
    }
    String key = latest.revision() == 1 ? "chart.state.signed" : "chart.state.amended";
    return i18n.text(key, latest.revision(), displayName(latest.author()), when) + d;
  }

  /** The clinic's time zone, for showing instants. */
  public ZoneId zone() {
    return clock.getZone();
  }

  public String displayName(String username) {
    return names.getOrDefault(username, username);
  }

  private SoapNote editorContent() {
    return new SoapNote(subjective.get(), objective.get(), assessment.get(), plan.get());
  }

  /**
   * Autosave (下書き): called after a pause in typing and every few seconds by the view. One save runs at a
   * time; text typed meanwhile is saved right after it. Off the FX thread.
   */
  public void autosave() {
    if (!editorOpen.get() || readOnly.get() || !dirty.get()) {
      return;
    }
    if (saving) {
      saveAgain = true;
      return;
    }
    SoapNote content;
    try {
      content = editorContent();
    } catch (TsumugiException e) {
      message.set(i18n.error(e));
      return;
    }
    saving = true;
    dirty.set(false);
    long visitId = openVisitId;
    int base = baseRevision.get();
    executor.submit(() -> services.notes().saveDraft(session, visitId, base, content), saved -> {
      saving = false;
      saveInfo.set(i18n.text("chart.saved.draft", TIME.format(saved.savedAt().atZone(zone()))));
      message.set("");
      markDraftOnTimeline(visitId);
      if (saveAgain) {
        saveAgain = false;
        autosave();
      }
    }, e -> {
      saving = false;
      dirty.set(true);
      fail(e);
    });
  }

  /** Saves what is typed before the editor shows something else (switching visit or patient). */
  private void flushDraft() {
    if (editorOpen.get() && dirty.get() && !readOnly.get()) {
      saving = false;
      autosave();
    }
  }

  private void markDraftOnTimeline(long visitId) {
    for (int i = 0; i < timeline.size(); i++) {
      TimelineEntry e = timeline.get(i);
      if (e.visitId() == visitId && !e.draft()) {
        timeline.set(i, new TimelineEntry(e.visitId(), e.visitDate(), e.department(), e.doctor(), e.revision(), e.state(),
            e.author(), e.signedAt(), e.summary(), true));
      }
    }
  }

  /**
   * Do (前回): puts the P column of the patient's previous signed visit into this note's P (after what is
   * there), as draft text to edit; nothing is signed.
   */
  public void copyPreviousPlan() {
    if (!editorOpen.get() || readOnly.get()) {
      return;
    }
    long visitId = openVisitId;
    executor.submit(() -> services.notes().previousPlan(session, visitId), previous -> {
      if (visitId != openVisitId || !editorOpen.get()) {
        return;
      }
      if (previous.isEmpty()) {
        message.set(i18n.text("chart.do.none"));
        return;
      }
      String current = plan.get() == null ? "" : plan.get();
      String copied = previous.get().plan();
      plan.set(current.isBlank() ? copied : current.stripTrailing() + "\n" + copied);
      message.set("");
      info.set(i18n.text("chart.do.copied", previous.get().visitDate().toString()));
      autosave();
    }, this::fail);
  }

  /** True when the next sign-off is an amendment (修正) and so needs a reason. */
  public boolean amending() {
    return baseRevision.get() >= 1;
  }

  /** 確定 (first sign-off) or 修正 (amendment with a reason) of the editor's text. */
  public void signOff() {
    if (!editorOpen.get() || readOnly.get()) {
      return;
    }
    if (!session.role().may(Permission.SIGN_CHART)) {
      message.set(i18n.text("chart.message.signNeedsDoctor"));
      return;
    }
    SoapNote content;
    try {
      content = editorContent();
    } catch (TsumugiException e) {
      message.set(i18n.error(e));
      return;
    }
    if (amending() && amendReason.get().isBlank()) {
      message.set(i18n.text("chart.message.reasonRequired"));
      return;
    }
    long visitId = openVisitId;
    int base = baseRevision.get();
    String reason = amending() ? amendReason.get().strip() : null;
    dirty.set(false);
    executor.submit(() -> base == 0 ? services.notes().signOff(session, visitId, 0, content, null)
        : services.notes().amend(session, visitId, base, content, reason), revision -> {
          baseRevision.set(revision.revision());
          amendReason.set("");
          noteState.set(stateText(revision, false));
          saveInfo.set("");
          message.set("");
          info.set(i18n.text(revision.revision() == 1 ? "chart.info.signed" : "chart.info.amended", revision.revision()));
          overlay.set(Overlay.NONE);
          refreshTimeline();
        }, e -> {
          if (e instanceof ChartConflictException conflict) {
            showMerge(conflict);
          } else {
            dirty.set(true);
            fail(e);
          }
        });
  }

  private void showMerge(ChartConflictException conflict) {
    NoteRevision stored = conflict.stored();
    theirs.set(stored);
    baseRevision.set(stored.revision());
    noteState.set(stateText(stored, true));
    message.set(i18n.text("chart.merge.message", stored.revision(), displayName(stored.author()), stored.terminal()));
    overlay.set(Overlay.MERGE);
    refreshTimeline();
  }

  /** In the merge view: take the other terminal's text into the editor (the own text is then gone from it). */
  public void takeTheirs() {
    NoteRevision stored = theirs.get();
    if (stored == null) {
      return;
    }
    SoapNote c = stored.isTombstone() ? SoapNote.EMPTY : stored.content();
    subjective.set(c.subjective());
    objective.set(c.objective());
    assessment.set(c.assessment());
    plan.set(c.plan());
    dirty.set(true);
    autosave();
  }

  /** Deletes the visit's signed note as a tombstone with the reason typed in the reason field. */
  public void deleteNote() {
    if (!editorOpen.get() || readOnly.get() || !amending()) {
      return;
    }
    if (amendReason.get().isBlank()) {
      message.set(i18n.text("chart.message.reasonRequired"));
      return;
    }
    long visitId = openVisitId;
    int base = baseRevision.get();
    String reason = amendReason.get().strip();
    executor.submit(() -> services.notes().tombstone(session, visitId, base, reason), revision -> {
      info.set(i18n.text("chart.info.deleted"));
      reopen();
    }, this::fail);
  }

  /** Reads the visit's note again (after a lease became free, or to drop the merge view). */
  public void reopen() {
    TimelineEntry current = visit.get();
    if (current == null) {
      return;
    }
    leaveVisit();
    int opening = ++generation;
    executor.submit(() -> services.notes().open(session, current.visitId()), note -> {
      if (opening == generation) {
        showNote(note);
        refreshTimeline();
      }
    }, this::fail);
  }

  /** Reads header, problems and timeline again after a change made in the chart (no new "opened" audit entry). */
  public void refreshRecords() {
    long patient = patientId;
    if (patient == 0) {
      return;
    }
    executor.submit(() -> services.overview().refresh(session, patient), overview -> {
      if (patient == patientId) {
        header.set(overview.header());
        problems.setAll(overview.problems());
      }
    }, this::fail);
  }

  private void refreshTimeline() {
    long patient = patientId;
    executor.submit(() -> services.overview().timeline(session, patient), entries -> {
      if (patient == patientId) {
        TimelineEntry selected = visit.get();
        timeline.setAll(entries);
        if (selected != null) {
          entries.stream().filter(e -> e.visitId() == selected.visitId()).findFirst().ifPresent(visit::set);
        }
      }
    }, this::fail);
  }

  /** The editor's heartbeat: keeps the lease while the visit is open (it expires by itself otherwise). */
  public void renewLease() {
    String section = heldSection;
    if (section == null) {
      return;
    }
    executor.submit(() -> services.leases().renew(session, section), lease -> { }, this::fail);
  }

  private void leaveVisit() {
    String section = heldSection;
    heldSection = null;
    if (section != null) {
      executor.submit(() -> {
        services.leases().release(session, section);
        return null;
      }, ignored -> { }, e -> { });
    }
    editorOpen.set(false);
    overlay.set(Overlay.NONE);
  }

  private void clearEditor() {
    loading = true;
    try {
      subjective.set("");
      objective.set("");
      assessment.set("");
      plan.set("");
    } finally {
      loading = false;
    }
    noteState.set("");
    leaseInfo.set("");
    saveInfo.set("");
    dirty.set(false);
  }

  /** Saves a pending draft and gives the lease back (logout, closing the window). */
  public void close() {
    flushDraft();
    leaveVisit();
  }

  // ---- history ---------------------------------------------------------------------------------

  /** Opens the revision history of the visit's note; with two or more revisions the last change is diffed. */
  public void showHistory() {
    if (!editorOpen.get()) {
      return;
    }
    long visitId = openVisitId;
    executor.submit(() -> services.notes().history(session, visitId), revisions -> {
      history.setAll(revisions);
      diff.set(null);
      overlay.set(Overlay.HISTORY);
      if (revisions.size() >= 2) {
        diff(revisions.get(revisions.size() - 2).revision(), revisions.get(revisions.size() - 1).revision());
      } else if (revisions.isEmpty()) {
        info.set(i18n.text("chart.history.none"));
      }
    }, this::fail);
  }

  /** The diff from revision {@code from} to {@code to} of the open note. */
  public void diff(int from, int to) {
    long visitId = openVisitId;
    executor.submit(() -> services.notes().diff(session, visitId, from, to), diff::set, this::fail);
  }

  public void closeOverlay() {
    overlay.set(Overlay.NONE);
  }

  /** The revisions of one problem, fact, lab result or vital sign, oldest first, in the record history overlay. */
  public void showRecordHistory(String title, java.util.function.Supplier<List<HistoryRow>> read) {
    executor.submit(read, rows -> {
      recordHistoryTitle.set(title);
      recordHistory.setAll(rows);
      overlay.set(Overlay.RECORD_HISTORY);
    }, this::fail);
  }

  public ObservableList<HistoryRow> recordHistory() {
    return recordHistory;
  }

  public StringProperty recordHistoryTitleProperty() {
    return recordHistoryTitle;
  }

  /** Shows an overlay that is not tied to the open note (search, lab import). */
  public void showOverlay(Overlay which) {
    overlay.set(which);
  }

  /** A paste or input the chart cannot store was refused; the message names the error code. */
  public void refused(RuntimeException e) {
    message.set(i18n.error(e));
  }

  private void fail(RuntimeException e) {
    message.set(i18n.error(e));
  }

  // ---- properties ------------------------------------------------------------------------------

  public Session session() {
    return session;
  }

  public boolean maySign() {
    return session.role().may(Permission.SIGN_CHART);
  }

  public long patientId() {
    return patientId;
  }

  public ObservableList<QueueRow> today() {
    return today;
  }

  public ObservableList<PatientSummary> searchHits() {
    return searchHits;
  }

  public ObjectProperty<ChartOverview.Header> headerProperty() {
    return header;
  }

  public ObservableList<ProblemRevision> problems() {
    return problems;
  }

  public ObservableList<TimelineEntry> timeline() {
    return timeline;
  }

  public ObjectProperty<TimelineEntry> visitProperty() {
    return visit;
  }

  public StringProperty subjectiveProperty() {
    return subjective;
  }

  public StringProperty objectiveProperty() {
    return objective;
  }

  public StringProperty assessmentProperty() {
    return assessment;
  }

  public StringProperty planProperty() {
    return plan;
  }

  public StringProperty amendReasonProperty() {
    return amendReason;
  }

  public IntegerProperty baseRevisionProperty() {
    return baseRevision;
  }

  public BooleanProperty editorOpenProperty() {
    return editorOpen;
  }

  public BooleanProperty readOnlyProperty() {
    return readOnly;
  }

  public BooleanProperty dirtyProperty() {
    return dirty;
  }

  public StringProperty noteStateProperty() {
    return noteState;
  }

  public StringProperty leaseInfoProperty() {
    return leaseInfo;
  }

  public StringProperty saveInfoProperty() {
    return saveInfo;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public StringProperty infoProperty() {
    return info;
  }

  public ObjectProperty<Overlay> overlayProperty() {
    return overlay;
  }

  public ObservableList<NoteRevision> history() {
    return history;
  }

  public ObjectProperty<NoteDiff> diffProperty() {
    return diff;
  }

  public ObjectProperty<NoteRevision> theirsProperty() {
    return theirs;
  }

  /**
   * The visit whose prescription is signed and on screen unchanged (the prescription pane keeps it current), for the
   * print preview to offer printing; empty while nothing signed is shown or the prescription is being edited.
   */
  public Optional<Long> signedPrescriptionVisit() {
    return signedPrescriptionVisit.get();
  }

  public ObjectProperty<Optional<Long>> signedPrescriptionVisitProperty() {
    return signedPrescriptionVisit;
  }
}
