package jp.tsumugi.ui.setup;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.tsumugi.app.clinic.Clinic;
import jp.tsumugi.app.common.Base32;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Totp;
import jp.tsumugi.app.security.UserAdministration;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.StoreOpener;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;
import jp.tsumugi.ui.settings.ClinicForm;

/**
 * First run: the clinic and its first administrator. Everything is validated before the store is
 * created, so a typo never leaves a half-made data directory behind.
 */
public final class SetupViewModel {
  private final ClinicForm form = new ClinicForm();
  private final StringProperty adminUsername = new SimpleStringProperty("admin");
  private final StringProperty adminDisplayName = new SimpleStringProperty("");
  private final StringProperty adminPassword = new SimpleStringProperty("");
  private final StringProperty adminPasswordRepeat = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");
  private final StringProperty recoveryKey = new SimpleStringProperty("");
  private final StringProperty totpSecret = new SimpleStringProperty("");
  private final BooleanProperty done = new SimpleBooleanProperty(false);
  private final BooleanProperty busy = new SimpleBooleanProperty(false);

  private final Supplier<StoreOpener.Opened> storeForSetup;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final String terminal;
  private final Consumer<AppServices> onContinue;
  private AppServices services;

  public SetupViewModel(Supplier<StoreOpener.Opened> storeForSetup, TaskExecutor executor, I18n i18n, String terminal,
      Consumer<AppServices> onContinue) {
    this.storeForSetup = storeForSetup;
    this.executor = executor;
    this.i18n = i18n;
    this.terminal = terminal;
    this.onContinue = onContinue;
  }

  public void create() {
    if (busy.get() || done.get()) {
      return;
    }
    form.clearInvalid();
    Clinic clinic;
    UserAdministration.NewUser admin;
    try {
      clinic = form.toClinic();
      if (!adminPassword.get().equals(adminPasswordRepeat.get())) {
        message.set(i18n.text("setup.passwordMismatch"));
        return;
      }
      admin = new UserAdministration.NewUser(adminUsername.get().strip(), adminDisplayName.get().strip(), Role.ADMIN,
          adminPassword.get().toCharArray());
    } catch (TsumugiException e) {
      form.markInvalid(e.errorCode());
      message.set(i18n.error(e.errorCode()));
      return;
    }
    busy.set(true);
    message.set(i18n.text("setup.creating"));
    executor.submit(() -> {
      StoreOpener.Opened opened = storeForSetup.get();
      UserAdministration.Created created = opened.services().clinicService().setUp(clinic, admin, terminal);
      return new Result(opened, created);
    }, result -> {
      busy.set(false);
      services = result.opened().services();
      recoveryKey.set(result.opened().recoveryKey());
      byte[] secret = result.created().totpSecret();
      totpSecret.set(Base32.encode(secret) + "\n" + Totp.otpauthUri("Tsumugi " + clinic.name(), admin.username(), secret));
      Arrays.fill(secret, (byte) 0);
      adminPassword.set("");
      adminPasswordRepeat.set("");
      message.set("");
      done.set(true);
    }, e -> {
      busy.set(false);
      message.set(i18n.error(e));
    });
  }

  public void continueToLogin() {
    if (services != null) {
      onContinue.accept(services);
    }
  }

  private record Result(StoreOpener.Opened opened, UserAdministration.Created created) {
  }

  public ClinicForm form() {
    return form;
  }

  public StringProperty adminUsernameProperty() {
    return adminUsername;
  }

  public StringProperty adminDisplayNameProperty() {
    return adminDisplayName;
  }

  public StringProperty adminPasswordProperty() {
    return adminPassword;
  }

  public StringProperty adminPasswordRepeatProperty() {
    return adminPasswordRepeat;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public StringProperty recoveryKeyProperty() {
    return recoveryKey;
  }

  public StringProperty totpSecretProperty() {
    return totpSecret;
  }

  public BooleanProperty doneProperty() {
    return done;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }
}
