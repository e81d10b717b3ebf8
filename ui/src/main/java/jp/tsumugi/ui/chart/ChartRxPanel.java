package jp.tsumugi.ui.chart;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import jp.tsumugi.app.master.search.SearchHit;
import jp.tsumugi.app.prescription.DispensingKind;
import jp.tsumugi.app.prescription.RouteKind;
import jp.tsumugi.app.prescription.RpGroup;
import jp.tsumugi.app.prescription.RxItem;
import jp.tsumugi.app.prescription.Usage;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;
import jp.tsumugi.ui.search.SearchPopover;

/**
 * The prescription pane under the P text (docs/adr/0031): drug search, the Rp list, the fields of the selected group and
 * drug, and the findings pane beside nothing else — it never takes the keyboard away (no dialog). Keys: Ctrl+E drug
 * search, Ctrl+G 一般名, Ctrl+K new 剤, Ctrl+J findings, Delete remove, Ctrl+Shift+↑/↓ move, Ctrl+Enter 処方確定 (in the pane),
 * Ctrl+Shift+D 前回処方 (Do).
 */
final class ChartRxPanel {
  private final ChartRxViewModel vm;
  private final I18n i18n;
  private final VBox root = new VBox(4);
  private final TextField search = new TextField();
  private final ListView<ChartRxViewModel.Line> lines = new ListView<>();
  private final ComboBox<RouteKind> route = new ComboBox<>();
  private final ComboBox<Usage> usage = new ComboBox<>();
  private final TextField usageNote = new TextField();
  private final TextField days = new TextField();
  private final Label daysCaption = new Label();
  private final TextField groupComment = new TextField();
  private final TextField dose = new TextField();
  private final TextField perDay = new TextField();
  private final Label unit = new Label();
  private final Label itemName = new Label();
  private final CheckBox generic = new CheckBox();
  private final Label genericName = new Label();
  private final CheckBox noSubstitution = new CheckBox();
  private final CheckBox patientRequest = new CheckBox();
  private final CheckBox selectedCare = new CheckBox();
  private final TextField itemComment = new TextField();
  private final VBox findings = new VBox(6);
  private final TextField amendReason = new TextField();
  private final TextField stampKeyword = new TextField();
  private Runnable onStampSaved = () -> { };
  private final SearchPopover<SearchHit> popover;
  private boolean filling;
  private List<String> renderedKeys;
  private boolean focusQuantity;
  private Label titleLabel;
  private Node findingsRoot;

  ChartRxPanel(ChartRxViewModel vm, I18n i18n, TaskExecutor executor) {
    this.vm = vm;
    this.i18n = i18n;
    root.setId("rxPane");
    root.getStyleClass().add("rx-pane");
    search.setId("rxDrugSearch");
    search.setPromptText(i18n.text("rx.search.prompt"));
    popover = new SearchPopover<>(search, vm::search, vm::format, hit -> {
      focusQuantity = true;
      vm.addDrug(hit);
      search.clear();
    }, executor);
    // The drug's fields right under the search: after Enter the cursor is in 1日量, in view even on a small screen.
    VBox content = new VBox(4, titleBar(), search, itemFields(), groupFields(), list(), signBar());
    content.setPadding(new Insets(0, 4, 0, 0));
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add("rx-scroll");
    VBox.setVgrow(scroll, Priority.ALWAYS);
    root.getChildren().add(scroll);
    keepFocusedVisible(scroll, content);
    root.disableProperty().bind(vm.openProperty().not());
    root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    Tooltip.install(root, new Tooltip(i18n.text("rx.keys")));
    findingsRoot = findingsPane();
    findingsRoot.disableProperty().bind(vm.openProperty().not());
    findingsRoot.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    vm.selectedGroupProperty().addListener((obs, was, now) -> fill());
    vm.selectedItemProperty().addListener((obs, was, now) -> fill());
    vm.lines().addListener((ListChangeListener<ChartRxViewModel.Line>) c -> {
      selectLine();
      fill();
      if (focusQuantity && vm.selectedItem().isPresent()) {
        focusQuantity = false;
        perDay.requestFocus();
      }
    });
    vm.findings().addListener((ListChangeListener<ChartRxViewModel.FindingRow>) c -> renderFindings());
  }

