package jp.tsumugi.ui.reception;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.util.Duration;
import jp.tsumugi.ui.fx.I18n;

/**
 * Adds the 資格確認端末 part to the 受付 screen without changing its FXML (docs/adr/0023): a line with the
 * terminal's folder and the last re-check, the read-only quarantine list (toggled by Shift+F6, with the
 * quarantine folder's path), and two keys in the key bar: Shift+F5 資格再確認 and Shift+F6 隔離ファイル with a
 * badge counting files not yet seen. The quarantine list is polled every few seconds while the screen shows.
 */
public final class OqsReceptionPanel {
  /** How often the quarantine list is polled. */
  static final Duration POLL = Duration.seconds(5);

  private OqsReceptionPanel() {
  }

  /** Installs the part into the 受付 screen's root (the VBox of Reception.fxml). */
  public static void install(VBox root, OqsReceptionViewModel vm, I18n i18n) {
    Label folder = new Label(vm.folderText());
    Label status = new Label();
    status.setId("oqsStatus");
    status.getStyleClass().add("oqs-status");
    status.textProperty().bind(vm.statusProperty());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(16, folder, gap, status);
    bar.setId("oqsBar");
    bar.getStyleClass().add("oqs-bar");
    bar.setAlignment(Pos.CENTER_LEFT);

    VBox quarantinePane = quarantinePane(vm, i18n);
    Node queue = root.lookup("#receptionQueue");
    int at = queue == null ? root.getChildren().size() : root.getChildren().indexOf(queue);
    root.getChildren().add(at, quarantinePane);
    root.getChildren().add(at, bar);

    Button recheck = new Button(i18n.text("oqsreq.key.recheck"));
    recheck.setId("keyRecheck");
    recheck.setFocusTraversable(false);
    recheck.setOnAction(e -> vm.recheck());
    Button list = new Button(i18n.text("oqsreq.key.quarantine"));
    list.setId("keyQuarantine");
    list.setFocusTraversable(false);
    list.setOnAction(e -> vm.toggleQuarantine());
    Label badge = new Label();
    badge.setId("oqsQuarantineBadge");
    badge.getStyleClass().add("oqs-badge");
    badge.textProperty().bind(vm.unseenProperty().asString());
    badge.visibleProperty().bind(vm.unseenProperty().greaterThan(0));
    badge.managedProperty().bind(badge.visibleProperty());
    Pane keyBar = (Pane) root.lookup(".key-bar");
    if (keyBar != null) {
      // After the last key button, before the hints; the bar wraps to a second line when it is full.
      int hint = 0;
      for (int i = 0; i < keyBar.getChildren().size(); i++) {
        if (keyBar.getChildren().get(i) instanceof Button) {
          hint = i + 1;
        }
      }
      keyBar.getChildren().addAll(hint, java.util.List.of(recheck, list, badge));
      recheck.setMinWidth(Region.USE_PREF_SIZE);
      list.setMinWidth(Region.USE_PREF_SIZE);
      badge.setMinWidth(Region.USE_PREF_SIZE);
    } else {
      bar.getChildren().addAll(recheck, list, badge);
    }

    root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (e.isShiftDown() && e.getCode() == KeyCode.F5) {
        vm.recheck();
        e.consume();
      } else if (e.isShiftDown() && e.getCode() == KeyCode.F6) {
        vm.toggleQuarantine();
        e.consume();
      } else if (e.getCode() == KeyCode.ESCAPE && vm.quarantineOpenProperty().get()) {
        vm.closeQuarantine();
        e.consume();
      }
    });
    Timeline poller = new Timeline(new KeyFrame(POLL, e -> vm.refreshQuarantine()));
    poller.setCycleCount(Timeline.INDEFINITE);
    root.sceneProperty().addListener((obs, old, scene) -> {
      if (scene == null) {
        poller.stop();
      } else {
        vm.refreshQuarantine();
        poller.play();
      }
    });
    if (root.getScene() != null) {
      poller.play();
    }
    vm.refreshQuarantine();
  }

  private static VBox quarantinePane(OqsReceptionViewModel vm, I18n i18n) {
    Label title = new Label(i18n.text("oqsreq.quarantine.title"));
    title.getStyleClass().add("section-title");
    Label where = new Label(vm.quarantineFolderText());
    where.setId("oqsQuarantineFolder");
    where.setWrapText(true);
    TableView<OqsReceptionViewModel.QuarantineRow> table = new TableView<>(vm.quarantine());
    table.setId("oqsQuarantineList");
    table.setPlaceholder(new Label(i18n.text("oqsreq.quarantine.empty")));
    table.getColumns().add(column(i18n.text("oqsreq.quarantine.column.time"), 100, OqsReceptionViewModel.QuarantineRow::time));
    table.getColumns().add(column(i18n.text("oqsreq.quarantine.column.file"), 200, OqsReceptionViewModel.QuarantineRow::fileName));
    table.getColumns().add(column(i18n.text("oqsreq.quarantine.column.source"), 110, OqsReceptionViewModel.QuarantineRow::source));
    TableColumn<OqsReceptionViewModel.QuarantineRow, String> reason = column(i18n.text("oqsreq.quarantine.column.reason"), 590,
        OqsReceptionViewModel.QuarantineRow::reason);
    // The reason is the one thing staff must read whole: it wraps instead of being cut.
    reason.setCellFactory(c -> new TableCell<>() {
      private final Text text = new Text();

      {
        text.wrappingWidthProperty().bind(reason.widthProperty().subtract(12));
        text.getStyleClass().add("text");
      }

      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        text.setText(empty || item == null ? "" : item);
        setGraphic(empty ? null : text);
        setText(null);
      }
    });
    table.getColumns().add(reason);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    table.setPrefHeight(170);
    table.setMinHeight(120);
    Button close = new Button(i18n.text("reception.close"));
    close.setOnAction(e -> vm.closeQuarantine());
    Label hint = new Label(i18n.text("oqsreq.quarantine.hint"));
    hint.getStyleClass().add("hint");
    HBox buttons = new HBox(12, close, hint);
    buttons.setAlignment(Pos.CENTER_LEFT);
    VBox pane = new VBox(8, title, where, table, buttons);
    pane.setId("oqsQuarantinePane");
    pane.getStyleClass().add("panel");
    pane.visibleProperty().bind(vm.quarantineOpenProperty());
    pane.managedProperty().bind(vm.quarantineOpenProperty());
    return pane;
  }

  private static TableColumn<OqsReceptionViewModel.QuarantineRow, String> column(String title, double width,
      java.util.function.Function<OqsReceptionViewModel.QuarantineRow, String> value) {
    TableColumn<OqsReceptionViewModel.QuarantineRow, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    return c;
  }
}
