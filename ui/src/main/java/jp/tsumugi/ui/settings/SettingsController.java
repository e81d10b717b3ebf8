package jp.tsumugi.ui.settings;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import jp.tsumugi.app.clinic.Prefecture;

/** Binds the clinic settings view. */
public final class SettingsController {
  private final SettingsViewModel viewModel;

  @FXML private GridPane fields;
  @FXML private TextField institutionCode;
  @FXML private ComboBox<Prefecture> prefecture;
  @FXML private TextField clinicName;
  @FXML private TextField postalCode;
  @FXML private TextField address;
  @FXML private TextField phone;
  @FXML private TextField idleLockMinutes;
  @FXML private TextArea departments;
  @FXML private Label message;
  @FXML private Button saveButton;

  public SettingsController(SettingsViewModel viewModel) {
    this.viewModel = viewModel;
  }

  @FXML
  private void initialize() {
    ClinicFields.bind(viewModel.form(), new ClinicFields.Controls(institutionCode, prefecture, clinicName, postalCode,
        address, phone, idleLockMinutes));
    fields.disableProperty().bind(viewModel.editableProperty().not());
    departments.textProperty().bindBidirectional(viewModel.departmentsProperty());
    departments.disableProperty().bind(viewModel.editableProperty().not());
    viewModel.departmentsInvalidProperty().addListener((obs, was, invalid) -> {
      departments.getStyleClass().remove("field-error");
      if (invalid) {
        departments.getStyleClass().add("field-error");
        departments.requestFocus();
      }
    });
    saveButton.disableProperty().bind(viewModel.editableProperty().not().or(viewModel.busyProperty()));
    message.textProperty().bind(viewModel.messageProperty());
    viewModel.load();
  }

  @FXML
  private void onSave() {
    viewModel.save();
  }
}
