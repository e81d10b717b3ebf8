package jp.tsumugi.ui.settings;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import jp.tsumugi.app.clinic.Prefecture;
import jp.tsumugi.app.patient.PatientNumberFormat;

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
  @FXML private GridPane patientNumberFields;
  @FXML private TextField patientNumberPrefix;
  @FXML private TextField patientNumberWidth;
  @FXML private Label patientNumberExample;
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
    patientNumberFields.disableProperty().bind(viewModel.editableProperty().not());
    patientNumberPrefix.textProperty().bindBidirectional(viewModel.patientNumberPrefixProperty());
    patientNumberWidth.textProperty().bindBidirectional(viewModel.patientNumberWidthProperty());
    patientNumberExample.textProperty().bind(viewModel.patientNumberExampleProperty());
    viewModel.patientNumberInvalidFieldProperty().addListener((obs, was, field) -> markNumberField(field));
    saveButton.disableProperty().bind(viewModel.editableProperty().not().or(viewModel.busyProperty()));
    message.textProperty().bind(viewModel.messageProperty());
    viewModel.load();
  }

  private void markNumberField(String field) {
    patientNumberPrefix.getStyleClass().remove("field-error");
    patientNumberWidth.getStyleClass().remove("field-error");
    if (PatientNumberFormat.PREFIX_FIELD.equals(field)) {
      patientNumberPrefix.getStyleClass().add("field-error");
    } else if (PatientNumberFormat.WIDTH_FIELD.equals(field)) {
      patientNumberWidth.getStyleClass().add("field-error");
    }
  }

  @FXML
  private void onSave() {
    viewModel.save();
  }
}
