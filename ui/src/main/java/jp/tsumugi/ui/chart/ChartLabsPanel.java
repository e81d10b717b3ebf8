package jp.tsumugi.ui.chart;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import jp.tsumugi.app.chart.AbnormalFlag;
import jp.tsumugi.app.chart.LabCsvImport;
import jp.tsumugi.app.chart.LabItem;
import jp.tsumugi.app.chart.LabPoint;
import jp.tsumugi.app.chart.LabRevision;
import jp.tsumugi.app.chart.ReferenceRange;
import jp.tsumugi.app.chart.VitalRevision;
import jp.tsumugi.app.chart.Vitals;
import jp.tsumugi.ui.fx.I18n;

/**
 * The 検査 and バイタル tabs of the chart window and the lab import overlay (docs/adr/0028). Abnormal values
 * are marked H/L/A in red; the trend graph is a JavaFX line chart of one test over time with its reference
 * range; the import preview lists every line with its problems, and only "accept" saves.
 */
final class ChartLabsPanel {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yy/MM");
  private static final String RANGE_LINE = "-fx-stroke: #c0392b; -fx-stroke-dash-array: 6 4; -fx-stroke-width: 1;";

  private final ChartLabsViewModel vm;
  private final I18n i18n;
  private final TableView<LabRevision> latest = new TableView<>();
  private final TextField importPath = new TextField();

  private final java.time.ZoneId zone;

  ChartLabsPanel(ChartLabsViewModel vm, I18n i18n, java.time.ZoneId zone) {
    this.vm = vm;
    this.i18n = i18n;
    this.zone = zone;
  }

  static String range(ReferenceRange r) {
    if (r == null) {
      return "";
    }
    if (!r.text().isEmpty()) {
      return r.text();
    }
    if (r.low() == null && r.high() == null) {
      return "";
    }
    return (r.low() == null ? "" : r.low().toPlainString()) + "–" + (r.high() == null ? "" : r.high().toPlainString());
  }

  Tab labsTab(Runnable openImport) {
    latest.setId("labLatest");
    latest.setItems(vm.latest());
    latest.setPlaceholder(new Label(i18n.text("chart.lab.empty")));
    latest.getColumns().add(column("chart.lab.col.test", 86, r -> r.testName()));
    TableColumn<LabRevision, String> valueColumn = column("chart.lab.col.value", 62,
        r -> r.result().value().display() + flagMark(r.flag()));
    valueColumn.setCellFactory(c -> new TableCell<>() {
      @Override
      protected void updateItem(String v, boolean empty) {
        super.updateItem(v, empty);
        getStyleClass().remove("lab-abnormal");
        setText(empty ? null : v);
        LabRevision r = empty || getTableRow() == null ? null : getTableRow().getItem();
        if (r != null && r.flag() != AbnormalFlag.N) {
          getStyleClass().add("lab-abnormal");
        }
      }
    });
    latest.getColumns().add(valueColumn);
    latest.getColumns().add(column("chart.lab.col.unit", 50, r -> r.result().unit()));
    latest.getColumns().add(column("chart.lab.col.range", 60, r -> range(r.result().range())));
    latest.getColumns().add(column("chart.lab.col.date", 48, r -> SHORT.format(r.result().specimenDate())));
    latest.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    latest.setRowFactory(t -> new TableRow<>());
    latest.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> vm.showTrend(now));
    latest.setPrefHeight(190);

    NumberAxis x = new NumberAxis();
    x.setForceZeroInRange(false);
    x.setAutoRanging(true);
    x.setTickLabelFormatter(new StringConverter<>() {
      @Override
      public String toString(Number n) {
        return SHORT.format(LocalDate.ofEpochDay(n.longValue()));
      }

      @Override
      public Number fromString(String s) {
        return 0;
      }
    });
    NumberAxis y = new NumberAxis();
    y.setForceZeroInRange(false);
    LineChart<Number, Number> chart = new LineChart<>(x, y);
    chart.setId("labTrend");
    chart.setAnimated(false);
    chart.setCreateSymbols(true);
    chart.setLegendVisible(false);
    chart.setPrefHeight(170);
    chart.setMinHeight(150);
    Label trendTitle = new Label(i18n.text("chart.lab.trendHint"));
    trendTitle.setId("labTrendTitle");
    trendTitle.getStyleClass().add("subsection-title");
    vm.series().addListener((javafx.collections.ListChangeListener<LabPoint>) c -> {
      chart.getData().clear();
      LabRevision test = vm.trendTestProperty().get();
      if (test == null) {
        trendTitle.setText(i18n.text("chart.lab.trendHint"));
        return;
      }
      XYChart.Series<Number, Number> values = new XYChart.Series<>();
      values.setName(test.testName());
      long numeric = 0;
      for (LabPoint p : vm.series()) {
        if (p.value() != null) {
          values.getData().add(new XYChart.Data<>(p.specimenDate().toEpochDay(), p.value()));
          numeric++;
        }
      }
      chart.getData().add(values);
      ReferenceRange r = test.result().range();
      if (numeric > 0 && r != null) {
        addLevel(chart, r.high());
        addLevel(chart, r.low());
      }
      trendTitle.setText(i18n.text(numeric == 0 ? "chart.lab.trendQualitative" : "chart.lab.trendTitle", test.testName(),
          vm.series().size(), test.result().unit()));
    });

