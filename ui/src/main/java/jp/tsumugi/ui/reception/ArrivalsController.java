package jp.tsumugi.ui.reception;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.MapChangeListener;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import jp.tsumugi.app.patient.PatientHit;
import jp.tsumugi.ui.fx.I18n;

/**
 * Binds the card-reader panel (docs/adr/0021). Keys: Ctrl+K focuses the list; in it Enter confirms the
 * selected arrival (check-in in one step), Delete asks for the reason to set it aside; on a queue row with a
 * qualification warning Ctrl+J marks the warning seen. The panel shows only while arrivals are pending.
 */
public final class ArrivalsController implements ReceptionPart {
  static final KeyCombination FOCUS_LIST = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
  static final KeyCombination MARK_SEEN = new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN);

  private final ArrivalsViewModel viewModel;
  private final I18n i18n;
  private TableView<ReceptionViewModel.Row> queue;

  @FXML private VBox arrivalsPane;
  @FXML private Label arrivalsTitle;
  @FXML private ListView<ArrivalsViewModel.Line> arrivalsList;
  @FXML private Label arrivalsMessage;
  @FXML private ListView<PatientHit> arrivalsDuplicates;
  @FXML private HBox arrivalsDuplicateButtons;
  @FXML private HBox arrivalsDismissPane;
  @FXML private Label arrivalsDismissTarget;
  @FXML private TextField arrivalsDismissReason;

  public ArrivalsController(ArrivalsViewModel viewModel, I18n i18n) {
    this.viewModel = viewModel;
    this.i18n = i18n;
  }

  @FXML
  private void initialize() {
    arrivalsList.setItems(viewModel.lines());
    arrivalsList.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(ArrivalsViewModel.Line item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().remove("arrival-warning");
        if (empty || item == null) {
          setText(null);
          setTooltip(null);
          return;
        }
        setText(text(item));
        setTooltip(item.hasWarning() ? new Tooltip(item.warning()) : null);
        if (item.hasWarning()) {
          getStyleClass().add("arrival-warning");
        }
      }
    });
    arrivalsList.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.ENTER) {
        viewModel.confirm(arrivalsList.getSelectionModel().getSelectedItem());
        e.consume();
      } else if (e.getCode() == KeyCode.DELETE) {
        viewModel.startDismiss(arrivalsList.getSelectionModel().getSelectedItem());
        e.consume();
      }
    });
    arrivalsList.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2) {
        viewModel.confirm(arrivalsList.getSelectionModel().getSelectedItem());
      }
    });
    viewModel.lines().addListener((javafx.collections.ListChangeListener<ArrivalsViewModel.Line>) c -> {
      if (!viewModel.lines().isEmpty() && arrivalsList.getSelectionModel().getSelectedIndex() < 0) {
        arrivalsList.getSelectionModel().select(0);
      }
    });
    arrivalsTitle.textProperty().bind(Bindings.createStringBinding(
        () -> i18n.text("reception.arrivals.title", viewModel.lines().size()), viewModel.lines()));
    BooleanBinding hasLines = Bindings.isNotEmpty(viewModel.lines());
    arrivalsPane.visibleProperty().bind(hasLines.or(viewModel.messageProperty().isNotEmpty()));
    arrivalsPane.managedProperty().bind(arrivalsPane.visibleProperty());
    arrivalsMessage.textProperty().bind(viewModel.messageProperty());
    arrivalsMessage.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
    arrivalsMessage.managedProperty().bind(arrivalsMessage.visibleProperty());
    arrivalsDuplicates.setItems(viewModel.duplicates());
    arrivalsDuplicates.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(PatientHit item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : viewModel.format(item));
      }
    });
    BooleanBinding hasDuplicates = Bindings.isNotEmpty(viewModel.duplicates());
    arrivalsDuplicates.visibleProperty().bind(hasDuplicates);
    arrivalsDuplicates.managedProperty().bind(hasDuplicates);
    arrivalsDuplicateButtons.visibleProperty().bind(hasDuplicates);
    arrivalsDuplicateButtons.managedProperty().bind(hasDuplicates);
    arrivalsDismissPane.visibleProperty().bind(viewModel.dismissOpenProperty());
    arrivalsDismissPane.managedProperty().bind(viewModel.dismissOpenProperty());
    arrivalsDismissTarget.textProperty().bind(viewModel.dismissTargetProperty());
    arrivalsDismissReason.textProperty().bindBidirectional(viewModel.dismissReasonProperty());
    arrivalsDismissReason.setOnAction(e -> viewModel.confirmDismiss());
    arrivalsDismissReason.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.ESCAPE) {
        viewModel.closeDismiss();
        e.consume();
      }
    });
    viewModel.dismissOpenProperty().addListener((obs, was, open) -> {
      if (open) {
        Platform.runLater(arrivalsDismissReason::requestFocus);
      } else {
        arrivalsList.requestFocus();
      }
    });
  }

  private String text(ArrivalsViewModel.Line l) {
    StringBuilder s = new StringBuilder(l.time()).append("  ").append(l.source()).append("  ");
    if (l.newPatient()) {
      s.append(i18n.text("reception.arrivals.newPatient")).append("  ");
    } else if (!l.patientNumber().isEmpty()) {
      s.append(l.patientNumber()).append("  ");
    }
    s.append(l.name());
    if (!l.kana().isEmpty()) {
      s.append("（").append(l.kana()).append("）");
    }
    if (!l.ageSex().isEmpty()) {
      s.append("  ").append(l.ageSex());
    }
    if (l.alreadyCheckedIn()) {
      s.append("  ").append(i18n.text("reception.arrivals.openVisit"));
    }
    if (l.hasWarning()) {
      s.append("\n⚠ ").append(l.warning());
    }
    return s.toString();
  }

  @Override
  public void attach(VBox root, TableView<ReceptionViewModel.Row> table) {
    this.queue = table;
    int at = root.getChildren().indexOf(table);
    root.getChildren().add(at < 0 ? root.getChildren().size() : at, arrivalsPane);
    TableColumn<ReceptionViewModel.Row, String> column = new TableColumn<>(i18n.text("reception.arrivals.column.warning"));
    column.setId("warningColumn");
    column.setPrefWidth(110);
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(viewModel.warningFor(c.getValue().patientNumber())));
    column.setCellFactory(c -> new TableCell<>() {
      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().remove("qualification-warning-cell");
        if (empty || item == null || item.isEmpty()) {
          setText(null);
          setTooltip(null);
          return;
        }
        setText("⚠ " + item);
        ReceptionViewModel.Row row = getTableRow() == null ? null : getTableRow().getItem();
        String detail = row == null ? "" : viewModel.warningDetail(row.patientNumber());
        setTooltip(new Tooltip(detail + "\n" + i18n.text("reception.arrivals.markSeenHint")));
        getStyleClass().add("qualification-warning-cell");
      }
    });
    table.getColumns().add(column);
    viewModel.warnings().addListener((MapChangeListener<String, String>) change -> table.refresh());
    // Ctrl+K also works while the focus is outside the screen (the side bar after F1): a filter on the
    // scene for as long as the 受付 screen is showing (the shell replaces the scene's accelerators).
    EventHandler<KeyEvent> focusKey = e -> {
      if (FOCUS_LIST.match(e) && !coveredByOverlay()) {
        focusList();
        e.consume();
      }
    };
    root.sceneProperty().addListener((obs, old, scene) -> {
      if (old != null) {
        old.removeEventFilter(KeyEvent.KEY_PRESSED, focusKey);
      }
      if (scene != null) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, focusKey);
      }
    });
    root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (MARK_SEEN.match(e)) {
        ReceptionViewModel.Row row = queue.getSelectionModel().getSelectedItem();
        if (row != null) {
          viewModel.markSeen(row.patientNumber());
        }
        e.consume();
      }
    });
  }

  /** Another layer (the screen lock) is shown above the screen: the key must not reach the list behind it. */
  private boolean coveredByOverlay() {
    Scene scene = arrivalsPane.getScene();
    if (scene == null) {
      return true;
    }
    Node layer = arrivalsPane;
    while (layer.getParent() != null && layer.getParent() != scene.getRoot()) {
      layer = layer.getParent();
    }
    if (layer.getParent() == null) {
      return false;
    }
    List<Node> layers = scene.getRoot().getChildrenUnmodifiable();
    for (int i = layers.indexOf(layer) + 1; i < layers.size(); i++) {
      if (layers.get(i).isVisible()) {
        return true;
      }
    }
    return false;
  }

  private void focusList() {
    if (!viewModel.lines().isEmpty()) {
      arrivalsList.requestFocus();
      if (arrivalsList.getSelectionModel().getSelectedIndex() < 0) {
        arrivalsList.getSelectionModel().select(0);
      }
    }
  }

  @Override
  public void reload() {
    viewModel.reload();
  }

  @Override
  public void poll() {
    viewModel.poll();
  }

  @FXML
  private void onRegisterAnyway() {
    viewModel.registerAnyway();
  }

  @FXML
  private void onConfirmDismiss() {
    viewModel.confirmDismiss();
  }

  @FXML
  private void onCloseDismiss() {
    viewModel.closeDismiss();
  }
}
