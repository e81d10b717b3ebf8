package jp.tsumugi.ui.chart;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.StringConverter;
import jp.tsumugi.app.chart.ChartSearchHit;
import jp.tsumugi.app.chart.Stamp;
import jp.tsumugi.app.chart.StampKind;
import jp.tsumugi.ui.fx.I18n;

/**
 * The stamps tab (list, insert, save from the editor's selection, delete) and the chart search overlay
 * (docs/adr/0028). The completion list for a typed keyword lives in the editor, not in a popup window.
 */
final class ChartToolsPanel {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final ChartToolsViewModel vm;
  private final I18n i18n;
  private final ListView<Stamp> stampList = new ListView<>();
  private final TextField searchField = new TextField();
  private final ListView<ChartSearchHit> searchHits = new ListView<>();

  ChartToolsPanel(ChartToolsViewModel vm, I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
  }

  String describe(Stamp s) {
    return s.keyword() + "  " + s.title() + "  " + i18n.text(s.shared() ? "chart.stamp.shared" : "chart.stamp.own") + "  "
        + i18n.text("chart.stamp.kind." + s.kind().name());
  }

  /** The stamps tab; {@code insert} puts a stamp's body into the SOAP field last used. */
  Tab stampsTab(Consumer<Stamp> insert, Supplier<String> selection, Supplier<StampKind> selectionKind) {
    stampList.setId("stampList");
    stampList.setItems(vm.stampList());
    stampList.setPlaceholder(new Label(i18n.text("chart.stamp.empty")));
    stampList.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(Stamp s, boolean empty) {
        super.updateItem(s, empty);
        setText(empty || s == null ? null : describe(s));
      }
    });
    stampList.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER && stampList.getSelectionModel().getSelectedItem() != null) {
        insert.accept(stampList.getSelectionModel().getSelectedItem());
        e.consume();
      }
    });
    stampList.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2 && stampList.getSelectionModel().getSelectedItem() != null) {
        insert.accept(stampList.getSelectionModel().getSelectedItem());
      }
    });
    Button delete = new Button(i18n.text("chart.stamp.delete"));
    delete.setId("stampDeleteButton");
    delete.setOnAction(e -> vm.deleteStamp(stampList.getSelectionModel().getSelectedItem()));
    delete.disableProperty().bind(stampList.getSelectionModel().selectedItemProperty().isNull());

    ComboBox<StampKind> kind = new ComboBox<>();
    kind.setId("stampKind");
    kind.getItems().setAll(StampKind.values());
    kind.setConverter(new StringConverter<>() {
      @Override
      public String toString(StampKind k) {
        return k == null ? "" : i18n.text("chart.stamp.kind." + k.name());
      }

      @Override
      public StampKind fromString(String s) {
        return null;
      }
    });
    kind.valueProperty().bindBidirectional(vm.kindProperty());
    TextField keyword = new TextField();
    keyword.setId("stampKeyword");
    keyword.setPromptText(i18n.text("chart.stamp.keywordPrompt"));
    keyword.setPrefColumnCount(6);
    keyword.textProperty().bindBidirectional(vm.keywordProperty());
    TextField title = new TextField();
    title.setId("stampTitle");
    title.setPromptText(i18n.text("chart.stamp.titlePrompt"));
    title.setPrefColumnCount(8);
    title.textProperty().bindBidirectional(vm.titleProperty());
    TextArea body = new TextArea();
    body.setId("stampBody");
    body.setPromptText(i18n.text("chart.stamp.bodyPrompt"));
    body.setPrefRowCount(3);
    body.setPrefColumnCount(10);
    body.setWrapText(true);
    body.textProperty().bindBidirectional(vm.bodyProperty());
    CheckBox shared = new CheckBox(i18n.text("chart.stamp.sharedFlag"));
    shared.setId("stampShared");
    shared.selectedProperty().bindBidirectional(vm.sharedProperty());
    shared.setVisible(vm.mayShareStamps());
    shared.setManaged(vm.mayShareStamps());
    Button fromSelection = new Button(i18n.text("chart.stamp.fromSelection"));
    fromSelection.setId("stampFromSelection");
    fromSelection.setOnAction(e -> vm.startStampFrom(selection.get(), selectionKind.get()));
    Button save = new Button(i18n.text("chart.stamp.save"));
    save.setId("stampSaveButton");
    save.setOnAction(e -> vm.saveStamp());
    HBox.setHgrow(keyword, Priority.ALWAYS);
    HBox.setHgrow(title, Priority.ALWAYS);
    HBox names = new HBox(4, keyword, title);
    HBox buttons = new HBox(6, shared, fromSelection, save);
    VBox form = new VBox(4, kind, names, body, buttons);
    TitledPane formPane = new TitledPane(i18n.text("chart.stamp.formTitle"), form);
    formPane.setCollapsible(false);
    Label hint = new Label(i18n.text("chart.stamp.hint"));
    hint.getStyleClass().add("hint");
    hint.setWrapText(true);
    hint.setMinHeight(Region.USE_PREF_SIZE);
    VBox.setVgrow(stampList, Priority.ALWAYS);
    VBox box = new VBox(6, hint, stampList, delete, formPane, messages());
    box.setPadding(new Insets(4));
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.setFitToHeight(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    Tab tab = new Tab(i18n.text("chart.tab.stamps"), scroll);
    tab.setId("chartTabStamps");
    tab.setOnSelectionChanged(e -> {
      if (tab.isSelected()) {
        vm.loadStamps();
      }
    });
    return tab;
  }

  private Node messages() {
    Label message = new Label();
    message.setId("stampMessage");
    message.getStyleClass().add("message");
    message.setWrapText(true);
    message.textProperty().bind(vm.stampMessageProperty());
    Label info = new Label();
    info.setId("stampInfo");
    info.getStyleClass().add("info");
    info.setWrapText(true);
    info.textProperty().bind(vm.stampInfoProperty());
    return new VBox(2, message, info);
  }

  /** The list of stamps a typed keyword starts with, shown under the editor until one is chosen or Esc. */
  ListView<Stamp> completionList(Consumer<Stamp> choose, Runnable cancel) {
    ListView<Stamp> list = new ListView<>(vm.completions());
    list.setId("stampCompletions");
    list.setPrefHeight(120);
    list.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(Stamp s, boolean empty) {
        super.updateItem(s, empty);
        setText(empty || s == null ? null : describe(s));
      }
    });
    list.visibleProperty().bind(Bindings.isNotEmpty(vm.completions()));
    list.managedProperty().bind(list.visibleProperty());
    list.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
        Stamp chosen = list.getSelectionModel().getSelectedItem();
        vm.closeCompletions();
        choose.accept(chosen);
        e.consume();
      } else if (e.getCode() == KeyCode.ESCAPE) {
        vm.closeCompletions();
        cancel.run();
        e.consume();
      }
    });
    return list;
  }

  /** The search overlay: a query, the newest hits with their snippet, Enter opens the visit. */
  Node searchPane(Consumer<ChartSearchHit> open) {
    Label title = new Label(i18n.text("chart.fulltext.title"));
    title.getStyleClass().add("section-title");
    searchField.setId("fulltextField");
    searchField.setPromptText(i18n.text("chart.fulltext.prompt"));
    searchField.setOnAction(e -> vm.search(searchField.getText()));
    searchField.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.DOWN && !searchHits.getItems().isEmpty()) {
        searchHits.requestFocus();
        searchHits.getSelectionModel().selectFirst();
        e.consume();
      }
    });
    Label status = new Label();
    status.setId("fulltextStatus");
    status.textProperty().bind(vm.searchStatusProperty());
    searchHits.setId("fulltextHits");
    searchHits.setItems(vm.hits());
    searchHits.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(ChartSearchHit h, boolean empty) {
        super.updateItem(h, empty);
        setText(null);
        setGraphic(empty || h == null ? null : hitNode(h));
      }
    });
    searchHits.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER && searchHits.getSelectionModel().getSelectedItem() != null) {
        open.accept(searchHits.getSelectionModel().getSelectedItem());
        e.consume();
      }
    });
    searchHits.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2 && searchHits.getSelectionModel().getSelectedItem() != null) {
        open.accept(searchHits.getSelectionModel().getSelectedItem());
      }
    });
    VBox.setVgrow(searchHits, Priority.ALWAYS);
    Label hint = new Label(i18n.text("chart.fulltext.hint"));
    hint.getStyleClass().add("hint");
    VBox pane = new VBox(8, title, searchField, status, searchHits, hint);
    pane.setId("fulltextPane");
    pane.getStyleClass().add("chart-overlay");
    pane.setPadding(new Insets(12));
    return pane;
  }

  void focusSearch() {
    searchField.requestFocus();
    searchField.selectAll();
  }

  private Node hitNode(ChartSearchHit h) {
    Label head = new Label(h.patientNumber() + "  " + h.patientName() + "  " + DATE.format(h.date()) + "  "
        + i18n.text("chart.fulltext.field." + h.field().name()));
    head.getStyleClass().add("timeline-head");
    TextFlow snippet = new TextFlow();
    snippet.getStyleClass().add("fulltext-snippet");
    String s = h.snippet();
    int at = 0;
    if (h.clippedStart()) {
      snippet.getChildren().add(new Text("…"));
    }
    for (ChartSearchHit.Range r : h.highlights()) {
      if (r.start() > at) {
        snippet.getChildren().add(new Text(s.substring(at, r.start())));
      }
      Text mark = new Text(s.substring(r.start(), r.end()));
      mark.getStyleClass().add("fulltext-mark");
      snippet.getChildren().add(mark);
      at = r.end();
    }
    if (at < s.length()) {
      snippet.getChildren().add(new Text(s.substring(at)));
    }
    if (h.clippedEnd()) {
      snippet.getChildren().add(new Text("…"));
    }
    return new VBox(2, head, snippet);
  }

  List<Node> focusables() {
    return List.of(searchField, searchHits, stampList);
  }
}
