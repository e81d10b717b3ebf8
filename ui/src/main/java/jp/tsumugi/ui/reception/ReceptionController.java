package jp.tsumugi.ui.reception;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import jp.tsumugi.app.patient.PatientHit;
import jp.tsumugi.app.reception.PatientSummary;
import jp.tsumugi.app.reception.VisitStatus;
import jp.tsumugi.ui.fx.TaskExecutor;
import jp.tsumugi.ui.search.SearchPopover;

/**
 * Binds the 受付 screen. Keys: F7 受付 (confirm check-in, or go to the search field), F8 診察中,
 * F9 会計待ち, F10 会計済, F11 新患登録 (opens the registration panel; in it F11 registers), Ctrl+E 患者変更 (the same
 * panel filled with the patient of the check-in panel or of the selected row; F11 saves), F12 取消 (asks for
 * the reason), Enter on a row one step forward, Esc closes a panel. While the screen is showing, the queue's
 * change token is polled every few seconds, and so are the {@link ReceptionPart}s placed above the queue.
 */
public final class ReceptionController {
  /** How often the queue asks whether anything changed. */
  static final Duration POLL = Duration.seconds(3);

  private final ReceptionViewModel viewModel;
  private final RegistrationViewModel registration;
  private final TaskExecutor executor;
  private final Timeline poller;
  private final List<ReceptionPart> parts;
  private SearchPopover<PatientSummary> popover;
  private long selectedVisitId = -1;
  private PatientSummary returnToCheckIn;
  private String savedInfo;

  @FXML private VBox root;
  @FXML private TextField patientSearch;
  @FXML private VBox registerPane;
  @FXML private Label registerMessage;
  @FXML private ListView<PatientHit> registerDuplicates;
  @FXML private Button registerAnywayButton;
  @FXML private Button registerButton;
  @FXML private Label registerTitle;
  @FXML private Label registerRevision;
  @FXML private HBox registerReasonRow;
  @FXML private ResourceBundle resources;
  @FXML private VBox checkInPane;
  @FXML private Label checkInPatient;
  @FXML private ComboBox<String> department;
  @FXML private ComboBox<ReceptionViewModel.DoctorChoice> doctor;
  @FXML private ComboBox<ReceptionViewModel.CombinationChoice> combination;
  @FXML private Button checkInButton;
  @FXML private VBox cancelPane;
  @FXML private Label cancelTarget;
  @FXML private TextField cancelReason;
  @FXML private TableView<ReceptionViewModel.Row> queue;
  @FXML private TableColumn<ReceptionViewModel.Row, Integer> numberColumn;
  @FXML private TableColumn<ReceptionViewModel.Row, String> timeColumn;
  @FXML private TableColumn<ReceptionViewModel.Row, String> patientNumberColumn;
  @FXML private TableColumn<ReceptionViewModel.Row, String> nameColumn;
  @FXML private TableColumn<ReceptionViewModel.Row, String> kanaColumn;
  @FXML private TableColumn<ReceptionViewModel.Row, String> ageSexColumn;
  @FXML private TableColumn<ReceptionViewModel.Row, String> departmentColumn;
  @FXML private TableColumn<ReceptionViewModel.Row, String> doctorColumn;
  @FXML private TableColumn<ReceptionViewModel.Row, String> insuranceColumn;
  @FXML private TableColumn<ReceptionViewModel.Row, String> statusColumn;
  @FXML private TableColumn<ReceptionViewModel.Row, String> unverifiedColumn;
  @FXML private Label message;
  @FXML private Label info;
  @FXML private Label summary;

  public ReceptionController(ReceptionViewModel viewModel, RegistrationViewModel registration, TaskExecutor executor) {
    this(viewModel, registration, executor, List.of());
  }

  /** With parts of the screen that live in their own FXML (the card-reader panel, …), placed above the queue. */
  public ReceptionController(ReceptionViewModel viewModel, RegistrationViewModel registration, TaskExecutor executor,
      List<ReceptionPart> parts) {
    this.viewModel = viewModel;
    this.registration = registration;
    this.executor = executor;
    this.parts = List.copyOf(parts);
    this.poller = new Timeline(new KeyFrame(POLL, e -> {
      viewModel.poll();
      this.parts.forEach(ReceptionPart::poll);
    }));
    poller.setCycleCount(Timeline.INDEFINITE);
  }

