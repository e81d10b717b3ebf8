package jp.tsumugi.ui.setup;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import jp.tsumugi.app.clinic.Prefecture;
import jp.tsumugi.ui.settings.ClinicFields;

/** Binds the first-run setup view. */
public final class SetupController {
  private final SetupViewModel viewModel;

  @FXML private VBox formStep;
  @FXML private VBox doneStep;
  @FXML private TextField institutionCode;
  @FXML private ComboBox<Prefecture> prefecture;
  @FXML private TextField clinicName;
  @FXML private TextField postalCode;
  @FXML private TextField address;
  @FXML private TextField phone;
  @FXML private TextField adminUsername;
  @FXML private TextField adminDisplayName;
  @FXML private PasswordField adminPassword;
  @FXML private PasswordField adminPasswordRepeat;
  @FXML private TextArea recoveryKey;
  @FXML private TextArea totpSecret;
  @FXML private Label message;
  @FXML private Button createButton;

  public SetupController(SetupViewModel viewModel) {
    this.viewModel = viewModel;
  }

  @FXML
  private void initialize() {
    ClinicFields.bind(viewModel.form(), new ClinicFields.Controls(institutionCode, prefecture, clinicName, postalCode,
        address, phone, null));
    adminUsername.textProperty().bindBidirectional(viewModel.adminUsernameProperty());
    adminDisplayName.textProperty().bindBidirectional(viewModel.adminDisplayNameProperty());
    adminPassword.textProperty().bindBidirectional(viewModel.adminPasswordProperty());
    adminPasswordRepeat.textProperty().bindBidirectional(viewModel.adminPasswordRepeatProperty());
    recoveryKey.textProperty().bind(viewModel.recoveryKeyProperty());
    totpSecret.textProperty().bind(viewModel.totpSecretProperty());
    message.textProperty().bind(viewModel.messageProperty());
    createButton.disableProperty().bind(viewModel.busyProperty());
    formStep.visibleProperty().bind(viewModel.doneProperty().not());
    formStep.managedProperty().bind(formStep.visibleProperty());
    doneStep.visibleProperty().bind(viewModel.doneProperty());
    doneStep.managedProperty().bind(doneStep.visibleProperty());
  }

  @FXML
  private void onCreate() {
    viewModel.create();
  }

  @FXML
  private void onContinue() {
    viewModel.continueToLogin();
  }
}
