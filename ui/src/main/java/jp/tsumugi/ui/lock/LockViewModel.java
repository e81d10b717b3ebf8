package jp.tsumugi.ui.lock;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.tsumugi.app.security.AuthenticationService;
import jp.tsumugi.app.security.LoginResult;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;

/**
 * The screen lock of a bedside terminal. Locking covers the work without touching it; only the
 * same user's password unlocks, or the user logs out.
 */
public final class LockViewModel {
  private final BooleanProperty locked = new SimpleBooleanProperty(false);
  private final StringProperty password = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty(false);
  private final AuthenticationService authentication;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final Consumer<Session> onUnlocked;
  private Session session;

  public LockViewModel(AuthenticationService authentication, TaskExecutor executor, I18n i18n, Session session,
      Consumer<Session> onUnlocked) {
    this.authentication = authentication;
    this.executor = executor;
    this.i18n = i18n;
    this.session = session;
    this.onUnlocked = onUnlocked;
  }

  /** Locks now; {@code reason} is "idle" or "manual" and goes to the audit log. */
  public void lock(String reason) {
    if (locked.get()) {
      return;
    }
    locked.set(true);
    password.set("");
    message.set(i18n.text("lock.message", session.user().displayName()));
    Session current = session;
    executor.submit(() -> {
      authentication.lock(current, reason);
      return null;
    }, ignored -> { }, e -> message.set(i18n.error(e)));
  }

  public void unlock() {
    if (!locked.get() || busy.get()) {
      return;
    }
    busy.set(true);
    char[] secret = password.get().toCharArray();
    Session current = session;
    executor.submit(() -> authentication.unlock(current, secret), result -> {
      busy.set(false);
      password.set("");
      if (result instanceof LoginResult.Success success) {
        session = success.session();
        locked.set(false);
        message.set("");
        onUnlocked.accept(session);
      } else if (result instanceof LoginResult.Failure failure) {
        String text = i18n.error(failure.code());
        message.set(failure.lockedUntil() == null ? text : text + " " + i18n.text("lock.tryLater"));
      }
    }, e -> {
      busy.set(false);
      message.set(i18n.error(e));
    });
  }

  public BooleanProperty lockedProperty() {
    return locked;
  }

  public StringProperty passwordProperty() {
    return password;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }
}
