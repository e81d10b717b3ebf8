package jp.tsumugi.ui.chart;

import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.binding.Bindings;
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
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import jp.tsumugi.app.chart.Allergy;
import jp.tsumugi.app.chart.AllergySeverity;
import jp.tsumugi.app.chart.ChartRecordKind;
import jp.tsumugi.app.chart.Contraindication;
import jp.tsumugi.app.chart.FactRevision;
import jp.tsumugi.app.chart.Infection;
import jp.tsumugi.app.chart.InfectionAgent;
import jp.tsumugi.app.chart.InfectionResult;
import jp.tsumugi.app.chart.ProblemCourse;
import jp.tsumugi.app.chart.ProblemOutcome;
import jp.tsumugi.app.chart.ProblemRevision;
import jp.tsumugi.app.master.search.SearchEntry;
import jp.tsumugi.ui.fx.I18n;

/**
 * The right-hand panel's editing parts (docs/adr/0028): under the problem list, 転帰/削除 of the selected
 * problem and the add form (disease search in the official master); the アレルギー等 tab with the current
 * allergies, contraindications and infections and their add form. Enter adds; nothing opens a dialog.
 */
final class ChartRecordsPanel {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final ChartRecordsViewModel vm;
  private final I18n i18n;
  private final TextField problemInput = new TextField();
  private final ListView<SearchEntry> hits = new ListView<>();
  private final ListView<FactRevision> factList = new ListView<>();
  private final TextField factName = new TextField();

  ChartRecordsPanel(ChartRecordsViewModel vm, I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
  }

