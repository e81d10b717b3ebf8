package jp.tsumugi.ui.reception;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.common.Wareki;
import jp.tsumugi.app.insurance.InsuranceForm;
import jp.tsumugi.app.patient.PatientForm;
import jp.tsumugi.app.patient.PatientHit;
import jp.tsumugi.app.patient.RegistrationOutcome;
import jp.tsumugi.app.reception.NewPatientAtReception;
import jp.tsumugi.app.reception.PatientSummary;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;

/**
 * The 新患登録 panel of the 受付 screen: the patient and the main insurance as typed. An error names its
 * field ({@link #errorFieldProperty()}: the form's field name, insurance fields prefixed {@code insurance.});
 * likely duplicates are listed and registering needs an explicit "register anyway". A registered patient
 * is handed to {@code onRegistered} (the screen opens the check-in panel for them).
 */
public final class RegistrationViewModel {
  /** Patient fields, then insurance fields (prefixed), in screen order; values are what is typed. */
  public static final List<String> FIELDS = List.of("familyName", "givenName", "familyKana", "givenKana", "sex", "birthDate",
      "postalCode", "address", "phone", "insurance.insurerNumber", "insurance.symbol", "insurance.number", "insurance.branch",
      "insurance.insured", "insurance.qualifiedOn", "insurance.validTo");

  private final NewPatientAtReception registration;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final Session session;
  private final Map<String, StringProperty> values = new LinkedHashMap<>();
  private final BooleanProperty open = new SimpleBooleanProperty(false);
  private final StringProperty errorField = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");
  private final ObservableList<PatientHit> duplicates = FXCollections.observableArrayList();
  private final ObjectProperty<PatientSummary> registered = new SimpleObjectProperty<>();
  private Consumer<PatientSummary> onRegistered = p -> { };

  public RegistrationViewModel(NewPatientAtReception registration, TaskExecutor executor, I18n i18n, Session session) {
    this.registration = registration;
    this.executor = executor;
    this.i18n = i18n;
    this.session = session;
    for (String f : FIELDS) {
      values.put(f, new SimpleStringProperty(""));
    }
  }

  /** Called with the new patient after a registration. */
  public void setOnRegistered(Consumer<PatientSummary> onRegistered) {
    this.onRegistered = onRegistered;
  }

  /** Opens an empty form (sex 女/男 not chosen, insurance 本人). */
  public void openNew() {
    values.values().forEach(v -> v.set(""));
    values.get("insurance.insured").set("1");
    clearFeedback();
    open.set(true);
  }

  public void close() {
    open.set(false);
    clearFeedback();
  }

  private void clearFeedback() {
    errorField.set("");
    message.set("");
    duplicates.clear();
  }

  /** Registers; stops at likely duplicates unless {@code anyway}. */
  public void register(boolean anyway) {
    if (!open.get()) {
      return;
    }
    PatientForm patient = patientForm();
    InsuranceForm insurance = insuranceForm();
    errorField.set("");
    executor.submit(() -> registration.register(session, patient, insurance, anyway), result -> {
      if (result.outcome() instanceof RegistrationOutcome.LikelyDuplicates d) {
        duplicates.setAll(d.candidates());
        message.set(i18n.text("reception.register.duplicates", d.candidates().size()));
        return;
      }
      PatientSummary p = result.registered().orElseThrow();
      registered.set(p);
      open.set(false);
      clearFeedback();
      onRegistered.accept(p);
    }, e -> {
      duplicates.clear();
      if (e instanceof InvalidFieldException f) {
        errorField.set(f.field());
        String label = FIELDS.contains(f.field()) ? i18n.text("reception.register.field." + f.field()) + ": " : "";
        message.set(label + i18n.error(e));
      } else {
        message.set(i18n.error(e));
      }
    });
  }

  PatientForm patientForm() {
    return new PatientForm(v("familyName"), v("givenName"), v("familyKana"), v("givenKana"), "", v("sex"), v("birthDate"),
        v("postalCode"), v("address"), v("phone"), "", "", "", "");
  }

  /** The insurance, or null when neither 保険者番号 nor 番号 was typed (自費 patient). */
  InsuranceForm insuranceForm() {
    if (v("insurance.insurerNumber").isBlank() && v("insurance.number").isBlank()) {
      return null;
    }
    String qualifiedOn = v("insurance.qualifiedOn");
    return new InsuranceForm(v("insurance.insurerNumber"), v("insurance.symbol"), v("insurance.number"), v("insurance.branch"),
        v("insurance.insured"), qualifiedOn, qualifiedOn, v("insurance.validTo"), "", "", false, "", "", "");
  }

  private String v(String field) {
    String s = values.get(field).get();
    return s == null ? "" : s;
  }

  /** One line per duplicate candidate. */
  public String format(PatientHit h) {
    return h.patientNumber() + "  " + h.name() + "（" + h.kana() + "）  " + Wareki.format(h.birthDate());
  }

  /** The typed value of a field of {@link #FIELDS}. */
  public StringProperty value(String field) {
    StringProperty p = values.get(field);
    if (p == null) {
      throw new IllegalArgumentException(field);
    }
    return p;
  }

  public BooleanProperty openProperty() {
    return open;
  }

  public StringProperty errorFieldProperty() {
    return errorField;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public ObservableList<PatientHit> duplicates() {
    return duplicates;
  }

  public ObjectProperty<PatientSummary> registeredProperty() {
    return registered;
  }
}
