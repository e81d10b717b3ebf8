package jp.tsumugi.ui.settings;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.tsumugi.app.clinic.Clinic;
import jp.tsumugi.app.clinic.ClinicService;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.reception.ClinicDepartments;
import jp.tsumugi.app.reception.Departments;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;

/**
 * Clinic settings: shown to everyone, editable by those whose role may edit the clinic. Includes the
 * departments (診療科) offered at check-in, one per line or comma-separated, the first the default.
 */
public final class SettingsViewModel {
  private final ClinicForm form = new ClinicForm();
  private final BooleanProperty editable = new SimpleBooleanProperty(false);
  private final BooleanProperty busy = new SimpleBooleanProperty(false);
  private final StringProperty message = new SimpleStringProperty("");
  private final StringProperty departments = new SimpleStringProperty(Departments.DEFAULT.asText());
  private final BooleanProperty departmentsInvalid = new SimpleBooleanProperty(false);
  private final ClinicDepartments clinicDepartments;
  private final ClinicService clinics;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final Session session;
  private final Consumer<Clinic> onSaved;

  public SettingsViewModel(ClinicService clinics, ClinicDepartments clinicDepartments, TaskExecutor executor, I18n i18n,
      Session session, Consumer<Clinic> onSaved) {
    this.clinics = clinics;
    this.clinicDepartments = clinicDepartments;
    this.executor = executor;
    this.i18n = i18n;
    this.session = session;
    this.onSaved = onSaved;
    this.editable.set(session.role().may(Permission.EDIT_CLINIC));
    if (!editable.get()) {
      message.set(i18n.text("settings.readOnly"));
    }
  }

  public void load() {
    executor.submit(clinics::clinic, found -> found.ifPresent(form::load), e -> message.set(i18n.error(e)));
    executor.submit(clinicDepartments::current, found -> departments.set(found.asText()), e -> message.set(i18n.error(e)));
  }

  public void save() {
    if (busy.get()) {
      return;
    }
    form.clearInvalid();
    departmentsInvalid.set(false);
    Clinic clinic;
    try {
      clinic = form.toClinic();
    } catch (TsumugiException e) {
      form.markInvalid(e.errorCode());
      message.set(i18n.error(e.errorCode()));
      return;
    }
    String departmentText = departments.get();
    Departments parsed;
    try {
      parsed = Departments.parse(departmentText);
    } catch (TsumugiException e) {
      departmentsInvalid.set(true);
      message.set(i18n.error(e.errorCode()));
      return;
    }
    busy.set(true);
    executor.submit(() -> {
      clinics.update(session, clinic);
      clinicDepartments.update(session, departmentText);
      return clinic;
    }, saved -> {
      busy.set(false);
      departments.set(parsed.asText());
      message.set(i18n.text("settings.saved"));
      onSaved.accept(saved);
    }, e -> {
      busy.set(false);
      message.set(i18n.error(e));
    });
  }

  public ClinicForm form() {
    return form;
  }

  public BooleanProperty editableProperty() {
    return editable;
  }

  /** The departments as typed (one per line). */
  public StringProperty departmentsProperty() {
    return departments;
  }

  /** True after a save refused the departments (the field is marked). */
  public BooleanProperty departmentsInvalidProperty() {
    return departmentsInvalid;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public StringProperty messageProperty() {
    return message;
  }
}
