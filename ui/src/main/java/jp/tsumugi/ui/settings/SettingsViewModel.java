package jp.tsumugi.ui.settings;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.tsumugi.app.clinic.Clinic;
import jp.tsumugi.app.clinic.ClinicService;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.patient.PatientNumberFormat;
import jp.tsumugi.app.reception.ClinicReceptionSettings;
import jp.tsumugi.app.reception.Departments;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;

/**
 * Clinic settings: shown to everyone, editable by those whose role may edit the clinic. Includes the
 * departments (診療科) offered at check-in, one per line or comma-separated, the first the default, and the
 * format of new patient numbers (prefix and width) with an example of the next number, updated as it is typed.
 */
public final class SettingsViewModel {
  private final ClinicForm form = new ClinicForm();
  private final BooleanProperty editable = new SimpleBooleanProperty(false);
  private final BooleanProperty busy = new SimpleBooleanProperty(false);
  private final StringProperty message = new SimpleStringProperty("");
  private final StringProperty departments = new SimpleStringProperty(Departments.DEFAULT.asText());
  private final BooleanProperty departmentsInvalid = new SimpleBooleanProperty(false);
  private final StringProperty patientNumberPrefix = new SimpleStringProperty(PatientNumberFormat.DEFAULT.prefix());
  private final StringProperty patientNumberWidth = new SimpleStringProperty(Integer.toString(PatientNumberFormat.DEFAULT.width()));
  private final StringProperty patientNumberExample = new SimpleStringProperty("");
  private final StringProperty patientNumberInvalidField = new SimpleStringProperty("");
  private final ClinicReceptionSettings receptionSettings;
  private long upcomingSequence = 1;
  private final ClinicService clinics;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final Session session;
  private final Consumer<Clinic> onSaved;

  public SettingsViewModel(ClinicService clinics, ClinicReceptionSettings receptionSettings, TaskExecutor executor, I18n i18n,
      Session session, Consumer<Clinic> onSaved) {
    this.clinics = clinics;
    this.receptionSettings = receptionSettings;
    this.executor = executor;
    this.i18n = i18n;
    this.session = session;
    this.onSaved = onSaved;
    this.editable.set(session.role().may(Permission.EDIT_CLINIC));
    if (!editable.get()) {
      message.set(i18n.text("settings.readOnly"));
    }
    patientNumberPrefix.addListener((obs, was, now) -> updateExample());
    patientNumberWidth.addListener((obs, was, now) -> updateExample());
    updateExample();
  }

  public void load() {
    executor.submit(clinics::clinic, found -> found.ifPresent(form::load), e -> message.set(i18n.error(e)));
    executor.submit(receptionSettings::departments, found -> departments.set(found.asText()), e -> message.set(i18n.error(e)));
    executor.submit(() -> new NumberSetting(receptionSettings.patientNumberFormat(), receptionSettings.upcomingPatientSequence()),
        found -> {
          upcomingSequence = found.upcomingSequence();
          patientNumberPrefix.set(found.format().prefix());
          patientNumberWidth.set(Integer.toString(found.format().width()));
          updateExample();
        }, e -> message.set(i18n.error(e)));
  }

  /** The stored format and the sequence value the next registration will most likely use. */
  private record NumberSetting(PatientNumberFormat format, long upcomingSequence) { }

  /** Shows the next number in the typed format, or marks the field at fault while it is not a valid format. */
  private void updateExample() {
    try {
      PatientNumberFormat format = PatientNumberFormat.parse(patientNumberPrefix.get(), patientNumberWidth.get());
      patientNumberInvalidField.set("");
      patientNumberExample.set(i18n.text("settings.patientNumber.example", format.format(upcomingSequence)));
    } catch (InvalidFieldException e) {
      patientNumberInvalidField.set(e.field());
      patientNumberExample.set(i18n.error(e.errorCode()));
    }
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
    String prefixText = patientNumberPrefix.get();
    String widthText = patientNumberWidth.get();
    PatientNumberFormat numberFormat;
    try {
      numberFormat = PatientNumberFormat.parse(prefixText, widthText);
    } catch (InvalidFieldException e) {
      patientNumberInvalidField.set(e.field());
      message.set(i18n.error(e.errorCode()));
      return;
    }
    busy.set(true);
    executor.submit(() -> {
      clinics.update(session, clinic);
      receptionSettings.updateDepartments(session, departmentText);
      if (!numberFormat.equals(receptionSettings.patientNumberFormat())) {
        receptionSettings.updatePatientNumberFormat(session, prefixText, widthText);
      }
      return clinic;
    }, saved -> {
      busy.set(false);
      departments.set(parsed.asText());
      patientNumberPrefix.set(numberFormat.prefix());
      patientNumberWidth.set(Integer.toString(numberFormat.width()));
      executor.submit(receptionSettings::upcomingPatientSequence, upcoming -> {
        upcomingSequence = upcoming;
        updateExample();
      }, e -> message.set(i18n.error(e)));
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

  /** The patient number prefix as typed (0 to 3 ASCII letters). */
  public StringProperty patientNumberPrefixProperty() {
    return patientNumberPrefix;
  }

  /** The patient number width as typed (1 to 10). */
  public StringProperty patientNumberWidthProperty() {
    return patientNumberWidth;
  }

  /** 「次の番号の例: K00241」 for the typed format, or the error while the typed format is not valid. */
  public StringProperty patientNumberExampleProperty() {
    return patientNumberExample;
  }

  /**
   * The patient number field at fault ({@link PatientNumberFormat#PREFIX_FIELD} or {@link PatientNumberFormat#WIDTH_FIELD}),
   * empty when both are valid.
   */
  public StringProperty patientNumberInvalidFieldProperty() {
    return patientNumberInvalidField;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public StringProperty messageProperty() {
    return message;
  }
}
