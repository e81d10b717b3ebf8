package jp.tsumugi.ui.chart;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import javafx.scene.control.IndexRange;
import javafx.scene.input.Clipboard;
import jp.tsumugi.app.chart.Allergy;
import jp.tsumugi.app.chart.ChartText;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.chart.ChartOverview;
import jp.tsumugi.app.chart.Contraindication;
import jp.tsumugi.app.chart.FactRevision;
import jp.tsumugi.app.chart.Infection;
import jp.tsumugi.app.chart.InfectionAgent;
import jp.tsumugi.app.chart.NoteDiff;
import jp.tsumugi.app.chart.NoteRevision;
import jp.tsumugi.app.chart.Problem;
import jp.tsumugi.app.chart.ProblemRevision;
import jp.tsumugi.app.chart.SoapNote;
import jp.tsumugi.app.chart.TextDiff;
import jp.tsumugi.app.chart.TimelineEntry;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.prescription.DispensingKind;
import jp.tsumugi.app.prescription.print.DocumentKind;
import jp.tsumugi.app.reception.PatientSummary;
import jp.tsumugi.app.reception.QueueRow;
import jp.tsumugi.ui.fx.I18n;

/**
 * The chart window, built in code and bound to {@link ChartViewModel} (docs/adr/0028): the patient header
 * with red allergy and contraindication badges, the patient picker and visit timeline on the left, the
 * two-column SOAP editor (S/O/A left, P right) in the middle, problems on the right, and the history and
 * merge views laid over the editor without taking focus from the window. Every action has a key.
 */
public final class ChartView {
  /** Autosave after this pause in typing. */
  static final Duration TYPING_PAUSE = Duration.millis(1200);
  /** And at least this often while typing goes on. */
  static final Duration AUTOSAVE_EVERY = Duration.seconds(5);
  /** Lease heartbeat (the lease lasts 90 s). */
  static final Duration HEARTBEAT = Duration.seconds(30);

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final ChartViewModel vm;
  private final ChartRecordsPanel records;
  private final ChartToolsViewModel toolsVm;
  private final ChartToolsPanel tools;
  private final ChartLabsViewModel labsVm;
  private final ChartLabsPanel labs;
  private final ChartRxViewModel rxVm;
  /** Opens the print preview of a visit's signed prescription; set by the shell (docs/adr/0032). */
  private PrescriptionPrinter prescriptionPrinter;
  private SplitPane planColumn;
  private SplitPane soapColumns;
  private boolean prescribingLayout;
  private javafx.scene.Node planText;

  /** What the chart calls to preview a printed prescription document over its window. */
  @FunctionalInterface
  public interface PrescriptionPrinter {
    void preview(javafx.stage.Window owner, long visitId, DocumentKind kind);
  }
  private final ChartRxPanel rx;
  private TextArea lastArea;
  private ListView<jp.tsumugi.app.chart.Stamp> completions;
  private final I18n i18n;
  private final BorderPane root = new BorderPane();
  private final TextField patientSearch = new TextField();
  private final ListView<PatientSummary> hits = new ListView<>();
  private final ListView<QueueRow> today = new ListView<>();
  private final ListView<TimelineEntry> timelineList = new ListView<>();
  private final TextArea soapS = area("soapS");
  private final TextArea soapO = area("soapO");
  private final TextArea soapA = area("soapA");
  private final TextArea soapP = area("soapP");
  private final TextField reason = new TextField();
  private final ListView<ProblemRevision> problemList = new ListView<>();
  private final TabPane rightTabs = new TabPane();
  private final TabPane leftTabs = new TabPane();
  private final ListView<NoteRevision> historyList = new ListView<>();
  private final VBox diffView = new VBox(8);
  private final VBox mergeTheirs = new VBox(6);
  private final PauseTransition typingPause = new PauseTransition(TYPING_PAUSE);
  private final Timeline autosaveTick;
  private final Timeline heartbeat;

  public ChartView(ChartViewModel vm, ChartRecordsViewModel recordsVm, ChartToolsViewModel toolsVm, ChartLabsViewModel labsVm,
      ChartRxViewModel rxVm, jp.tsumugi.ui.fx.TaskExecutor executor, I18n i18n) {
    this.vm = vm;
    this.records = new ChartRecordsPanel(recordsVm, i18n);
    this.toolsVm = toolsVm;
    this.tools = new ChartToolsPanel(toolsVm, i18n);
    this.labsVm = labsVm;
    this.labs = new ChartLabsPanel(labsVm, i18n, vm.zone());
    this.rxVm = rxVm;
    this.rx = new ChartRxPanel(rxVm, i18n, executor);
    rx.onStampSaved(toolsVm::loadStamps);
    this.i18n = i18n;
    this.lastArea = soapS;
    root.getStyleClass().addAll("page", "chart-root");
    root.setId("chartRoot");
    root.setTop(header());
    root.setLeft(left());
    root.setCenter(center());
    root.setRight(right());
    root.setBottom(keyBar());
    installKeys();
    installPrescribingLayout();
    vm.visitProperty().addListener((obs, was, now) -> {
      if (now == null) {
        rxVm.close();
      } else if (was == null || was.visitId() != now.visitId() || !rxVm.openProperty().get()) {
        rxVm.open(vm.patientId(), now.visitId(), now.visitDate());
      }
    });
    for (TextArea a : List.of(soapS, soapO, soapA, soapP)) {
      ((GuardedArea) a).onRefused(vm::refused);
    }

    typingPause.setOnFinished(e -> vm.autosave());
    for (TextArea a : List.of(soapS, soapO, soapA, soapP)) {
      a.textProperty().addListener((obs, was, now) -> {
        if (vm.dirtyProperty().get()) {
          typingPause.playFromStart();
        }
      });
    }
    autosaveTick = new Timeline(new KeyFrame(AUTOSAVE_EVERY, e -> vm.autosave()));
    autosaveTick.setCycleCount(Animation.INDEFINITE);
    autosaveTick.play();
    heartbeat = new Timeline(new KeyFrame(HEARTBEAT, e -> vm.renewLease()));
    heartbeat.setCycleCount(Animation.INDEFINITE);
    heartbeat.play();
    vm.loadToday();
  }

