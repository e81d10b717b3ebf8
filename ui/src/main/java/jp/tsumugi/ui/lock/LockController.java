package jp.tsumugi.ui.lock;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;

/** Binds the lock overlay. */
public final class LockController {
  private final LockViewModel viewModel;
  private final Runnable onLogout;

  @FXML private Label message;
  @FXML private PasswordField password;
  @FXML private Button unlockButton;

  public LockController(LockViewModel viewModel, Runnable onLogout) {
    this.viewModel = viewModel;
    this.onLogout = onLogout;
  }

  @FXML
  private void initialize() {
    message.textProperty().bind(viewModel.messageProperty());
    password.textProperty().bindBidirectional(viewModel.passwordProperty());
    unlockButton.disableProperty().bind(viewModel.busyProperty());
    viewModel.lockedProperty().addListener((obs, was, now) -> {
      if (now) {
        password.requestFocus();
      }
    });
  }

  @FXML
  private void onUnlock() {
    viewModel.unlock();
  }

  @FXML
  private void onLogout() {
    onLogout.run();
  }
}
