package jp.tsumugi.ui.login;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Binds the login view to its ViewModel; no logic of its own. */
public final class LoginController {
  private final LoginViewModel viewModel;
  private final DemoHint demoHint;

  @FXML private Label clinicName;
  @FXML private TextField username;
  @FXML private PasswordField password;
  @FXML private TextField totpCode;
  @FXML private VBox passwordStep;
  @FXML private VBox totpStep;
  @FXML private Label message;
  @FXML private Button loginButton;
  @FXML private Button totpButton;
  @FXML private VBox demoBox;
  @FXML private Label demoCredentials;
  @FXML private Label demoTotp;

  public LoginController(LoginViewModel viewModel, DemoHint demoHint) {
    this.viewModel = viewModel;
    this.demoHint = demoHint;
  }

  @FXML
  private void initialize() {
    clinicName.textProperty().bind(viewModel.clinicNameProperty());
    username.textProperty().bindBidirectional(viewModel.usernameProperty());
    password.textProperty().bindBidirectional(viewModel.passwordProperty());
    totpCode.textProperty().bindBidirectional(viewModel.totpCodeProperty());
    message.textProperty().bind(viewModel.messageProperty());
    passwordStep.visibleProperty().bind(viewModel.totpStepProperty().not());
    passwordStep.managedProperty().bind(passwordStep.visibleProperty());
    totpStep.visibleProperty().bind(viewModel.totpStepProperty());
    totpStep.managedProperty().bind(totpStep.visibleProperty());
    loginButton.disableProperty().bind(viewModel.busyProperty());
    totpButton.disableProperty().bind(viewModel.busyProperty());
    viewModel.totpStepProperty().addListener((obs, was, now) -> (now ? totpCode : password).requestFocus());
    demoBox.setVisible(demoHint != null);
    demoBox.setManaged(demoHint != null);
    if (demoHint != null) {
      demoCredentials.setText(demoHint.credentials());
      demoTotp.setText(demoHint.adminCode());
      Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> demoTotp.setText(demoHint.adminCode())));
      refresh.setCycleCount(Timeline.INDEFINITE);
      refresh.play();
    }
  }

  @FXML
  private void onLogin() {
    viewModel.login();
  }

  @FXML
  private void onCancelTotp() {
    viewModel.cancelTotp();
  }

  /** Puts the cursor in the user-name field once the view is shown. */
  public void focus() {
    username.requestFocus();
  }
}