  /** The problems tab: the list, then 転帰/削除 of the selection, then the add form. */
  Node problemsPane(ListView<ProblemRevision> list) {
    ComboBox<ProblemOutcome> outcome = combo("problemOutcome", List.of(ProblemOutcome.CURED, ProblemOutcome.DISCONTINUED,
        ProblemOutcome.TRANSFERRED, ProblemOutcome.DIED, ProblemOutcome.NONE), o -> i18n.text("chart.problem.outcomeChoice." + o.name()));
    outcome.valueProperty().bindBidirectional(vm.outcomeProperty());
    TextField outcomeDate = field("problemOutcomeDate", vm.outcomeDateProperty(), "chart.problem.outcomeDate");
    outcomeDate.setPrefColumnCount(8);
    TextField reason = field("problemReason", vm.reasonProperty(), "chart.problem.reason");
    Button end = new Button(i18n.text("chart.problem.end"));
    end.setId("problemEndButton");
    end.setOnAction(e -> vm.endProblem(list.getSelectionModel().getSelectedItem()));
    Button delete = new Button(i18n.text("chart.problem.delete"));
    delete.setId("problemDeleteButton");
    delete.setOnAction(e -> vm.deleteProblem(list.getSelectionModel().getSelectedItem()));
    end.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
    delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
    Button history = new Button(i18n.text("chart.recordHistory.button"));
    history.setId("problemHistoryButton");
    history.setOnAction(e -> vm.showProblemHistory(list.getSelectionModel().getSelectedItem(), this::describeProblem));
    history.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
    FlowPane selected = new FlowPane(6, 4, outcome, outcomeDate, reason, end, delete, history);

    problemInput.setId("problemInput");
    problemInput.setPromptText(i18n.text("chart.problem.prompt"));
    problemInput.setPrefColumnCount(10);
    factName.setPrefColumnCount(10);
    problemInput.textProperty().bindBidirectional(vm.problemTextProperty());
    problemInput.textProperty().addListener((obs, was, now) -> vm.searchDisease(now));
    hits.setId("problemHits");
    hits.setItems(vm.hits());
    hits.setPrefHeight(130);
    hits.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(SearchEntry item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : item.name() + "  " + item.code());
      }
    });
    hits.visibleProperty().bind(Bindings.isNotEmpty(vm.hits()));
    hits.managedProperty().bind(hits.visibleProperty());
    problemInput.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER) {
        if (e.isShiftDown()) {
          vm.addUncoded();
        } else {
          vm.addTyped(hits.getItems().isEmpty() ? null : hits.getItems().get(0));
        }
        e.consume();
      } else if (e.getCode() == KeyCode.DOWN && !hits.getItems().isEmpty()) {
        hits.requestFocus();
        hits.getSelectionModel().selectFirst();
        e.consume();
      }
    });
    hits.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER && hits.getSelectionModel().getSelectedItem() != null) {
        vm.addProblem(hits.getSelectionModel().getSelectedItem());
        problemInput.requestFocus();
        e.consume();
      }
    });
    CheckBox main = new CheckBox(i18n.text("chart.problem.mainFlag"));
    main.setId("problemMain");
    main.selectedProperty().bindBidirectional(vm.mainProperty());
    CheckBox suspected = new CheckBox(i18n.text("chart.problem.suspectedFlag"));
    suspected.setId("problemSuspected");
    suspected.selectedProperty().bindBidirectional(vm.suspectedProperty());
    ComboBox<ProblemCourse> course = combo("problemCourse", List.of(ProblemCourse.values()),
        c -> i18n.text("chart.problem.course." + c.name()));
    course.valueProperty().bindBidirectional(vm.courseProperty());
    TextField start = field("problemStart", vm.startProperty(), "chart.problem.start");
    start.setPrefColumnCount(8);
    FlowPane flags = new FlowPane(8, 4, main, suspected, course, new Label(i18n.text("chart.problem.startLabel")), start);
    flags.setAlignment(Pos.CENTER_LEFT);
    Label hint = new Label(i18n.text("chart.problem.addHint"));
    hint.getStyleClass().add("hint");
    hint.setWrapText(true);
    hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    VBox add = new VBox(4, problemInput, hits, flags, hint);
    TitledPane addPane = new TitledPane(i18n.text("chart.problem.addTitle"), add);
    addPane.setId("problemAddPane");
    addPane.setCollapsible(false);
    TitledPane selectedPane = new TitledPane(i18n.text("chart.problem.selectedTitle"), selected);
    selectedPane.setCollapsible(false);

    VBox.setVgrow(list, Priority.ALWAYS);
    list.setMinHeight(120);
    VBox box = new VBox(6, list, selectedPane, addPane, messages());
    box.setPadding(new Insets(4));
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.setFitToHeight(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    return scroll;
  }

  /** The アレルギー等 tab. */
  Tab factsTab() {
    factList.setId("factList");
    factList.setItems(vm.factRows());
    factList.setPlaceholder(new Label(i18n.text("chart.fact.empty")));
    factList.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(FactRevision f, boolean empty) {
        super.updateItem(f, empty);
        getStyleClass().remove("fact-danger");
        if (empty || f == null) {
          setText(null);
          return;
        }
        setText(describe(f));
        if (f.kind() != ChartRecordKind.INFECTION) {
          getStyleClass().add("fact-danger");
        }
      }
    });
    TextField reason = field("factReason", vm.reasonProperty(), "chart.problem.reason");
    Button delete = new Button(i18n.text("chart.fact.delete"));
    delete.setId("factDeleteButton");
    delete.setOnAction(e -> vm.deleteFact(factList.getSelectionModel().getSelectedItem()));
    delete.disableProperty().bind(factList.getSelectionModel().selectedItemProperty().isNull());
    HBox.setHgrow(reason, Priority.ALWAYS);
    Button history = new Button(i18n.text("chart.recordHistory.button"));
    history.setId("factHistoryButton");
    history.setOnAction(e -> vm.showFactHistory(factList.getSelectionModel().getSelectedItem(), this::describe));
    history.disableProperty().bind(factList.getSelectionModel().selectedItemProperty().isNull());
    HBox deleteRow = new HBox(6, reason, delete, history);

    ComboBox<ChartRecordsViewModel.FactChoice> kind = combo("factKind", List.of(ChartRecordsViewModel.FactChoice.values()),
        k -> i18n.text("chart.fact.kind." + k.name()));
    kind.valueProperty().bindBidirectional(vm.factChoiceProperty());
    factName.setId("factName");
    factName.textProperty().bindBidirectional(vm.factNameProperty());
    factName.promptTextProperty().bind(Bindings.createStringBinding(() -> i18n.text(
        vm.factChoiceProperty().get() == ChartRecordsViewModel.FactChoice.INFECTION ? "chart.fact.agentTextPrompt"
            : "chart.fact.namePrompt"), vm.factChoiceProperty()));
    TextField code = field("factCode", vm.factCodeProperty(), "chart.fact.codePrompt");
    TextField text = field("factText", vm.factTextProperty(), "chart.fact.textPrompt");
    text.promptTextProperty().unbind();
    text.promptTextProperty().bind(Bindings.createStringBinding(() -> i18n.text(
        vm.factChoiceProperty().get() == ChartRecordsViewModel.FactChoice.CONTRAINDICATION ? "chart.fact.reasonPrompt"
            : "chart.fact.textPrompt"), vm.factChoiceProperty()));
    ComboBox<AllergySeverity> severity = combo("factSeverity", List.of(AllergySeverity.values()),
        s -> i18n.text("chart.fact.severity." + s.name()));
    severity.valueProperty().bindBidirectional(vm.severityProperty());
    ComboBox<InfectionAgent> agent = combo("factAgent", List.of(InfectionAgent.values()), a -> agentName(a));
    agent.valueProperty().bindBidirectional(vm.agentProperty());
    ComboBox<InfectionResult> result = combo("factResult", List.of(InfectionResult.values()),
        r -> i18n.text("chart.fact.result." + r.name()));
    result.valueProperty().bindBidirectional(vm.resultProperty());
    TextField date = field("factDate", vm.factDateProperty(), "chart.fact.datePrompt");
    Button add = new Button(i18n.text("chart.fact.add"));
    add.setId("factAddButton");
    add.setOnAction(e -> vm.addFact());

    var isInfection = vm.factChoiceProperty().isEqualTo(ChartRecordsViewModel.FactChoice.INFECTION);
    var isContra = vm.factChoiceProperty().isEqualTo(ChartRecordsViewModel.FactChoice.CONTRAINDICATION);
    show(agent, isInfection);
    show(result, isInfection);
    show(date, isInfection);
    show(severity, isInfection.not().and(isContra.not()));
    show(text, isInfection.not());
    show(code, isInfection.not());
    factName.visibleProperty().bind(isInfection.not().or(vm.agentProperty().isEqualTo(InfectionAgent.OTHER)));
    factName.managedProperty().bind(factName.visibleProperty());
    for (TextField f : List.of(factName, code, text, date)) {
      f.setOnAction(e -> vm.addFact());
    }
    VBox form = new VBox(4, kind, factName, code, text, new FlowPane(6, 4, severity, agent, result, date), add);
    TitledPane addPane = new TitledPane(i18n.text("chart.fact.addTitle"), form);
    addPane.setCollapsible(false);
    VBox.setVgrow(factList, Priority.ALWAYS);
    VBox box = new VBox(6, factList, deleteRow, addPane, messages());
    box.setPadding(new Insets(4));
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.setFitToHeight(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    Tab tab = new Tab(i18n.text("chart.tab.facts"), scroll);
    tab.setId("chartTabFacts");
    return tab;
  }

  private Node messages() {
    Label message = new Label();
    message.setId("recordsMessage");
    message.getStyleClass().add("message");
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());
    Label info = new Label();
    info.setId("recordsInfo");
    info.getStyleClass().add("info");
    info.setWrapText(true);
    info.textProperty().bind(vm.infoProperty());
    return new VBox(2, message, info);
  }

  /** A problem in one line: 主病, name, 疑い, 急性/慢性, start, 転帰 with its date. */
  String describeProblem(jp.tsumugi.app.chart.Problem p) {
    StringBuilder s = new StringBuilder();
    if (p.mainDisease()) {
      s.append(i18n.text("chart.problem.main"));
    }
    s.append(p.displayName());
    if (p.suspected()) {
      s.append(i18n.text("chart.problem.suspected"));
    }
    if (p.course() != ProblemCourse.NONE) {
      s.append("  ").append(i18n.text("chart.problem.course." + p.course().name()));
    }
    s.append("  ").append(DATE.format(p.startDate())).append(" 〜");
    if (!p.active()) {
      s.append(' ').append(p.outcomeDate() == null ? "" : DATE.format(p.outcomeDate())).append(' ')
          .append(i18n.text("chart.problem.outcome." + p.outcome().name()));
    }
    return s.toString();
  }

  private String describe(FactRevision f) {
    if (f.fact() instanceof Allergy a) {
      return i18n.text("chart.fact.kind." + a.allergyKind().name()) + "  " + a.name()
          + (a.reaction().isEmpty() ? "" : "（" + a.reaction() + "）") + "  " + i18n.text("chart.fact.severity." + a.severity().name());
    }
    if (f.fact() instanceof Contraindication c) {
      return i18n.text("chart.fact.kind.CONTRAINDICATION") + "  " + c.name() + "  " + c.ingredientCode()
          + (c.reason().isEmpty() ? "" : "（" + c.reason() + "）");
    }
    Infection i = (Infection) f.fact();
    return i18n.text("chart.fact.kind.INFECTION") + "  " + (i.agent() == InfectionAgent.OTHER ? i.agentText() : agentName(i.agent()))
        + "  " + i18n.text("chart.fact.result." + i.result().name()) + (i.testDate() == null ? "" : "  " + DATE.format(i.testDate()));
  }

  private String agentName(InfectionAgent a) {
    return a == InfectionAgent.OTHER ? i18n.text("chart.fact.agentOther") : i18n.text("chart.infection." + a.name());
  }

  private static void show(Node node, javafx.beans.binding.BooleanExpression when) {
    node.visibleProperty().bind(when);
    node.managedProperty().bind(when);
  }

  private TextField field(String id, javafx.beans.property.StringProperty value, String promptKey) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(i18n.text(promptKey));
    f.setPrefColumnCount(8);
    f.textProperty().bindBidirectional(value);
    return f;
  }

  private static <T> ComboBox<T> combo(String id, List<T> items, java.util.function.Function<T, String> label) {
    ComboBox<T> box = new ComboBox<>();
    box.setId(id);
    box.getItems().setAll(items);
    box.setConverter(new StringConverter<>() {
      @Override
      public String toString(T value) {
        return value == null ? "" : label.apply(value);
      }

      @Override
      public T fromString(String text) {
        return null;
      }
    });
    return box;
  }
}
