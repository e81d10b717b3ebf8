package jp.tsumugi.ui.login;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.security.AuthenticationService;
import jp.tsumugi.app.security.LoginResult;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;

/** Login: password step, then the one-time code where the account needs one. */
public final class LoginViewModel {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final StringProperty username = new SimpleStringProperty("");
  private final StringProperty password = new SimpleStringProperty("");
  private final StringProperty totpCode = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");
  private final BooleanProperty totpStep = new SimpleBooleanProperty(false);
  private final BooleanProperty busy = new SimpleBooleanProperty(false);
  private final StringProperty clinicName = new SimpleStringProperty("");

  private final AuthenticationService authentication;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final String terminal;
  private final ZoneId zone;
  private final Consumer<Session> onLoggedIn;
  private LoginResult.PendingLogin pending;

  public LoginViewModel(AuthenticationService authentication, TaskExecutor executor, I18n i18n, String terminal,
      Clock clock, Consumer<Session> onLoggedIn) {
    this.authentication = authentication;
    this.executor = executor;
    this.i18n = i18n;
    this.terminal = terminal;
    this.zone = clock.getZone();
    this.onLoggedIn = onLoggedIn;
  }

  public void login() {
    if (busy.get()) {
      return;
    }
    busy.set(true);
    message.set("");
    if (totpStep.get()) {
      LoginResult.PendingLogin waiting = pending;
      String code = totpCode.get();
      executor.submit(() -> authentication.verifyTotp(waiting, code), this::handle, this::fail);
    } else {
      String user = username.get();
      char[] secret = password.get().toCharArray();
      executor.submit(() -> authentication.login(user, secret, terminal), this::handle, this::fail);
    }
  }

  /** Back from the code step to the password step. */
  public void cancelTotp() {
    pending = null;
    totpStep.set(false);
    totpCode.set("");
    password.set("");
    message.set("");
  }

  private void handle(LoginResult result) {
    busy.set(false);
    if (result instanceof LoginResult.Success success) {
      password.set("");
      totpCode.set("");
      totpStep.set(false);
      pending = null;
      onLoggedIn.accept(success.session());
    } else if (result instanceof LoginResult.TotpRequired required) {
      pending = required.pending();
      totpStep.set(true);
      message.set(i18n.text("login.totpPrompt"));
    } else if (result instanceof LoginResult.Failure failure) {
      totpCode.set("");
      password.set("");
      if (failure.code() != ErrorCode.TOTP_INVALID) {
        totpStep.set(false);
        pending = null;
      }
      message.set(describe(failure.code(), failure.lockedUntil()));
    }
  }

  private String describe(ErrorCode code, Instant lockedUntil) {
    String text = i18n.error(code);
    if (lockedUntil != null) {
      text += " " + i18n.text("login.lockedUntil", TIME.format(lockedUntil.atZone(zone)));
    }
    return text;
  }

  private void fail(RuntimeException e) {
    busy.set(false);
    message.set(i18n.error(e));
  }

  public StringProperty usernameProperty() {
    return username;
  }

  public StringProperty passwordProperty() {
    return password;
  }

  public StringProperty totpCodeProperty() {
    return totpCode;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public BooleanProperty totpStepProperty() {
    return totpStep;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public StringProperty clinicNameProperty() {
    return clinicName;
  }
}