  /** The print preview the chart's print keys open (Ctrl+Shift+P 処方箋 or, 院内, 薬剤情報提供書; Ctrl+Shift+C 控え; Ctrl+Shift+Y 情報提供書). */
  public void setPrescriptionPrinter(PrescriptionPrinter printer) {
    this.prescriptionPrinter = printer;
  }

  /** Previews {@code kind} for the visit whose signed prescription is on screen; says why not when nothing is signed. */
  void printPrescription(DocumentKind kind) {
    java.util.Optional<Long> visit = rxVm.signedPrescriptionVisit();
    if (visit.isEmpty() || prescriptionPrinter == null) {
      rxVm.messageProperty().set(i18n.error(jp.tsumugi.app.common.ErrorCode.RX_PRINT_NOTHING_SIGNED));
      return;
    }
    DocumentKind chosen = kind == DocumentKind.SLIP && rxVm.kindProperty().get() == DispensingKind.INSIDE ? DocumentKind.INFO : kind;
    prescriptionPrinter.preview(root.getScene() == null ? null : root.getScene().getWindow(), visit.get(), chosen);
  }

  public Parent root() {
    return root;
  }

  public ChartViewModel viewModel() {
    return vm;
  }

  /** Stops the timers; the view model saves a pending draft and gives the lease back. */
  public void dispose() {
    autosaveTick.stop();
    heartbeat.stop();
    typingPause.stop();
    vm.close();
  }

  /** The section became visible: refresh today's patients and put the cursor where the work is. */
  public void shown() {
    vm.loadToday();
    if (vm.editorOpenProperty().get() && !vm.readOnlyProperty().get()) {
      soapS.requestFocus();
    } else {
      patientSearch.requestFocus();
    }
  }

  /**
   * A SOAP field that refuses a paste the chart could not store (control characters, more than the field
   * holds) with the error's code, instead of the text control silently dropping characters.
   */
  static final class GuardedArea extends TextArea {
    private java.util.function.Consumer<RuntimeException> onRefused = e -> { };

    void onRefused(java.util.function.Consumer<RuntimeException> handler) {
      this.onRefused = handler;
    }

    @Override
    public void paste() {
      Clipboard clipboard = Clipboard.getSystemClipboard();
      if (clipboard.hasString() && clipboard.getString() != null) {
        IndexRange selection = getSelection();
        String result = getText().substring(0, selection.getStart()) + clipboard.getString() + getText().substring(selection.getEnd());
        try {
          ChartText.check("paste", result);
        } catch (TsumugiException refused) {
          onRefused.accept(refused);
          return;
        }
      }
      super.paste();
    }
  }

  private static TextArea area(String id) {
    GuardedArea a = new GuardedArea();
    a.setId(id);
    a.setWrapText(true);
    a.getStyleClass().add("soap-area");
    a.setPrefColumnCount(16);
    a.setPrefRowCount(4);
    return a;
  }

  // ---- header ----------------------------------------------------------------------------------

  private Node header() {
    Label number = new Label();
    number.setId("chartPatientNumber");
    number.getStyleClass().add("chart-patient-number");
    Label name = new Label(i18n.text("chart.header.none"));
    name.setId("chartPatientName");
    name.getStyleClass().add("chart-patient-name");
    Label details = new Label();
    details.setId("chartPatientDetails");
    Label insurance = new Label();
    insurance.setId("chartInsurance");
    insurance.getStyleClass().add("chart-insurance");
    FlowPane badges = new FlowPane(6, 4);
    badges.setId("chartBadges");
    badges.setAlignment(Pos.CENTER_LEFT);
    vm.headerProperty().addListener((obs, was, h) -> {
      if (h == null) {
        return;
      }
      PatientSummary p = h.patient();
      number.setText(p.patientNumber());
      name.setText(p.name() + "（" + p.kana() + "）");
      details.setText(i18n.text("chart.header.details", h.ageYears(), sex(p.sex()),
          p.birthDate() == null ? "" : DATE.format(p.birthDate())));
      insurance.setText(h.insuranceLabel().isEmpty() ? i18n.text("chart.header.noInsurance")
          : i18n.text("chart.header.insurance", h.insuranceLabel()));
      badges.getChildren().setAll(badges(h));
    });
    for (Label l : List.of(number, name, details, insurance)) {
      l.setMinWidth(Region.USE_PREF_SIZE);
    }
    HBox first = new HBox(14, number, name, details, insurance);
    first.setAlignment(Pos.BASELINE_LEFT);
    VBox bar = new VBox(4, first, badges);
    bar.setId("chartHeader");
    bar.getStyleClass().add("chart-header");
    bar.setPadding(new Insets(6, 14, 6, 14));
    return bar;
  }

  private String sex(Sex sex) {
    return sex == Sex.MALE ? i18n.text("reception.sex.male") : sex == Sex.FEMALE ? i18n.text("reception.sex.female") : "";
  }