  /** Scrolls the editor so that the field taking the keyboard is on screen (typing never goes to a hidden field). */
  private static void keepFocusedVisible(ScrollPane scroll, Region content) {
    scroll.sceneProperty().addListener((obs, was, scene) -> {
      if (scene == null) {
        return;
      }
      scene.focusOwnerProperty().addListener((o, before, now) -> {
        if (now != null && isInside(now, content)) {
          // After the layout pass: labels that appear with the change (info, errors) move the content.
          javafx.application.Platform.runLater(() -> scrollTo(scroll, content, now));
        }
      });
      content.heightProperty().addListener((o, before, now) -> {
        Node focused = scene.getFocusOwner();
        if (focused != null && isInside(focused, content)) {
          javafx.application.Platform.runLater(() -> scrollTo(scroll, content, focused));
        }
      });
      // The viewport changes too: the findings pane under the columns grows as findings appear, the chart's layout changes.
      scroll.viewportBoundsProperty().addListener((o, before, now) -> {
        Node focused = scene.getFocusOwner();
        if (focused != null && isInside(focused, content) && before.getHeight() != now.getHeight()) {
          javafx.application.Platform.runLater(() -> scrollTo(scroll, content, focused));
        }
      });
    });
  }

  private static void scrollTo(ScrollPane scroll, Region content, Node node) {
    scroll.applyCss();
    scroll.layout();
    double contentHeight = content.getLayoutBounds().getHeight();
    double viewport = scroll.getViewportBounds().getHeight();
    if (contentHeight <= viewport || node.getScene() == null) {
      return;
    }
    javafx.geometry.Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
    double top = -scroll.getViewportBounds().getMinY();
    if (b.getMinY() < top || b.getMaxY() > top + viewport) {
      double target = Math.max(0, Math.min(b.getMinY() - 8, contentHeight - viewport));
      scroll.setVvalue(target / (contentHeight - viewport));
    }
  }

  Node root() {
    return root;
  }

  /** The findings pane: laid out by the window under the SOAP columns (full width), never a dialog. */
  Node findingsRoot() {
    return findingsRoot;
  }

  SearchPopover<SearchHit> popover() {
    return popover;
  }