  @FXML
  private void initialize() {
    queue.setItems(viewModel.rows());
    numberColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().number()));
    timeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().time()));
    patientNumberColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().patientNumber()));
    nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
    kanaColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().kana()));
    ageSexColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().ageSex()));
    departmentColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().department()));
    doctorColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().doctor()));
    insuranceColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().insurance()));
    statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
    unverifiedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().unverified()));
    queue.setRowFactory(t -> new TableRow<>() {
      @Override
      protected void updateItem(ReceptionViewModel.Row item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll("visit-cancelled", "visit-done", "visit-unverified");
        if (!empty && item != null) {
          if (item.statusCode() == VisitStatus.CANCELLED) {
            getStyleClass().add("visit-cancelled");
          } else if (item.statusCode() == VisitStatus.PAID) {
            getStyleClass().add("visit-done");
          }
          if (!item.unverified().isEmpty()) {
            getStyleClass().add("visit-unverified");
          }
        }
      }
    });
    // A reload replaces the rows: keep the visit that was selected selected, so the keys act on it.
    queue.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null) {
        selectedVisitId = now.visitId();
      }
    });
    viewModel.rows().addListener((ListChangeListener<ReceptionViewModel.Row>) change -> {
      for (int i = 0; i < viewModel.rows().size(); i++) {
        if (viewModel.rows().get(i).visitId() == selectedVisitId) {
          queue.getSelectionModel().clearAndSelect(i);
          queue.getFocusModel().focus(i);
          return;
        }
      }
    });
    queue.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.ENTER) {
        viewModel.advance(selected());
        e.consume();
      }
    });

    popover = new SearchPopover<>(patientSearch, viewModel::search, viewModel::format, chosen -> {
      viewModel.choose(chosen);
      patientSearch.clear();
    }, executor);

    checkInPane.visibleProperty().bind(viewModel.checkInOpenProperty());
    checkInPane.managedProperty().bind(viewModel.checkInOpenProperty());
    checkInPatient.textProperty().bind(viewModel.patientTextProperty());
    department.setItems(viewModel.departments());
    department.valueProperty().bindBidirectional(viewModel.departmentProperty());
    doctor.setItems(viewModel.doctors());
    doctor.valueProperty().bindBidirectional(viewModel.doctorProperty());
    combination.setItems(viewModel.combinationChoices());
    combination.valueProperty().bindBidirectional(viewModel.combinationProperty());
    viewModel.checkInOpenProperty().addListener((obs, was, open) -> {
      if (open) {
        combination.requestFocus();
      } else {
        patientSearch.requestFocus();
      }
    });

    cancelPane.visibleProperty().bind(viewModel.cancelOpenProperty());
    cancelPane.managedProperty().bind(viewModel.cancelOpenProperty());
    cancelTarget.textProperty().bind(viewModel.cancelTargetProperty());
    cancelReason.textProperty().bindBidirectional(viewModel.cancelReasonProperty());
    cancelReason.setOnAction(e -> viewModel.confirmCancel());
    viewModel.cancelOpenProperty().addListener((obs, was, open) -> {
      if (open) {
        cancelReason.requestFocus();
      } else {
        queue.requestFocus();
      }
    });

    message.textProperty().bind(viewModel.messageProperty());
    message.managedProperty().bind(viewModel.messageProperty().isNotEmpty());
    info.textProperty().bind(viewModel.infoProperty());
    summary.textProperty().bind(viewModel.summaryProperty());

    bindRegistration();
    root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    for (ReceptionPart part : parts) {
      part.attach(root, queue);
    }
    // The F-key buttons keep their whole label; the hints beside them give way first.
    root.lookupAll(".key-bar .button").forEach(b -> ((Region) b).setMinWidth(Region.USE_PREF_SIZE));
    root.sceneProperty().addListener((obs, old, scene) -> {
      if (scene == null) {
        poller.stop();
      } else {
        viewModel.reload();
        parts.forEach(ReceptionPart::reload);
        poller.play();
      }
    });
    viewModel.start();
  }

  private void bindRegistration() {
    registerPane.visibleProperty().bind(registration.openProperty());
    registerPane.managedProperty().bind(registration.openProperty());
    registerTitle.textProperty().bind(registration.titleProperty());
    registerRevision.textProperty().bind(registration.revisionTextProperty());
    registerReasonRow.visibleProperty().bind(registration.editingProperty());
    registerReasonRow.managedProperty().bind(registration.editingProperty());
    registerButton.textProperty().bind(Bindings.when(registration.editingProperty())
        .then(resources.getString("reception.register.save")).otherwise(resources.getString("reception.register.confirm")));
    List<String> fields = RegistrationViewModel.FIELDS;
    for (int i = 0; i < fields.size(); i++) {
      String field = fields.get(i);
      Control input = registrationInput(field);
      if (input instanceof TextField text) {
        text.textProperty().bindBidirectional(registration.value(field));
      } else {
        bindChoice(castChoice(input), field);
      }
      // Enter moves on, like Tab: registering half a form (say, before the insurance) takes F11 on purpose.
      int index = i;
      input.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
        if (e.getCode() == KeyCode.ENTER && !(input instanceof ComboBox<?> box && box.isShowing())) {
          nextRegistrationInput(index).requestFocus();
          e.consume();
        }
      });
    }
    registration.errorFieldProperty().addListener((obs, old, now) -> {
      for (String field : RegistrationViewModel.FIELDS) {
        registrationInput(field).getStyleClass().remove("field-error");
      }
      if (now != null && RegistrationViewModel.FIELDS.contains(now)) {
        Control bad = registrationInput(now);
        bad.getStyleClass().add("field-error");
        bad.requestFocus();
        if (bad instanceof TextField text) {
          text.selectAll();
        }
      }
    });
    registerMessage.textProperty().bind(registration.messageProperty());
    registerMessage.managedProperty().bind(registration.messageProperty().isNotEmpty());
    registerMessage.visibleProperty().bind(registration.messageProperty().isNotEmpty());
    registerDuplicates.setItems(registration.duplicates());
    registerDuplicates.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(PatientHit item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : registration.format(item));
      }
    });
    BooleanBinding hasDuplicates = Bindings.isNotEmpty(registration.duplicates());
    registerDuplicates.visibleProperty().bind(hasDuplicates);
    registerDuplicates.managedProperty().bind(hasDuplicates);
    registerAnywayButton.visibleProperty().bind(hasDuplicates);
    registerAnywayButton.managedProperty().bind(hasDuplicates);
    registration.openProperty().addListener((obs, was, open) -> {
      if (open) {
        viewModel.closeCheckIn();
        Platform.runLater(() -> registrationInput(RegistrationViewModel.FIELDS.get(0)).requestFocus());
      } else {
        if (returnToCheckIn != null) {
          PatientSummary back = returnToCheckIn;
          returnToCheckIn = null;
          viewModel.choose(back);
        } else {
          patientSearch.requestFocus();
        }
        if (savedInfo != null) {
          viewModel.inform(savedInfo);
          savedInfo = null;
        }
      }
    });
    registration.setOnRegistered(viewModel::choose);
    registration.setOnOpenFailed(viewModel::warn);
    registration.setOnChanged(changed -> {
      if (returnToCheckIn != null) {
        returnToCheckIn = changed.patient();
      }
      viewModel.reload();
      // Shown once the panel has closed (re-opening the check-in panel clears the line above the queue).
      savedInfo = changed.written()
          ? MessageFormat.format(resources.getString("reception.register.changed"), changed.revision())
          : resources.getString("reception.register.unchanged");
    });
  }

  @SuppressWarnings("unchecked")
  private static ComboBox<RegistrationViewModel.Choice> castChoice(Control input) {
    return (ComboBox<RegistrationViewModel.Choice>) input;
  }

  /**
   * A choice box bound to the field's code. Keyboard: Up/Down step through the choices, a typed character picks
   * the choice whose code or label starts with it (性別: 1 or 男, 2 or 女), Space opens the list.
   */
  private void bindChoice(ComboBox<RegistrationViewModel.Choice> box, String field) {
    List<RegistrationViewModel.Choice> options = registration.choices(field);
    box.getItems().setAll(options);
    javafx.beans.property.StringProperty code = registration.value(field);
    Runnable fromCode = () -> box.setValue(options.stream().filter(c -> c.code().equals(code.get())).findFirst().orElse(null));
    code.addListener((obs, old, now) -> fromCode.run());
    fromCode.run();
    box.valueProperty().addListener((obs, old, now) -> code.set(now == null ? "" : now.code()));
    box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (box.isShowing() || (e.getCode() != KeyCode.UP && e.getCode() != KeyCode.DOWN)) {
        return;
      }
      int at = options.indexOf(box.getValue());
      int next = e.getCode() == KeyCode.DOWN ? Math.min(options.size() - 1, at + 1) : Math.max(0, at - 1);
      box.setValue(options.get(next));
      e.consume();
    });
    box.addEventFilter(KeyEvent.KEY_TYPED, e -> {
      String typed = e.getCharacter();
      if (typed == null || typed.isBlank() || typed.equals("\r")) {
        return;
      }
      String t = typed.toUpperCase(java.util.Locale.ROOT);
      options.stream().filter(c -> !c.code().isEmpty() && c.code().startsWith(t)).findFirst()
          .or(() -> options.stream().filter(c -> c.label().startsWith(typed)).findFirst())
          .ifPresent(c -> {
            box.setValue(c);
            e.consume();
          });
    });
  }

  /** The next input after the one at {@code index} that is showing (the reason only while editing). */
  private Control nextRegistrationInput(int index) {
    List<String> fields = RegistrationViewModel.FIELDS;
    for (int step = 1; step <= fields.size(); step++) {
      Control next = registrationInput(fields.get((index + step) % fields.size()));
      if (next.isVisible() && (next.getParent() == null || next.getParent().isVisible())) {
        return next;
      }
    }
    return registrationInput(fields.get(0));
  }

  private Control registrationInput(String field) {
    return (Control) registerPane.lookup("#reg_" + field.replace('.', '_'));
  }

  /** Ctrl+E: changes the patient of the open check-in panel, else the patient of the selected queue row. */
  private void editPatient() {
    if (registration.openProperty().get()) {
      return;
    }
    PatientSummary chosen = viewModel.chosenPatient();
    if (chosen != null) {
      returnToCheckIn = chosen;
      registration.openEdit(chosen.id());
      return;
    }
    long patientId = viewModel.patientIdOf(selected());
    if (patientId < 0) {
      viewModel.warn(resources.getString("reception.register.noPatient"));
      return;
    }
    returnToCheckIn = null;
    registration.openEdit(patientId);
  }

  private void onKey(KeyEvent e) {
    switch (e.getCode()) {
      case E -> {
        if (!e.isShortcutDown()) {
          return;
        }
        editPatient();
      }
      case O -> {
        if (!e.isShortcutDown()) {
          return;
        }
        viewModel.openChart(selected());
      }
      case F11 -> {
        if (registration.openProperty().get()) {
          registration.register(false);
        } else {
          registration.openNew();
        }
      }
      case F7 -> {
        if (viewModel.checkInOpenProperty().get()) {
          viewModel.confirmCheckIn();
        } else {
          patientSearch.requestFocus();
        }
      }
      case F8 -> viewModel.moveTo(selected(), VisitStatus.IN_CONSULTATION);
      case F9 -> viewModel.moveTo(selected(), VisitStatus.AWAITING_PAYMENT);
      case F10 -> viewModel.moveTo(selected(), VisitStatus.PAID);
      case F12 -> viewModel.startCancel(selected());
      case ESCAPE -> {
        if (registration.openProperty().get()) {
          registration.close();
        } else if (viewModel.cancelOpenProperty().get()) {
          viewModel.closeCancel();
        } else if (viewModel.checkInOpenProperty().get()) {
          viewModel.closeCheckIn();
        } else {
          return;
        }
      }
      default -> {
        return;
      }
    }
    e.consume();
  }

  private ReceptionViewModel.Row selected() {
    return queue.getSelectionModel().getSelectedItem();
  }

  /** The patient search popover (tests read what it shows). */
  public SearchPopover<PatientSummary> popover() {
    return popover;
  }

  @FXML
  private void onOpenRegister() {
    registration.openNew();
  }

  @FXML
  private void onEditPatient() {
    editPatient();
  }

  @FXML
  private void onRegister() {
    registration.register(false);
  }

  @FXML
  private void onRegisterAnyway() {
    registration.register(true);
  }

  @FXML
  private void onCloseRegister() {
    registration.close();
  }

  @FXML
  private void onCheckIn() {
    viewModel.confirmCheckIn();
  }

  @FXML
  private void onCloseCheckIn() {
    viewModel.closeCheckIn();
  }

  @FXML
  private void onConsultation() {
    viewModel.moveTo(selected(), VisitStatus.IN_CONSULTATION);
  }

  @FXML
  private void onAwaitPayment() {
    viewModel.moveTo(selected(), VisitStatus.AWAITING_PAYMENT);
  }

  @FXML
  private void onPaid() {
    viewModel.moveTo(selected(), VisitStatus.PAID);
  }

  @FXML
  private void onCancel() {
    viewModel.startCancel(selected());
  }

  @FXML
  private void onConfirmCancel() {
    viewModel.confirmCancel();
  }

  @FXML
  private void onCloseCancel() {
    viewModel.closeCancel();
  }
}