  private List<Node> badges(ChartOverview.Header h) {
    List<Node> out = new ArrayList<>();
    int i = 0;
    for (FactRevision f : h.allergies()) {
      Allergy a = (Allergy) f.fact();
      String text = i18n.text("chart.badge.allergy", a.name())
          + (a.reaction().isEmpty() ? "" : i18n.text("chart.badge.reaction", a.reaction()));
      out.add(badge("badgeAllergy" + i++, text, "badge-danger"));
    }
    i = 0;
    for (FactRevision f : h.contraindications()) {
      Contraindication c = (Contraindication) f.fact();
      out.add(badge("badgeContraindication" + i++, i18n.text("chart.badge.contraindication", c.name()), "badge-danger"));
    }
    i = 0;
    for (FactRevision f : h.positiveInfections()) {
      Infection inf = (Infection) f.fact();
      String agent = inf.agent() == InfectionAgent.OTHER ? inf.agentText() : i18n.text("chart.infection." + inf.agent().name());
      out.add(badge("badgeInfection" + i++, i18n.text("chart.badge.infection", agent), "badge-warning"));
    }
    if (out.isEmpty()) {
      Label none = new Label(i18n.text("chart.badge.none"));
      none.setId("badgeNone");
      none.getStyleClass().add("hint");
      out.add(none);
    }
    return out;
  }

  private static Label badge(String id, String text, String style) {
    Label l = new Label(text);
    l.setId(id);
    l.getStyleClass().addAll("chart-badge", style);
    return l;
  }

  // ---- left: patient picker and timeline -------------------------------------------------------

