package jp.tsumugi.ui.masters;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import jp.tsumugi.app.master.search.SearchEntry;
import jp.tsumugi.app.master.search.SearchHit;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;
import jp.tsumugi.ui.search.SearchPopover;

/** Binds the マスタ screen to its view model; the search field gets the reusable search popover. */
public final class MastersController {
  private final MastersViewModel viewModel;
  private final I18n i18n;
  private final TaskExecutor executor;
  private SearchPopover<SearchHit> popover;

  @FXML private TableView<MastersViewModel.StatusRow> statusTable;
  @FXML private TableColumn<MastersViewModel.StatusRow, String> masterColumn;
  @FXML private TableColumn<MastersViewModel.StatusRow, String> fileDateColumn;
  @FXML private TableColumn<MastersViewModel.StatusRow, String> effectiveDateColumn;
  @FXML private TableColumn<MastersViewModel.StatusRow, Integer> recordsColumn;
  @FXML private TableColumn<MastersViewModel.StatusRow, Integer> revisionsColumn;
  @FXML private VBox importRow;
  @FXML private TextField importPath;
  @FXML private Button importButton;
  @FXML private Button importBundledButton;
  @FXML private ProgressBar progress;
  @FXML private Label progressText;
  @FXML private Label report;
  @FXML private Label message;
  @FXML private ComboBox<SearchEntry.Kind> searchKind;
  @FXML private DatePicker asOf;
  @FXML private TextField searchField;
  @FXML private Label detail;
  @FXML private TextField diseaseText;
  @FXML private Label composed;

  public MastersController(MastersViewModel viewModel, I18n i18n, TaskExecutor executor) {
    this.viewModel = viewModel;
    this.i18n = i18n;
    this.executor = executor;
  }

  @FXML
  private void initialize() {
    statusTable.setItems(viewModel.rows());
    masterColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().master()));
    fileDateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().fileDate()));
    effectiveDateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().effectiveDate()));
    recordsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().records()));
    revisionsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().revisions()));

    importRow.visibleProperty().bind(viewModel.mayImportProperty());
    importRow.managedProperty().bind(viewModel.mayImportProperty());
    importPath.textProperty().bindBidirectional(viewModel.importPathProperty());
    importButton.disableProperty().bind(viewModel.busyProperty());
    importBundledButton.disableProperty().bind(viewModel.busyProperty());
    progress.progressProperty().bind(viewModel.progressProperty());
    progress.visibleProperty().bind(viewModel.busyProperty().or(viewModel.progressTextProperty().isNotEmpty()));
    progressText.textProperty().bind(viewModel.progressTextProperty());
    report.textProperty().bind(viewModel.reportProperty());
    message.textProperty().bind(viewModel.messageProperty());

    searchKind.getItems().setAll(SearchEntry.Kind.values());
    searchKind.setConverter(new StringConverter<>() {
      @Override
      public String toString(SearchEntry.Kind kind) {
        return kind == null ? "" : i18n.text("masters.search.kind." + kind.name().toLowerCase(Locale.ROOT));
      }

      @Override
      public SearchEntry.Kind fromString(String text) {
        return null;
      }
    });
    searchKind.valueProperty().bindBidirectional(viewModel.searchKindProperty());
    asOf.setConverter(new StringConverter<>() {
      @Override
      public String toString(LocalDate date) {
        return date == null ? "" : date.toString();
      }

      @Override
      public LocalDate fromString(String text) {
        try {
          return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
          return asOf.getValue();
        }
      }
    });
    asOf.valueProperty().bindBidirectional(viewModel.asOfProperty());
    popover = new SearchPopover<>(searchField, viewModel::search, viewModel::format, viewModel::choose, executor);
    searchKind.valueProperty().addListener((obs, old, now) -> popover.refresh());
    asOf.valueProperty().addListener((obs, old, now) -> popover.refresh());
    detail.textProperty().bind(viewModel.detailProperty());
    diseaseText.setOnAction(e -> viewModel.composeDisease(diseaseText.getText()));
    composed.textProperty().bind(viewModel.composedProperty());
    viewModel.load();
  }

  /** The search popover (tests drive it through the keyboard; this lets them read what it shows). */
  public SearchPopover<SearchHit> popover() {
    return popover;
  }

  @FXML
  private void onImport() {
    viewModel.importFromPath();
  }

  @FXML
  private void onImportBundled() {
    viewModel.importBundled();
  }
}