    ComboBox<LabItem> item = new ComboBox<>(vm.catalogue());
    item.setId("labItem");
    item.setPromptText(i18n.text("chart.lab.itemPrompt"));
    item.setConverter(new StringConverter<>() {
      @Override
      public String toString(LabItem i) {
        return i == null ? "" : i.name() + (i.unit().isEmpty() ? "" : "（" + i.unit() + "）");
      }

      @Override
      public LabItem fromString(String s) {
        return null;
      }
    });
    item.valueProperty().bindBidirectional(vm.itemProperty());
    item.setPrefWidth(130);
    TextField value = new TextField();
    value.setId("labValue");
    value.setPromptText(i18n.text("chart.lab.valuePrompt"));
    value.setPrefColumnCount(5);
    value.textProperty().bindBidirectional(vm.valueProperty());
    TextField date = new TextField();
    date.setId("labDate");
    date.setPrefColumnCount(7);
    date.textProperty().bindBidirectional(vm.specimenDateProperty());
    value.setOnAction(e -> vm.addResult());
    date.setOnAction(e -> vm.addResult());
    Button add = new Button(i18n.text("chart.lab.add"));
    add.setId("labAddButton");
    add.setOnAction(e -> vm.addResult());
    Button importButton = new Button(i18n.text("chart.lab.import"));
    importButton.setId("labImportButton");
    importButton.setOnAction(e -> openImport.run());
    HBox entry = new HBox(4, item, value, date);
    HBox buttons = new HBox(6, add, importButton);
    TitledPane entryPane = new TitledPane(i18n.text("chart.lab.entryTitle"), new VBox(4, entry, buttons));
    entryPane.setCollapsible(false);