  private Node left() {
    patientSearch.setId("chartPatientSearch");
    patientSearch.setPromptText(i18n.text("chart.search.prompt"));
    patientSearch.textProperty().addListener((obs, was, now) -> vm.search(now));
    hits.setId("chartSearchHits");
    hits.setItems(vm.searchHits());
    hits.setPrefHeight(160);
    hits.visibleProperty().bind(Bindings.isNotEmpty(vm.searchHits()));
    hits.managedProperty().bind(hits.visibleProperty());
    hits.setCellFactory(v -> textCell(p -> p.patientNumber() + "  " + p.name() + "（" + p.kana() + "）"));
    patientSearch.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.DOWN && !hits.getItems().isEmpty()) {
        hits.requestFocus();
        hits.getSelectionModel().selectFirst();
        e.consume();
      } else if (e.getCode() == KeyCode.ENTER && !hits.getItems().isEmpty()) {
        openHit(hits.getItems().get(0));
        e.consume();
      }
    });
    hits.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER && hits.getSelectionModel().getSelectedItem() != null) {
        openHit(hits.getSelectionModel().getSelectedItem());
        e.consume();
      }
    });
    hits.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2 && hits.getSelectionModel().getSelectedItem() != null) {
        openHit(hits.getSelectionModel().getSelectedItem());
      }
    });

    today.setId("chartToday");
    today.setItems(vm.today());
    today.setCellFactory(v -> textCell(r -> r.entry().visit().receptionNumber() + "  " + r.patient().name() + "  "
        + jp.tsumugi.ui.reception.ReceptionViewModel.statusText(i18n, r.entry().status())));
    today.setPlaceholder(new Label(i18n.text("chart.today.empty")));
    today.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER && today.getSelectionModel().getSelectedItem() != null) {
        vm.open(today.getSelectionModel().getSelectedItem());
        leftTabs.getSelectionModel().select(1);
        timelineList.requestFocus();
        e.consume();
      }
    });
    today.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2 && today.getSelectionModel().getSelectedItem() != null) {
        vm.open(today.getSelectionModel().getSelectedItem());
        leftTabs.getSelectionModel().select(1);
      }
    });

    timelineList.setId("chartTimeline");
    timelineList.setItems(vm.timeline());
    timelineList.setPlaceholder(new Label(i18n.text("chart.timeline.empty")));
    timelineList.setCellFactory(v -> new TimelineCell());
    timelineList.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
      if (now != null) {
        vm.selectVisit(now);
      }
    });
    vm.visitProperty().addListener((obs, was, now) -> {
      if (now != null && timelineList.getSelectionModel().getSelectedItem() != now) {
        int index = vm.timeline().indexOf(now);
        if (index >= 0) {
          timelineList.getSelectionModel().select(index);
          timelineList.scrollTo(index);
        }
      }
    });
    timelineList.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER) {
        focusEditor();
        e.consume();
      }
    });

    Tab todayTab = new Tab(i18n.text("chart.tab.today"), today);
    todayTab.setId("chartTabToday");
    Tab timelineTab = new Tab(i18n.text("chart.tab.timeline"), timelineList);
    timelineTab.setId("chartTabTimeline");
    leftTabs.getTabs().addAll(todayTab, timelineTab);
    leftTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    VBox.setVgrow(leftTabs, Priority.ALWAYS);
    VBox box = new VBox(6, patientSearch, hits, leftTabs);
    box.setPadding(new Insets(8));
    box.setPrefWidth(260);
    box.setMaxWidth(260);
    box.getStyleClass().add("chart-left");
    return box;
  }

  private void openHit(PatientSummary p) {
    vm.open(p);
    patientSearch.clear();
    leftTabs.getSelectionModel().select(1);
    timelineList.requestFocus();
  }

  private final class TimelineCell extends ListCell<TimelineEntry> {
    @Override
    protected void updateItem(TimelineEntry e, boolean empty) {
      super.updateItem(e, empty);
      getStyleClass().removeAll("timeline-draft", "timeline-deleted", "timeline-unsigned");
      if (empty || e == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      String state;
      if (e.deleted()) {
        state = i18n.text("chart.timeline.deleted");
        getStyleClass().add("timeline-deleted");
      } else if (e.draft()) {
        state = i18n.text("chart.timeline.draft");
        getStyleClass().add("timeline-draft");
      } else if (e.amended()) {
        state = i18n.text("chart.timeline.amended", e.revision());
      } else if (e.signed()) {
        state = i18n.text("chart.timeline.signed");
      } else {
        state = i18n.text("chart.timeline.unsigned");
        getStyleClass().add("timeline-unsigned");
      }
      Label first = new Label(DATE.format(e.visitDate()) + "  " + e.department() + "  " + vm.displayName(e.doctor()) + "  " + state);
      first.getStyleClass().add("timeline-head");
      Label summary = new Label(e.summary());
      summary.getStyleClass().add("timeline-summary");
      VBox box = new VBox(1, first, summary);
      setText(null);
      setGraphic(box);
    }
  }

  private static <T> ListCell<T> textCell(java.util.function.Function<T, String> text) {
    return new ListCell<>() {
      @Override
      protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : text.apply(item));
      }
    };
  }

  // ---- center: the two-column editor and its overlays ------------------------------------------

  private Node center() {
    Label title = new Label();
    title.setId("chartVisitTitle");
    title.getStyleClass().add("section-title");
    title.textProperty().bind(Bindings.createStringBinding(() -> {
      TimelineEntry v = vm.visitProperty().get();
      return v == null ? "" : i18n.text("chart.visit.title", DATE.format(v.visitDate()), v.department(), vm.displayName(v.doctor()));
    }, vm.visitProperty()));
    Label state = bound("chartNoteState", vm.noteStateProperty(), "chart-state");
    Label saved = bound("chartSaveInfo", vm.saveInfoProperty(), "hint");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox titleBar = new HBox(12, title, state, spacer, saved);
    titleBar.setAlignment(Pos.CENTER_LEFT);
    Label lease = bound("chartLeaseInfo", vm.leaseInfoProperty(), "chart-lease");
    lease.visibleProperty().bind(vm.leaseInfoProperty().isNotEmpty());
    lease.managedProperty().bind(lease.visibleProperty());
    lease.setMinHeight(Region.USE_PREF_SIZE);
    lease.setMaxWidth(Double.MAX_VALUE);

    bindArea(soapS, vm.subjectiveProperty());
    bindArea(soapO, vm.objectiveProperty());
    bindArea(soapA, vm.assessmentProperty());
    bindArea(soapP, vm.planProperty());
    VBox soa = new VBox(4, caption("chart.soap.s"), soapS, caption("chart.soap.o"), soapO, caption("chart.soap.a"), soapA);
    VBox.setVgrow(soapS, Priority.ALWAYS);
    VBox.setVgrow(soapO, Priority.ALWAYS);
    VBox.setVgrow(soapA, Priority.ALWAYS);
    VBox pText = new VBox(4, caption("chart.soap.p"), soapP);
    VBox.setVgrow(soapP, Priority.ALWAYS);
    soapP.setPrefRowCount(3);
    SplitPane p = new SplitPane(pText, rx.root());
    planColumn = p;
    p.setOrientation(Orientation.VERTICAL);
    p.setDividerPositions(0.16);
    p.setId("planColumn");
    SplitPane columns = new SplitPane(soa, p);
    soapColumns = columns;
    columns.setOrientation(Orientation.HORIZONTAL);
    columns.setDividerPositions(0.36);
    columns.setId("soapColumns");

    reason.setId("amendReason");
    reason.setPromptText(i18n.text("chart.reason.prompt"));
    reason.textProperty().bindBidirectional(vm.amendReasonProperty());
    HBox.setHgrow(reason, Priority.ALWAYS);
    Button sign = new Button();
    sign.setId("signButton");
    sign.textProperty().bind(Bindings.when(vm.baseRevisionProperty().greaterThan(0)).then(i18n.text("chart.key.amend"))
        .otherwise(i18n.text("chart.key.sign")));
    sign.setOnAction(e -> vm.signOff());
    sign.disableProperty().bind(vm.readOnlyProperty().or(vm.editorOpenProperty().not()));
    sign.setFocusTraversable(false);
    sign.setVisible(vm.maySign());
    sign.setManaged(vm.maySign());
    Button delete = new Button(i18n.text("chart.key.delete"));
    delete.setId("deleteButton");
    delete.setOnAction(e -> vm.deleteNote());
    delete.disableProperty().bind(vm.readOnlyProperty().or(vm.baseRevisionProperty().isEqualTo(0)));
    delete.setFocusTraversable(false);
    delete.setVisible(vm.maySign());
    delete.setManaged(vm.maySign());
    HBox actions = new HBox(8, reason, delete, sign);
    actions.setAlignment(Pos.CENTER_LEFT);
    reason.visibleProperty().bind(vm.baseRevisionProperty().greaterThan(0).and(vm.readOnlyProperty().not()));

    Label message = bound("chartMessage", vm.messageProperty(), "message");
    Label info = bound("chartInfo", vm.infoProperty(), "info");
    Label stampMessage = bound("chartStampMessage", toolsVm.stampMessageProperty(), "message");
    completions = tools.completionList(this::insertStamp, () -> lastArea.requestFocus());
    toolsVm.completions().addListener((javafx.collections.ListChangeListener<jp.tsumugi.app.chart.Stamp>) c -> {
      if (!toolsVm.completions().isEmpty()) {
        completions.requestFocus();
        completions.getSelectionModel().selectFirst();
      }
    });
    VBox.setVgrow(columns, Priority.ALWAYS);
    VBox editor = new VBox(6, titleBar, lease, columns, rx.findingsRoot(), completions, actions, message, stampMessage, info);
    editor.setPadding(new Insets(8, 10, 8, 10));
    editor.setId("chartEditor");

    for (TextArea a : List.of(soapS, soapO, soapA, soapP)) {
      a.editableProperty().bind(vm.readOnlyProperty().not().and(vm.editorOpenProperty()));
    }
    columns.disableProperty().bind(vm.editorOpenProperty().not());

    Node history = historyPane();
    Node merge = mergePane();
    Node search = tools.searchPane(hit -> {
      vm.closeOverlay();
      vm.openPatient(hit.patientId(), hit.visitId());
      leftTabs.getSelectionModel().select(1);
      timelineList.requestFocus();
    });
    Node labImport = labs.importPane(() -> {
      vm.closeOverlay();
      focusEditor();
    });
    Node recordHistory = recordHistoryPane();
    StackPane stack = new StackPane(editor, history, merge, search, labImport, recordHistory);
    recordHistory.visibleProperty().bind(vm.overlayProperty().isEqualTo(ChartViewModel.Overlay.RECORD_HISTORY));
    recordHistory.managedProperty().bind(recordHistory.visibleProperty());
    history.visibleProperty().bind(vm.overlayProperty().isEqualTo(ChartViewModel.Overlay.HISTORY));
    merge.visibleProperty().bind(vm.overlayProperty().isEqualTo(ChartViewModel.Overlay.MERGE));
    search.visibleProperty().bind(vm.overlayProperty().isEqualTo(ChartViewModel.Overlay.SEARCH));
    labImport.visibleProperty().bind(vm.overlayProperty().isEqualTo(ChartViewModel.Overlay.LAB_IMPORT));
    for (Node overlayNode : List.of(history, merge, search, labImport)) {
      overlayNode.managedProperty().bind(overlayNode.visibleProperty());
    }
    return stack;
  }

  private void bindArea(TextArea area, StringProperty text) {
    area.textProperty().bindBidirectional(text);
    area.focusedProperty().addListener((obs, was, now) -> {
      if (now) {
        lastArea = area;
      }
    });
    area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.SPACE && e.isShortcutDown()) {
        expandStamp(area);
        e.consume();
      }
    });
    // Tab moves on to the next field (focus moves predictably); Ctrl+Tab is left to the platform.
    area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
        List<TextArea> order = List.of(soapS, soapO, soapA, soapP);
        int i = order.indexOf(area);
        int next = e.isShiftDown() ? i - 1 : i + 1;
        if (next >= 0 && next < order.size()) {
          order.get(next).requestFocus();
        } else if (next == order.size()) {
          (reason.isVisible() ? reason : soapS).requestFocus();
        } else {
          timelineList.requestFocus();
        }
        e.consume();
      }
    });
  }

  /** Where the word before the caret starts (a stamp keyword holds no white space). */
  private static int wordStart(String text, int caret) {
    int start = caret;
    while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
      start--;
    }
    return start;
  }

  /** Ctrl+Space: the word before the caret is a stamp keyword; its stamp replaces it, or the candidates are listed. */
  private void expandStamp(TextArea area) {
    if (!area.isEditable()) {
      return;
    }
    lastArea = area;
    int caret = area.getCaretPosition();
    String word = area.getText().substring(wordStart(area.getText(), caret), caret);
    toolsVm.expand(word, this::insertStamp);
  }

  /**
   * A stamp (expanded, chosen from the completions or from the stamp list) goes into the SOAP field last used: in
   * place of the keyword or prefix typed before the caret, else at the caret.
   */
  private void insertStamp(jp.tsumugi.app.chart.Stamp stamp) {
    if (stamp.kind() == jp.tsumugi.app.chart.StampKind.PRESCRIPTION) {
      TextArea typedIn = lastArea;
      int at = typedIn.getCaretPosition();
      int from = wordStart(typedIn.getText(), at);
      String typed = typedIn.getText().substring(from, at);
      if (typedIn.isEditable() && !typed.isEmpty() && jp.tsumugi.app.chart.SearchFold.keyword(stamp.keyword())
          .startsWith(jp.tsumugi.app.chart.SearchFold.keyword(typed))) {
        typedIn.deleteText(from, at);
      }
      rxVm.insertStamp(stamp);
      rx.focusSearch();
      return;
    }
    TextArea area = lastArea;
    if (!area.isEditable()) {
      return;
    }
    int caret = area.getCaretPosition();
    int start = wordStart(area.getText(), caret);
    String word = area.getText().substring(start, caret);
    boolean typedPrefix = !word.isEmpty() && jp.tsumugi.app.chart.SearchFold.keyword(stamp.keyword())
        .startsWith(jp.tsumugi.app.chart.SearchFold.keyword(word));
    if (typedPrefix) {
      area.replaceText(start, caret, stamp.body());
    } else {
      area.insertText(caret, stamp.body());
    }
    area.requestFocus();
  }

  private jp.tsumugi.app.chart.StampKind kindOf(TextArea area) {
    return area == soapO ? jp.tsumugi.app.chart.StampKind.OBJECTIVE : area == soapA ? jp.tsumugi.app.chart.StampKind.ASSESSMENT
        : area == soapP ? jp.tsumugi.app.chart.StampKind.PLAN : jp.tsumugi.app.chart.StampKind.SUBJECTIVE;
  }

  private Label caption(String key) {
    Label l = new Label(i18n.text(key));
    l.getStyleClass().add("soap-caption");
    return l;
  }

  private static Label bound(String id, StringProperty text, String style) {
    Label l = new Label();
    l.setId(id);
    l.textProperty().bind(text);
    l.getStyleClass().add(style);
    l.setWrapText(true);
    return l;
  }

  private Node historyPane() {
    Label title = new Label(i18n.text("chart.history.title"));
    title.getStyleClass().add("section-title");
    historyList.setId("historyList");
    historyList.setItems(vm.history());
    historyList.setPrefWidth(400);
    historyList.setCellFactory(v -> textCell(r -> i18n.text(r.isTombstone() ? "chart.history.rowDeleted" : "chart.history.row",
        r.revision(), vm.displayName(r.author()), r.terminal(),
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(r.at().atZone(vm.zone())))
        + (r.reason().isEmpty() ? "" : "\n" + i18n.text("chart.history.reason", r.reason()))));
    historyList.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
      if (now != null && now.revision() > 1) {
        vm.diff(now.revision() - 1, now.revision());
      }
    });
    diffView.setId("diffView");
    diffView.setPadding(new Insets(6));
    vm.diffProperty().addListener((obs, was, now) -> renderDiff(now));
    ScrollPane diffScroll = new ScrollPane(diffView);
    diffScroll.setFitToWidth(true);
    HBox.setHgrow(diffScroll, Priority.ALWAYS);
    HBox body = new HBox(10, historyList, diffScroll);
    VBox.setVgrow(body, Priority.ALWAYS);
    Label hint = new Label(i18n.text("chart.history.hint"));
    hint.getStyleClass().add("hint");
    VBox pane = new VBox(8, title, hint, body);
    pane.setId("historyPane");
    pane.getStyleClass().add("chart-overlay");
    pane.setPadding(new Insets(12));
    return pane;
  }

  /** Who changed a problem, fact, lab result or vital, when, why, and what changed from the revision before. */
  private Node recordHistoryPane() {
    Label title = new Label();
    title.setId("recordHistoryTitle");
    title.getStyleClass().add("section-title");
    title.textProperty().bind(vm.recordHistoryTitleProperty());
    ListView<HistoryRow> rows = new ListView<>(vm.recordHistory());
    rows.setId("recordHistoryList");
    rows.setCellFactory(v -> textCell(r -> i18n.text(r.tombstone() ? "chart.history.rowDeleted" : "chart.history.row", r.revision(),
        vm.displayName(r.author()), r.terminal(), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(r.at().atZone(vm.zone())))
        + (r.reason().isEmpty() ? "" : "\n" + i18n.text("chart.history.reason", r.reason()))
        + (r.tombstone() ? "" : "\n" + r.description())));
    VBox change = new VBox(6);
    change.setId("recordHistoryDiff");
    rows.getSelectionModel().selectedIndexProperty().addListener((obs, was, now) -> {
      change.getChildren().clear();
      int i = now.intValue();
      if (i < 0 || i >= vm.recordHistory().size()) {
        return;
      }
      String before = i == 0 ? "" : vm.recordHistory().get(i - 1).description();
      String after = vm.recordHistory().get(i).tombstone() ? "" : vm.recordHistory().get(i).description();
      change.getChildren().addAll(caption("chart.recordHistory.change"), diffFlow(TextDiff.lines(before, after)));
    });
    vm.recordHistory().addListener((javafx.collections.ListChangeListener<HistoryRow>) c -> {
      if (!vm.recordHistory().isEmpty()) {
        rows.getSelectionModel().selectLast();
      }
    });
    VBox.setVgrow(rows, Priority.ALWAYS);
    Label hint = new Label(i18n.text("chart.recordHistory.hint"));
    hint.getStyleClass().add("hint");
    VBox pane = new VBox(8, title, hint, rows, change);
    pane.setId("recordHistoryPane");
    pane.getStyleClass().add("chart-overlay");
    pane.setPadding(new Insets(12));
    return pane;
  }

  private void renderDiff(NoteDiff d) {
    diffView.getChildren().clear();
    if (d == null) {
      return;
    }
    Label head = new Label(i18n.text("chart.diff.title", d.from().revision(), d.to().revision()));
    head.setId("diffTitle");
    head.getStyleClass().add("subsection-title");
    diffView.getChildren().add(head);
    addSection("chart.soap.s", d.subjective());
    addSection("chart.soap.o", d.objective());
    addSection("chart.soap.a", d.assessment());
    addSection("chart.soap.p", d.plan());
    if (diffView.getChildren().size() == 1) {
      diffView.getChildren().add(new Label(i18n.text("chart.diff.same")));
    }
  }

  private void addSection(String captionKey, List<TextDiff.Line> lines) {
    if (TextDiff.unchanged(lines)) {
      return;
    }
    diffView.getChildren().add(caption(captionKey));
    diffView.getChildren().add(diffFlow(lines));
  }

  /** A readable diff: removed lines struck through in red, added lines in green, a changed line's characters marked. */
  static TextFlow diffFlow(List<TextDiff.Line> lines) {
    TextFlow flow = new TextFlow();
    flow.getStyleClass().add("diff");
    for (int i = 0; i < lines.size(); i++) {
      TextDiff.Line line = lines.get(i);
      boolean pair = line.op() == TextDiff.Op.DELETE && i + 1 < lines.size() && lines.get(i + 1).op() == TextDiff.Op.INSERT;
      if (pair) {
        List<TextDiff.Segment> segments = TextDiff.chars(line.text(), lines.get(i + 1).text());
        flow.getChildren().add(text("− ", "diff-delete"));
        for (TextDiff.Segment s : segments) {
          if (s.op() != TextDiff.Op.INSERT) {
            flow.getChildren().add(text(s.text(), s.op() == TextDiff.Op.DELETE ? "diff-delete-chars" : "diff-delete"));
          }
        }
        flow.getChildren().add(text("\n+ ", "diff-insert"));
        for (TextDiff.Segment s : segments) {
          if (s.op() != TextDiff.Op.DELETE) {
            flow.getChildren().add(text(s.text(), s.op() == TextDiff.Op.INSERT ? "diff-insert-chars" : "diff-insert"));
          }
        }
        flow.getChildren().add(text("\n", "diff-equal"));
        i++;
        continue;
      }
      String prefix = line.op() == TextDiff.Op.DELETE ? "− " : line.op() == TextDiff.Op.INSERT ? "+ " : "  ";
      String style = line.op() == TextDiff.Op.DELETE ? "diff-delete" : line.op() == TextDiff.Op.INSERT ? "diff-insert" : "diff-equal";
      flow.getChildren().add(text(prefix + line.text() + "\n", style));
    }
    return flow;
  }

  private static Text text(String s, String style) {
    Text t = new Text(s);
    t.getStyleClass().add(style);
    return t;
  }

  private Node mergePane() {
    Label title = new Label(i18n.text("chart.merge.title"));
    title.getStyleClass().add("section-title");
    Label explain = new Label(i18n.text("chart.merge.explain"));
    explain.setWrapText(true);
    mergeTheirs.setId("mergeTheirs");
    vm.theirsProperty().addListener((obs, was, now) -> renderTheirs(now));
    ScrollPane scroll = new ScrollPane(mergeTheirs);
    scroll.setFitToWidth(true);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    Button back = new Button(i18n.text("chart.merge.edit"));
    back.setId("mergeEditButton");
    back.setOnAction(e -> {
      vm.closeOverlay();
      focusEditor();
    });
    Button take = new Button(i18n.text("chart.merge.takeTheirs"));
    take.setId("takeTheirsButton");
    take.setOnAction(e -> {
      vm.takeTheirs();
      vm.closeOverlay();
      focusEditor();
    });
    HBox buttons = new HBox(8, back, take);
    VBox pane = new VBox(8, title, explain, scroll, buttons);
    pane.setId("mergePane");
    pane.getStyleClass().add("chart-overlay");
    pane.setPadding(new Insets(12));
    return pane;
  }

  private void renderTheirs(NoteRevision stored) {
    mergeTheirs.getChildren().clear();
    if (stored == null) {
      return;
    }
    SoapNote mine = new SoapNote(soapS.getText(), soapO.getText(), soapA.getText(), soapP.getText());
    SoapNote other = stored.isTombstone() ? SoapNote.EMPTY : stored.content();
    Label head = new Label(i18n.text("chart.merge.theirs", stored.revision(), vm.displayName(stored.author()), stored.terminal()));
    head.getStyleClass().add("subsection-title");
    head.setWrapText(true);
    mergeTheirs.getChildren().add(head);
    String[][] sections = {
        {"chart.soap.s", other.subjective(), mine.subjective()},
        {"chart.soap.o", other.objective(), mine.objective()},
        {"chart.soap.a", other.assessment(), mine.assessment()},
        {"chart.soap.p", other.plan(), mine.plan()}};
    for (String[] s : sections) {
      List<TextDiff.Line> lines = TextDiff.lines(s[1], s[2]);
      if (!TextDiff.unchanged(lines)) {
        mergeTheirs.getChildren().addAll(caption(s[0]), diffFlow(lines));
      }
    }
    Label legend = new Label(i18n.text("chart.merge.legend"));
    legend.getStyleClass().add("hint");
    legend.setWrapText(true);
    mergeTheirs.getChildren().add(legend);
  }

  // ---- right: problems -------------------------------------------------------------------------

  private Node right() {
    problemList.setId("chartProblems");
    problemList.setItems(vm.problems());
    problemList.setPlaceholder(new Label(i18n.text("chart.problems.empty")));
    problemList.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(ProblemRevision r, boolean empty) {
        super.updateItem(r, empty);
        getStyleClass().remove("problem-ended");
        if (empty || r == null) {
          setText(null);
          return;
        }
        Problem p = r.problem();
        StringBuilder s = new StringBuilder();
        if (p.mainDisease()) {
          s.append(i18n.text("chart.problem.main"));
        }
        s.append(p.displayName());
        if (p.suspected()) {
          s.append(i18n.text("chart.problem.suspected"));
        }
        s.append('\n').append(DATE.format(p.startDate())).append(" 〜");
        if (!p.active()) {
          s.append(' ').append(p.outcomeDate() == null ? "" : DATE.format(p.outcomeDate())).append(' ')
              .append(i18n.text("chart.problem.outcome." + p.outcome().name()));
          getStyleClass().add("problem-ended");
        }
        setText(s.toString());
      }
    });
    Tab problemsTab = new Tab(i18n.text("chart.tab.problems"), records.problemsPane(problemList));
    problemsTab.setId("chartTabProblems");
    rightTabs.getTabs().addAll(problemsTab, records.factsTab(), labs.labsTab(this::openLabImport), labs.vitalsTab(),
        tools.stampsTab(this::insertStamp, () -> lastArea.getSelectedText(), () -> kindOf(lastArea)));
    rightTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    rightTabs.setPrefWidth(330);
    rightTabs.setMinWidth(330);
    rightTabs.setMaxWidth(330);
    rightTabs.setId("chartRightTabs");
    rightTabs.getStyleClass().add("chart-right");
    return rightTabs;
  }

  private void openLabImport() {
    vm.showOverlay(ChartViewModel.Overlay.LAB_IMPORT);
    labs.focusImport();
  }

  /** Adds a tab to the right-hand panel (labs, vitals come from their own parts). */
  public void addRightTab(Tab tab) {
    rightTabs.getTabs().add(tab);
  }

  // ---- keys ------------------------------------------------------------------------------------

  private Node keyBar() {
    Label keys = new Label(i18n.text(vm.maySign() ? "chart.keys" : "chart.keys.nurse"));
    keys.setId("chartKeys");
    keys.getStyleClass().add("hint");
    keys.setWrapText(true);
    keys.setMinWidth(0);
    HBox bar = new HBox(keys);
    bar.getStyleClass().add("key-bar");
    bar.setPadding(new Insets(4, 10, 6, 10));
    return bar;
  }

  /**
   * While the focus is in the prescription pane, the chart gives it room: the right panel steps aside, the P column widens and
   * the P text makes way, so the Rp list stays in view at 1280×800; the SOAP layout comes back when the focus leaves the pane.
   */
  private void installPrescribingLayout() {
    javafx.beans.value.ChangeListener<javafx.scene.Node> onFocus = (obs, was, now) -> {
      if (now != null) {
        prescribingLayout(rx.owns(now));
      }
    };
    root.sceneProperty().addListener((obs, was, now) -> {
      if (was != null) {
        was.focusOwnerProperty().removeListener(onFocus);
      }
      if (now != null) {
        now.focusOwnerProperty().addListener(onFocus);
      }
    });
  }

  /** Whether the prescribing layout is on (for tests). */
  boolean prescribingLayout() {
    return prescribingLayout;
  }

  private void prescribingLayout(boolean on) {
    if (on == prescribingLayout || planColumn == null) {
      return;
    }
    prescribingLayout = on;
    javafx.scene.Node right = root.getRight();
    if (right != null) {
      right.setVisible(!on);
      right.setManaged(!on);
    }
    soapColumns.setDividerPositions(on ? 0.24 : 0.36);
    if (on) {
      planText = planColumn.getItems().get(0);
      planColumn.getItems().setAll(rx.root());
    } else {
      planColumn.getItems().setAll(planText, rx.root());
      planColumn.setDividerPositions(0.16);
    }
  }

  private void installKeys() {
    root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      Runnable action = actionFor(e);
      if (action != null) {
        action.run();
        e.consume();
      }
    });
  }

  private Runnable actionFor(KeyEvent e) {
    if (e.getCode() == KeyCode.ESCAPE && vm.overlayProperty().get() != ChartViewModel.Overlay.NONE) {
      return () -> {
        vm.closeOverlay();
        focusEditor();
      };
    }
    if (!e.isShortcutDown()) {
      return null;
    }
    if (e.isShiftDown() && e.getCode() == KeyCode.D) {
      return rxVm::copyPrevious;
    }
    if (e.isShiftDown() && e.getCode() == KeyCode.P) {
      return () -> printPrescription(DocumentKind.SLIP);
    }
    if (e.isShiftDown() && e.getCode() == KeyCode.C) {
      return () -> printPrescription(DocumentKind.COPY);
    }
    if (e.isShiftDown() && e.getCode() == KeyCode.Y) {
      return () -> printPrescription(DocumentKind.INFO);
    }
    if (matches(e, KeyCode.E)) {
      return rx::focusSearch;
    }
    if (matches(e, KeyCode.J)) {
      return rx::focusFindings;
    }
    if (matches(e, KeyCode.ENTER) && root.getScene() != null && rx.owns(root.getScene().getFocusOwner())) {
      return rxVm::sign;
    }
    if (matches(e, KeyCode.ENTER)) {
      if (vm.overlayProperty().get() == ChartViewModel.Overlay.LAB_IMPORT) {
        return labsVm::acceptImport;
      }
      return vm::signOff;
    }
    if (matches(e, KeyCode.D)) {
      return vm::copyPreviousPlan;
    }
    if (matches(e, KeyCode.F)) {
      if (!toolsVm.maySearch()) {
        return null;
      }
      return () -> {
        vm.showOverlay(ChartViewModel.Overlay.SEARCH);
        tools.focusSearch();
      };
    }
    if (matches(e, KeyCode.I)) {
      return this::openLabImport;
    }
    if (matches(e, KeyCode.S)) {
      return vm::autosave;
    }
    if (matches(e, KeyCode.H)) {
      return () -> {
        vm.showHistory();
        historyList.requestFocus();
      };
    }
    if (matches(e, KeyCode.R)) {
      return vm::reopen;
    }
    if (matches(e, KeyCode.P)) {
      return patientSearch::requestFocus;
    }
    if (matches(e, KeyCode.U)) {
      return () -> {
        leftTabs.getSelectionModel().select(0);
        today.requestFocus();
        if (today.getSelectionModel().isEmpty()) {
          today.getSelectionModel().selectFirst();
        }
      };
    }
    if (matches(e, KeyCode.T)) {
      return () -> {
        leftTabs.getSelectionModel().select(1);
        timelineList.requestFocus();
      };
    }
    if (matches(e, KeyCode.DIGIT1)) {
      return soapS::requestFocus;
    }
    if (matches(e, KeyCode.DIGIT2)) {
      return soapO::requestFocus;
    }
    if (matches(e, KeyCode.DIGIT3)) {
      return soapA::requestFocus;
    }
    if (matches(e, KeyCode.DIGIT4)) {
      return soapP::requestFocus;
    }
    if (matches(e, KeyCode.N)) {
      return () -> {
        rightTabs.getSelectionModel().select(0);
        root.lookup("#problemInput").requestFocus();
      };
    }
    if (matches(e, KeyCode.M)) {
      return () -> {
        rightTabs.requestFocus();
        rightTabs.getSelectionModel().selectNext();
      };
    }
    return null;
  }

  private static boolean matches(KeyEvent e, KeyCode code) {
    return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN).match(e);
  }

  private void focusEditor() {
    if (vm.editorOpenProperty().get()) {
      soapS.requestFocus();
      soapS.end();
    }
  }
}