  /** True when the node is part of this pane (for the window's context keys). */
  boolean owns(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (n == root || n == findingsRoot) {
        return true;
      }
    }
    return false;
  }

  /** What runs after the Rp groups were saved as a stamp (the stamp list reloads). */
  void onStampSaved(Runnable action) {
    this.onStampSaved = action;
  }

  void focusSearch() {
    search.requestFocus();
  }

  /** Puts the keyboard on the first unresolved finding's reason or acknowledgement. */
  void focusFindings() {
    int first = vm.unresolved().isEmpty() ? 1 : vm.unresolved().get(0);
    Node n = findings.lookup("#rxOverride" + first);
    if (n == null) {
      n = findings.lookup("#rxAck" + first);
    }
    if (n != null) {
      n.requestFocus();
    }
  }

  private void onKey(KeyEvent e) {
    if (e.isShortcutDown() && !e.isShiftDown() && e.getCode() == KeyCode.G) {
      vm.toggleGeneric();
      e.consume();
    } else if (e.isShortcutDown() && !e.isShiftDown() && e.getCode() == KeyCode.K) {
      vm.newGroup();
      search.requestFocus();
      e.consume();
    } else if (e.isShortcutDown() && !e.isShiftDown() && e.getCode() == KeyCode.B) {
      stampKeyword.requestFocus();
      e.consume();
    } else if (e.isShortcutDown() && !e.isShiftDown() && e.getCode() == KeyCode.J) {
      focusFindings();
      e.consume();
    } else if (e.isShortcutDown() && e.isShiftDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
      vm.move(e.getCode() == KeyCode.UP ? -1 : 1);
      lines.requestFocus();
      e.consume();
    } else if (e.getCode() == KeyCode.DELETE && lines.isFocused()) {
      vm.removeSelected();
      e.consume();
    }
  }

  // ---- title: state, 院外/院内, refill, demo table ---------------------------------------------------

  private Node titleBar() {
    Label title = new Label(i18n.text("rx.title"));
    title.getStyleClass().add("soap-caption");
    Label state = new Label();
    state.setId("rxState");
    state.textProperty().bind(vm.stateProperty());
    state.getStyleClass().add("chart-state");
    ComboBox<DispensingKind> kind = new ComboBox<>();
    kind.setId("rxKind");
    kind.getItems().addAll(DispensingKind.values());
    kind.setConverter(converter(k -> i18n.text("rx.kind." + k)));
    kind.setValue(vm.kindProperty().get());
    vm.kindProperty().addListener((obs, was, now) -> kind.setValue(now));
    kind.valueProperty().addListener((obs, was, now) -> {
      if (now != null && now != vm.kindProperty().get()) {
        vm.setKind(now);
        kind.setValue(vm.kindProperty().get());
      }
    });
    ComboBox<Integer> refills = new ComboBox<>();
    refills.setId("rxRefills");
    refills.getItems().addAll(0, 2, 3);
    refills.setConverter(converter(n -> n == 0 ? i18n.text("rx.refill.none") : i18n.text("rx.refill.count", n)));
    refills.setValue(0);
    vm.refillsProperty().addListener((obs, was, now) -> refills.setValue(now.intValue()));
    refills.valueProperty().addListener((obs, was, now) -> {
      if (now != null && now != vm.refillsProperty().get()) {
        vm.setRefills(now);
        refills.setValue(vm.refillsProperty().get());
      }
    });
    for (Node n : List.of(kind, refills)) {
      ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
      n.disableProperty().bind(vm.editableProperty().not().or(n == refills
          ? vm.kindProperty().isNotEqualTo(DispensingKind.OUTSIDE) : vm.editableProperty().not()));
    }
    title.setMinWidth(Region.USE_PREF_SIZE);
    FlowPane bar = new FlowPane(6, 4, title, state, kind, refills);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  // ---- the Rp list -------------------------------------------------------------------------------

  private Node list() {
    lines.setId("rxLines");
    lines.setItems(vm.lines());
    lines.setPrefHeight(120);
    lines.setMinHeight(70);
    lines.setPlaceholder(new Label(i18n.text("rx.lines.empty")));
    lines.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(ChartRxViewModel.Line line, boolean empty) {
        super.updateItem(line, empty);
        getStyleClass().removeAll("rx-group-line", "rx-flagged");
        if (empty || line == null) {
          setText(null);
          return;
        }
        setText(line.header() ? line.text() : "　　" + line.text());
        if (line.header()) {
          getStyleClass().add("rx-group-line");
        }
        if (line.flagged()) {
          getStyleClass().add("rx-flagged");
        }
      }
    });
    lines.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
      if (now != null && !filling) {
        vm.select(now.group(), now.item());
      }
    });
    return lines;
  }

  private void selectLine() {
    int g = vm.selectedGroupProperty().get();
    int i = vm.selectedItemProperty().get();
    for (int k = 0; k < vm.lines().size(); k++) {
      ChartRxViewModel.Line l = vm.lines().get(k);
      if (l.group() == g && l.item() == i) {
        filling = true;
        try {
          lines.getSelectionModel().select(k);
          lines.scrollTo(k);
        } finally {
          filling = false;
        }
        return;
      }
    }
  }

  // ---- fields of the selected group and drug -----------------------------------------------------

  private Node groupFields() {
    route.setId("rxRoute");
    route.getItems().addAll(RouteKind.values());
    route.setConverter(converter(r -> i18n.text("rx.route." + r)));
    route.valueProperty().addListener((obs, was, now) -> {
      if (!filling && now != null) {
        vm.setRoute(now);
      }
    });
    usage.setId("rxUsage");
    usage.setItems(vm.usages());
    usage.setConverter(converter(u -> u.text()));
    usage.setPrefWidth(170);
    usage.valueProperty().addListener((obs, was, now) -> {
      if (!filling && now != null) {
        vm.setUsage(now.code());
      }
    });
    usageNote.setId("rxUsageNote");
    usageNote.setPromptText(i18n.text("rx.usageNote.prompt"));
    usageNote.setPrefColumnCount(8);
    commit(usageNote, vm::setUsageNote);
    days.setId("rxDays");
    days.setPrefColumnCount(3);
    commit(days, vm::setDays);
    groupComment.setId("rxGroupComment");
    groupComment.setPromptText(i18n.text("rx.comment.prompt"));
    groupComment.setPrefColumnCount(8);
    commit(groupComment, vm::setGroupComment);
    Label error = bound("rxGroupError", vm.groupErrorProperty());
    HBox daysBox = new HBox(4, daysCaption, days);
    daysBox.setAlignment(Pos.CENTER_LEFT);
    FlowPane row = new FlowPane(6, 4, route, usage, daysBox, usageNote, groupComment);
    row.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(2, row, error);
    box.setId("rxGroupBox");
    box.disableProperty().bind(vm.selectedGroupProperty().lessThan(0).or(vm.editableProperty().not()));
    return box;
  }

  private Node itemFields() {
    dose.setId("rxDose");
    dose.setPromptText(i18n.text("rx.dose.prompt"));
    dose.setPrefColumnCount(4);
    commit(dose, vm::setDose);
    perDay.setId("rxPerDay");
    perDay.setPromptText(i18n.text("rx.perDay.prompt"));
    perDay.setPrefColumnCount(4);
    commit(perDay, vm::setPerDay);
    unit.setId("rxUnit");
    generic.setId("rxGeneric");
    generic.setText(i18n.text("rx.flag.generic"));
    generic.setOnAction(e -> {
      if (!filling) {
        vm.toggleGeneric();
        fill();
      }
    });
    genericName.setId("rxGenericName");
    genericName.getStyleClass().add("hint");
    noSubstitution.setId("rxNoSubstitution");
    noSubstitution.setText(i18n.text("rx.flag.noSubstitution"));
    noSubstitution.setOnAction(e -> vm.toggleNoSubstitution());
    patientRequest.setId("rxPatientRequest");
    patientRequest.setText(i18n.text("rx.flag.patientRequest"));
    patientRequest.setOnAction(e -> vm.togglePatientRequest());
    selectedCare.setId("rxSelectedCare");
    selectedCare.setText(i18n.text("rx.flag.selectedCare"));
    selectedCare.setOnAction(e -> vm.toggleSelectedCare());
    itemComment.setId("rxItemComment");
    itemComment.setPromptText(i18n.text("rx.comment.prompt"));
    itemComment.setPrefColumnCount(8);
    commit(itemComment, vm::setItemComment);
    Label error = bound("rxItemError", vm.itemErrorProperty());
    HBox amounts = new HBox(4, dose, perDay, unit);
    amounts.setAlignment(Pos.CENTER_LEFT);
    FlowPane row = new FlowPane(8, 4, amounts, generic, noSubstitution, patientRequest, selectedCare, itemComment);
    row.setAlignment(Pos.CENTER_LEFT);
    itemName.setId("rxItemName");
    itemName.getStyleClass().add("soap-caption");
    VBox box = new VBox(2, itemName, row, genericName, error);
    box.setId("rxItemBox");
    box.disableProperty().bind(vm.selectedItemProperty().lessThan(0).or(vm.editableProperty().not()));
    return box;
  }

  private void commit(TextField field, java.util.function.Consumer<String> setter) {
    field.textProperty().addListener((obs, was, now) -> {
      if (!filling) {
        setter.accept(now);
      }
    });
  }

  /** Shows the selected group's and drug's values in the fields (without feeding them back). */
  private void fill() {
    filling = true;
    try {
      RpGroup g = vm.selectedGroup().orElse(null);
      route.setValue(g == null ? null : g.route());
      usage.setValue(g == null ? null : vm.usages().stream().filter(u -> u.code().equals(g.usageCode())).findFirst().orElse(null));
      setIfDifferent(usageNote, g == null ? "" : g.usageNote());
      boolean asNeeded = g != null && g.route() == RouteKind.AS_NEEDED;
      daysCaption.setText(i18n.text(asNeeded ? "rx.times" : "rx.days"));
      Integer n = g == null ? null : asNeeded ? g.times() : g.days();
      if (!sameNumber(days.getText(), n)) {
        days.setText(n == null ? "" : n.toString());
      }
      setIfDifferent(groupComment, g == null ? "" : g.comment());
      RxItem i = vm.selectedItem().orElse(null);
      if (i == null || !sameDecimal(dose.getText(), i.dose())) {
        dose.setText(i == null || i.dose() == null ? "" : i.dose().toPlainString());
      }
      if (i == null || !sameDecimal(perDay.getText(), i.perDay())) {
        perDay.setText(i == null || i.perDay() == null ? "" : i.perDay().toPlainString());
      }
      unit.setText(i == null ? "" : i.unit());
      itemName.setText(i == null ? "" : i18n.text("rx.item.selected", i.name().isEmpty() ? i.drugCode() : i.name()));
      generic.setSelected(i != null && i.generic());
      String notation = i == null ? "" : !i.genericName().isEmpty() ? i.genericName()
          : vm.record(i.drugCode()).map(d -> d.genericPrescriptionName() == null ? "" : d.genericPrescriptionName()).orElse("");
      boolean hasGeneric = i != null && vm.record(i.drugCode()).map(d -> d.genericNameCode() != null && !d.genericNameCode().isBlank())
          .orElse(false);
      generic.setDisable(!hasGeneric);
      genericName.setText(notation.isEmpty() ? "" : i18n.text(i.generic() ? "rx.generic.on" : "rx.generic.available", notation));
      noSubstitution.setSelected(i != null && i.noSubstitution());
      patientRequest.setSelected(i != null && i.patientRequest());
      selectedCare.setSelected(i != null && i.selectedCare());
      setIfDifferent(itemComment, i == null ? "" : i.comment());
    } finally {
      filling = false;
    }
  }

  private static void setIfDifferent(TextField f, String text) {
    if (!f.getText().equals(text)) {
      f.setText(text);
    }
  }

  private static boolean sameNumber(String text, Integer n) {
    String t = text == null ? "" : text.strip();
    if (n == null) {
      return t.isEmpty();
    }
    return t.equals(n.toString());
  }

  private static boolean sameDecimal(String text, java.math.BigDecimal d) {
    String t = text == null ? "" : text.strip();
    if (d == null) {
      return t.isEmpty();
    }
    try {
      return new java.math.BigDecimal(t).compareTo(d) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  // ---- findings ----------------------------------------------------------------------------------

  private Node findingsPane() {
    findings.setId("rxFindings");
    findings.setPadding(new Insets(4));
    ScrollPane scroll = new ScrollPane(findings);
    scroll.setId("rxFindingsScroll");
    keepFocusedVisible(scroll, findings);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.prefHeightProperty().bind(Bindings.when(Bindings.isEmpty(vm.findings())).then(0.0).otherwise(170.0));
    scroll.minHeightProperty().bind(Bindings.when(Bindings.isEmpty(vm.findings())).then(0.0).otherwise(120.0));
    scroll.visibleProperty().bind(Bindings.isNotEmpty(vm.findings()));
    scroll.managedProperty().bind(scroll.visibleProperty());
    Label title = new Label();
    title.setId("rxFindingsTitle");
    title.getStyleClass().add("soap-caption");
    titleLabel = title;
    Label demo = new Label(i18n.text("rx.table.demo"));
    demo.setId("rxDemoTable");
    demo.getStyleClass().addAll("chart-badge", "badge-warning");
    demo.setMinWidth(Region.USE_PREF_SIZE);
    demo.visibleProperty().bind(vm.demoTableProperty().and(vm.openProperty()));
    demo.managedProperty().bind(demo.visibleProperty());
    FlowPane head = new FlowPane(10, 2, title, demo);
    head.setAlignment(Pos.CENTER_LEFT);
    renderFindings();
    VBox pane = new VBox(2, head, scroll);
    pane.setId("rxFindingsPane");
    pane.getStyleClass().add("rx-findings");
    pane.visibleProperty().bind(vm.openProperty());
    pane.managedProperty().bind(pane.visibleProperty());
    return pane;
  }

  private void renderFindings() {
    List<ChartRxViewModel.FindingRow> rows = List.copyOf(vm.findings());
    List<String> keys = rows.stream().map(ChartRxViewModel.FindingRow::key).toList();
    if (keys.equals(renderedKeys)) {
      for (int k = 0; k < rows.size(); k++) {
        Label mark = (Label) findings.lookup("#rxFindingState" + (k + 1));
        boolean resolved = rows.get(k).resolved();
        mark.setText(i18n.text(resolved ? "rx.finding.resolved" : "rx.finding.open"));
        mark.getStyleClass().setAll("label", resolved ? "info" : "message");
      }
      titleLabel.setText(findingsTitle(rows));
      return;
    }
    renderedKeys = keys;
    Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
    String focusedId = focused != null && findings.getChildren().stream().anyMatch(c -> isInside(focused, c)) ? focused.getId() : null;
    findings.getChildren().clear();
    titleLabel.setText(findingsTitle(rows));
    for (int k = 0; k < rows.size(); k++) {
      findings.getChildren().add(findingRow(k + 1, rows.get(k)));
    }
    if (focusedId != null) {
      Node again = findings.lookup("#" + focusedId);
      if (again != null) {
        again.requestFocus();
        if (again instanceof ComboBox<?> c && c.getEditor() != null) {
          c.getEditor().end();
        }
      }
    }
  }

  private String findingsTitle(List<ChartRxViewModel.FindingRow> rows) {
    return rows.isEmpty() ? i18n.text("rx.findings.none") : i18n.text("rx.findings.title", rows.size(), vm.unresolved().size());
  }

  private static boolean isInside(Node node, Node container) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (n == container) {
        return true;
      }
    }
    return false;
  }

  private Node findingRow(int number, ChartRxViewModel.FindingRow row) {
    boolean contra = row.needsReason();
    Label level = new Label(i18n.text("rx.level." + row.finding().level()));
    level.getStyleClass().addAll("chart-badge", contra ? "badge-danger" : "badge-warning");
    level.setMinWidth(Region.USE_PREF_SIZE);
    Label text = new Label(number + ". " + row.text());
    text.setId("rxFinding" + number);
    text.setWrapText(true);
    HBox head = new HBox(6, level, text);
    head.setAlignment(Pos.TOP_LEFT);
    HBox.setHgrow(text, Priority.ALWAYS);
    Label action = new Label(row.action());
    action.getStyleClass().add("hint");
    action.setWrapText(true);
    Node resolve;
    if (contra) {
      ComboBox<String> reason = new ComboBox<>();
      reason.setId("rxOverride" + number);
      reason.setEditable(true);
      reason.getEditor().setId("rxOverride" + number + "Text");
      for (String key : ChartRxViewModel.STANDARD_REASON_KEYS) {
        reason.getItems().add(i18n.text(key));
      }
      reason.setPromptText(i18n.text("rx.override.prompt"));
      reason.getEditor().setText(vm.reason(row.key()));
      reason.setPrefWidth(260);
      reason.getEditor().textProperty().addListener((obs, was, now) -> vm.setReason(row.key(), now));
      reason.valueProperty().addListener((obs, was, now) -> {
        if (now != null) {
          vm.setReason(row.key(), now);
        }
      });
      resolve = reason;
    } else {
      CheckBox ack = new CheckBox(i18n.text("rx.ack"));
      ack.setId("rxAck" + number);
      ack.setSelected(row.resolved());
      ack.setOnAction(e -> vm.acknowledge(row.key(), ack.isSelected()));
      resolve = ack;
    }
    Label mark = new Label(row.resolved() ? i18n.text("rx.finding.resolved") : i18n.text("rx.finding.open"));
    mark.setId("rxFindingState" + number);
    mark.getStyleClass().add(row.resolved() ? "info" : "message");
    HBox line = new HBox(8, resolve, mark);
    line.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(2, head, action, line);
    box.getStyleClass().add("rx-finding");
    return box;
  }

  // ---- 確定 ---------------------------------------------------------------------------------------

  private Node signBar() {
    amendReason.setId("rxAmendReason");
    amendReason.setPromptText(i18n.text("rx.reason.prompt"));
    amendReason.textProperty().bindBidirectional(vm.amendReasonProperty());
    amendReason.visibleProperty().bind(vm.baseRevisionProperty().greaterThan(0).and(vm.editableProperty()));
    amendReason.managedProperty().bind(amendReason.visibleProperty());
    HBox.setHgrow(amendReason, Priority.ALWAYS);
    Button sign = new Button();
    sign.setId("rxSignButton");
    sign.textProperty().bind(Bindings.when(vm.baseRevisionProperty().greaterThan(0)).then(i18n.text("rx.key.amend"))
        .otherwise(i18n.text("rx.key.sign")));
    sign.setOnAction(e -> vm.sign());
    sign.setFocusTraversable(false);
    sign.disableProperty().bind(vm.editableProperty().not());
    sign.setVisible(vm.mayPrescribe());
    sign.setManaged(vm.mayPrescribe());
    stampKeyword.setId("rxStampKeyword");
    stampKeyword.setPromptText(i18n.text("rx.stamp.prompt"));
    stampKeyword.setPrefColumnCount(9);
    stampKeyword.setOnAction(e -> vm.saveAsStamp(stampKeyword.getText(), () -> {
      stampKeyword.clear();
      onStampSaved.run();
    }));
    stampKeyword.setVisible(vm.mayPrescribe());
    stampKeyword.setManaged(vm.mayPrescribe());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(8, amendReason, spacer, stampKeyword, sign);
    bar.setAlignment(Pos.CENTER_LEFT);
    Label message = bound("rxMessage", vm.messageProperty());
    message.getStyleClass().setAll("label", "message");
    Label info = bound("rxInfo", vm.infoProperty());
    info.getStyleClass().setAll("label", "info");
    return new VBox(2, bar, message, info);
  }

  private static Label bound(String id, javafx.beans.property.StringProperty text) {
    Label l = new Label();
    l.setId(id);
    l.textProperty().bind(text);
    l.getStyleClass().add("message");
    l.setWrapText(true);
    l.visibleProperty().bind(text.isNotEmpty());
    l.managedProperty().bind(l.visibleProperty());
    return l;
  }

  private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
    return new StringConverter<>() {
      @Override
      public String toString(T t) {
        return t == null ? "" : text.apply(t);
      }

      @Override
      public T fromString(String s) {
        return null;
      }
    };
  }
}