    VBox box = new VBox(6, latest, deleteRow("lab", () -> vm.deleteResult(latest.getSelectionModel().getSelectedItem()),
        () -> vm.showLabHistory(latest.getSelectionModel().getSelectedItem()), latest.getSelectionModel().selectedItemProperty().isNull()),
        trendTitle, chart, entryPane, messages("lab"));
    box.setPadding(new Insets(4));
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    Tab tab = new Tab(i18n.text("chart.tab.labs"), scroll);
    tab.setId("chartTabLabs");
    return tab;
  }

  private void addLevel(LineChart<Number, Number> chart, BigDecimal level) {
    if (level == null || vm.series().isEmpty()) {
      return;
    }
    XYChart.Series<Number, Number> line = new XYChart.Series<>();
    long first = vm.series().get(0).specimenDate().toEpochDay();
    long last = vm.series().get(vm.series().size() - 1).specimenDate().toEpochDay();
    line.getData().add(new XYChart.Data<>(first, level));
    line.getData().add(new XYChart.Data<>(last, level));
    chart.getData().add(line);
    // Inline, because the chart resets the series' style classes whenever another series is added.
    whenNode(line.getNode(), line.nodeProperty(), n -> n.setStyle(RANGE_LINE));
    for (XYChart.Data<Number, Number> d : line.getData()) {
      whenNode(d.getNode(), d.nodeProperty(), n -> n.setVisible(false));
    }
  }

  /** Runs {@code action} on the chart's node for a series or point, now or when the chart creates it. */
  private static void whenNode(Node now, javafx.beans.value.ObservableValue<Node> property, java.util.function.Consumer<Node> action) {
    if (now != null) {
      action.accept(now);
    }
    property.addListener((obs, was, created) -> {
      if (created != null) {
        action.accept(created);
      }
    });
  }

  private static String flagMark(AbnormalFlag flag) {
    return flag == null || flag == AbnormalFlag.N ? "" : " " + flag.name();
  }

  private TableColumn<LabRevision, String> column(String key, double width, java.util.function.Function<LabRevision, String> text) {
    TableColumn<LabRevision, String> c = new TableColumn<>(i18n.text(key));
    c.setPrefWidth(width);
    c.setSortable(false);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().result() == null ? "" : text.apply(d.getValue())));
    return c;
  }

  Tab vitalsTab() {
    Label summary = new Label(i18n.text("chart.vitals.none"));
    summary.setId("vitalsLatest");
    summary.setWrapText(true);
    summary.getStyleClass().add("vitals-latest");
    vm.latestVitalsProperty().addListener((obs, was, now) -> summary.setText(now == null ? i18n.text("chart.vitals.none")
        : describe(now.vitals())));
    ListView<VitalRevision> history = new ListView<>(vm.vitalSeries());
    history.setId("vitalsHistory");
    history.setPrefHeight(160);
    history.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(VitalRevision r, boolean empty) {
        super.updateItem(r, empty);
        setText(empty || r == null || r.vitals() == null ? null : describe(r.vitals()));
      }
    });
    GridPane form = new GridPane();
    form.setHgap(6);
    form.setVgap(4);
    int row = 0;
    form.addRow(row++, new Label(i18n.text("chart.vitals.bp")), vitalField("vitalSystolic", vm.systolicProperty()),
        new Label("/"), vitalField("vitalDiastolic", vm.diastolicProperty()));
    form.addRow(row++, new Label(i18n.text("chart.vitals.pulse")), vitalField("vitalPulse", vm.pulseProperty()),
        new Label(i18n.text("chart.vitals.spo2")), vitalField("vitalSpo2", vm.spo2Property()));
    form.addRow(row++, new Label(i18n.text("chart.vitals.temperature")), vitalField("vitalTemperature", vm.temperatureProperty()));
    form.addRow(row, new Label(i18n.text("chart.vitals.height")), vitalField("vitalHeight", vm.heightProperty()),
        new Label(i18n.text("chart.vitals.weight")), vitalField("vitalWeight", vm.weightProperty()));
    Button add = new Button(i18n.text("chart.vitals.add"));
    add.setId("vitalsAddButton");
    add.setOnAction(e -> vm.addVitals());
    TitledPane entry = new TitledPane(i18n.text("chart.vitals.entryTitle"), new VBox(6, form, add));
    entry.setCollapsible(false);
    VBox box = new VBox(6, summary, history, deleteRow("vital", () -> vm.deleteVitals(history.getSelectionModel().getSelectedItem()),
        () -> vm.showVitalsHistory(history.getSelectionModel().getSelectedItem(), this::describe),
        history.getSelectionModel().selectedItemProperty().isNull()), entry, messages("vitals"));
    box.setPadding(new Insets(4));
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    Tab tab = new Tab(i18n.text("chart.tab.vitals"), scroll);
    tab.setId("chartTabVitals");
    return tab;
  }

  /** A reason field and a delete button for the selected row (deletion is a tombstone; the history keeps it). */
  private Node deleteRow(String prefix, Runnable delete, Runnable showHistory, javafx.beans.binding.BooleanExpression nothingSelected) {
    TextField reason = new TextField();
    reason.setId(prefix + "Reason");
    reason.setPromptText(i18n.text("chart.problem.reason"));
    reason.setPrefColumnCount(8);
    reason.textProperty().bindBidirectional(vm.reasonProperty());
    HBox.setHgrow(reason, Priority.ALWAYS);
    Button button = new Button(i18n.text("chart.lab.delete"));
    button.setId(prefix + "DeleteButton");
    button.setOnAction(e -> delete.run());
    button.disableProperty().bind(nothingSelected);
    Button history = new Button(i18n.text("chart.recordHistory.button"));
    history.setId(prefix + "HistoryButton");
    history.setOnAction(e -> showHistory.run());
    history.disableProperty().bind(nothingSelected);
    return new HBox(6, reason, button, history);
  }

  private TextField vitalField(String id, javafx.beans.property.StringProperty value) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(4);
    f.textProperty().bindBidirectional(value);
    f.setOnAction(e -> vm.addVitals());
    return f;
  }

  /** "2026-11-25 BP 128/80 P 72 T 36.5 SpO2 98 身長 170.0 体重 65.0 BMI 22.5". */
  String describe(Vitals v) {
    StringBuilder s = new StringBuilder(DATE.format(v.measuredAt().atZone(zone)));
    if (v.systolic() != null || v.diastolic() != null) {
      s.append("  BP ").append(v.systolic() == null ? "-" : v.systolic()).append('/').append(v.diastolic() == null ? "-" : v.diastolic());
    }
    append(s, "P", v.pulse());
    append(s, "T", v.temperature());
    append(s, "SpO2", v.spo2());
    append(s, i18n.text("chart.vitals.height"), v.heightCm());
    append(s, i18n.text("chart.vitals.weight"), v.weightKg());
    append(s, "BMI", v.bmi());
    return s.toString();
  }

  private static void append(StringBuilder s, String label, Object value) {
    if (value != null) {
      s.append("  ").append(label).append(' ').append(value instanceof BigDecimal b ? b.toPlainString() : value);
    }
  }

  private Node messages(String prefix) {
    Label message = new Label();
    message.setId(prefix + "Message");
    message.getStyleClass().add("message");
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());
    Label info = new Label();
    info.setId(prefix + "Info");
    info.getStyleClass().add("info");
    info.setWrapText(true);
    info.textProperty().bind(vm.infoProperty());
    return new VBox(2, message, info);
  }

  /** The import overlay: a file path, the preview of every line, accept the clean lines. */
  Node importPane(Runnable close) {
    Label title = new Label(i18n.text("chart.labImport.title"));
    title.getStyleClass().add("section-title");
    Label layout = new Label(i18n.text("chart.labImport.layout", String.join(",", LabCsvImport.COLUMNS)));
    layout.getStyleClass().add("hint");
    layout.setWrapText(true);
    importPath.setId("labImportPath");
    importPath.setPromptText(i18n.text("chart.labImport.pathPrompt"));
    importPath.textProperty().bindBidirectional(vm.importPathProperty());
    importPath.setOnAction(e -> vm.previewImport());
    HBox.setHgrow(importPath, Priority.ALWAYS);
    Button read = new Button(i18n.text("chart.labImport.preview"));
    read.setId("labImportPreview");
    read.setOnAction(e -> vm.previewImport());
    HBox pathRow = new HBox(6, importPath, read);

    TableView<LabCsvImport.Line> lines = new TableView<>();
    lines.setId("labImportLines");
    lines.setPlaceholder(new Label(i18n.text("chart.labImport.nothing")));
    lines.getColumns().add(lineColumn("chart.labImport.col.line", 50, l -> Integer.toString(l.number())));
    lines.getColumns().add(lineColumn("chart.labImport.col.status", 80,
        l -> i18n.text(l.status() == LabCsvImport.Status.OK ? "chart.labImport.ok" : "chart.labImport.error")));
    lines.getColumns().add(lineColumn("chart.labImport.col.patient", 76, LabCsvImport.Line::patientNumber));
    lines.getColumns().add(lineColumn("chart.labImport.col.test", 70, LabCsvImport.Line::testCode));
    lines.getColumns().add(lineColumn("chart.labImport.col.value", 90,
        l -> l.result() == null ? "" : l.result().value().display() + " " + l.result().unit()));
    lines.getColumns().add(lineColumn("chart.labImport.col.problems", 420, l -> l.problems().stream()
        .map(p -> i18n.error(p.code()) + (p.column().isEmpty() ? "" : "（" + p.column() + "）")).collect(Collectors.joining(" / "))));
    lines.setRowFactory(t -> new TableRow<>() {
      @Override
      protected void updateItem(LabCsvImport.Line l, boolean empty) {
        super.updateItem(l, empty);
        getStyleClass().remove("import-error");
        if (!empty && l != null && l.status() == LabCsvImport.Status.ERROR) {
          getStyleClass().add("import-error");
        }
      }
    });
    Label fileProblems = new Label();
    fileProblems.setId("labImportFileProblems");
    fileProblems.getStyleClass().add("message");
    fileProblems.setWrapText(true);
    vm.previewProperty().addListener((obs, was, now) -> {
      lines.getItems().setAll(now == null ? List.of() : now.lines());
      fileProblems.setText(now == null ? "" : now.fileProblems().stream().map(p -> i18n.error(p.code()))
          .collect(Collectors.joining(" / ")));
    });
    VBox.setVgrow(lines, Priority.ALWAYS);
    Button accept = new Button(i18n.text("chart.labImport.accept"));
    accept.setId("labImportAccept");
    accept.setOnAction(e -> vm.acceptImport());
    accept.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> vm.previewProperty().get() == null
        || vm.previewProperty().get().okCount() == 0 || !vm.previewProperty().get().fileProblems().isEmpty(), vm.previewProperty()));
    Button back = new Button(i18n.text("chart.labImport.close"));
    back.setId("labImportClose");
    back.setOnAction(e -> {
      vm.cancelImport();
      close.run();
    });
    HBox buttons = new HBox(8, accept, back);
    VBox pane = new VBox(8, title, layout, pathRow, fileProblems, lines, buttons, messages("labImport"));
    pane.setId("labImportPane");
    pane.getStyleClass().add("chart-overlay");
    pane.setPadding(new Insets(12));
    return pane;
  }

  void focusImport() {
    importPath.requestFocus();
  }

  private TableColumn<LabCsvImport.Line, String> lineColumn(String key, double width,
      java.util.function.Function<LabCsvImport.Line, String> text) {
    TableColumn<LabCsvImport.Line, String> c = new TableColumn<>(i18n.text(key));
    c.setPrefWidth(width);
    c.setSortable(false);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
    return c;
  }
}
