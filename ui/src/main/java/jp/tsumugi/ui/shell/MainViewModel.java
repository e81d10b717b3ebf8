package jp.tsumugi.ui.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.tsumugi.app.clinic.Clinic;
import jp.tsumugi.app.exchange.Connectivity;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;

/** The main window: which section is open, and the status bar. */
public final class MainViewModel {
  private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.RECEPTION);
  private final StringProperty userStatus = new SimpleStringProperty("");
  private final StringProperty clinicStatus = new SimpleStringProperty("");
  private final StringProperty connectivityStatus = new SimpleStringProperty("");
  private final StringProperty outboxStatus = new SimpleStringProperty("");
  private final AppServices services;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final Session session;
  private final Runnable onLoggedOut;

  public MainViewModel(AppServices services, TaskExecutor executor, I18n i18n, Session session, Runnable onLoggedOut) {
    this.services = services;
    this.executor = executor;
    this.i18n = i18n;
    this.session = session;
    this.onLoggedOut = onLoggedOut;
    userStatus.set(i18n.text("status.user", session.user().displayName(),
        i18n.text("role." + session.role().name().toLowerCase(java.util.Locale.ROOT))));
  }

  public void select(Section target) {
    section.set(target);
  }

  /** Reads the clinic, the outbox count and the connectivity off the FX thread. */
  public void refreshStatus() {
    executor.submit(() -> new Status(services.clinicService().clinic().orElse(null), services.outbox().pendingCount(),
        services.connectivity().state()), this::show, e -> outboxStatus.set(i18n.error(e)));
  }

  public void clinicChanged(Clinic clinic) {
    clinicStatus.set(clinic.name());
  }

  private void show(Status status) {
    clinicStatus.set(status.clinic() == null ? "" : status.clinic().name());
    outboxStatus.set(i18n.text("status.outbox", status.outbox()));
    connectivityStatus.set(i18n.text("status.connectivity." + status.connectivity().name().toLowerCase(java.util.Locale.ROOT)));
  }

  public void logout() {
    executor.submit(() -> {
      services.authentication().logout(session);
      return null;
    }, ignored -> onLoggedOut.run(), e -> onLoggedOut.run());
  }

  private record Status(Clinic clinic, long outbox, Connectivity.State connectivity) {
  }

  public Session session() {
    return session;
  }

  public ObjectProperty<Section> sectionProperty() {
    return section;
  }

  public StringProperty userStatusProperty() {
    return userStatus;
  }

  public StringProperty clinicStatusProperty() {
    return clinicStatus;
  }

  public StringProperty connectivityStatusProperty() {
    return connectivityStatus;
  }

  public StringProperty outboxStatusProperty() {
    return outboxStatus;
  }
}
