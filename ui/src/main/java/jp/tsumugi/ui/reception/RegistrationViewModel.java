package jp.tsumugi.ui.reception;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
import jp.tsumugi.app.insurance.Insurance;
import jp.tsumugi.app.insurance.InsuranceForm;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.PublicExpense;
import jp.tsumugi.app.insurance.PublicExpenseForm;
import jp.tsumugi.app.patient.PatientForm;
import jp.tsumugi.app.patient.PatientHit;
import jp.tsumugi.app.patient.PatientRecord;
import jp.tsumugi.app.patient.RegistrationOutcome;
import jp.tsumugi.app.qualification.LimitCategory;
import jp.tsumugi.app.reception.PatientAtReception;
import jp.tsumugi.app.reception.PatientEntry;
import jp.tsumugi.app.reception.PatientFile;
import jp.tsumugi.app.reception.PatientSummary;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;

/**
 * The registration panel of the 受付 screen, for a new patient (新患登録) or for changing an existing one
 * (患者情報の変更): the patient, the main insurance with 高齢受給者証 and 限度額適用区分, and up to four 公費.
 * Every value is held as text (choices as their codes: sex "1"/"2", 本人/家族 "1"/"2", 高齢受給者証 ""/"2"/"3",
 * 限度額適用区分 ""/"A01" …). An error names its field ({@link #errorFieldProperty()}: the form's field name,
 * insurance fields prefixed {@code insurance.}, 公費 lines {@code publicExpense1.} …); likely duplicates of a
 * new patient are listed and registering needs an explicit "register anyway". A change asks for a reason and
 * shows the revision count and the last change. The patient is handed to {@code onRegistered} / {@code onChanged}.
 */
public final class RegistrationViewModel {
  /** How many 公費 lines the panel offers. */
  public static final int PUBLIC_EXPENSE_LINES = 4;
  /** The fields of one 公費 line, in screen order. */
  public static final List<String> PUBLIC_EXPENSE_FIELDS = List.of("payerNumber", "recipientNumber", "validFrom", "validTo",
      "monthlyCapYen");
  /** Fields shown as choices (their value is a code). */
  public static final List<String> CHOICE_FIELDS = List.of("sex", "insurance.insured", "insurance.elderlyRecipientTenths",
      "insurance.limitCategory");
  /** Every field in screen (and Enter) order; values are what is typed or the chosen code. */
  public static final List<String> FIELDS = fields();

  private static final DateTimeFormatter CHANGED_AT = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

  /** One entry of a choice box: the code and its label. */
  public record Choice(String code, String label) {
    @Override
    public String toString() {
      return label;
    }
  }

  private final PatientAtReception desk;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final Session session;
  private final Clock clock;
  private final Map<String, StringProperty> values = new LinkedHashMap<>();
  private final Map<String, List<Choice>> choices = new LinkedHashMap<>();
  private final BooleanProperty open = new SimpleBooleanProperty(false);
  private final BooleanProperty editing = new SimpleBooleanProperty(false);
  private final StringProperty title = new SimpleStringProperty("");
  private final StringProperty revisionText = new SimpleStringProperty("");
  private final StringProperty errorField = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");
  private final ObservableList<PatientHit> duplicates = FXCollections.observableArrayList();
  private final ObjectProperty<PatientSummary> registered = new SimpleObjectProperty<>();
  private Consumer<PatientSummary> onRegistered = p -> { };
  private Consumer<PatientAtReception.Changed> onChanged = c -> { };
  private Consumer<String> onOpenFailed = text -> { };
  private PatientFile base;
  private String loadedQualifiedOn = "";

  public RegistrationViewModel(PatientAtReception desk, TaskExecutor executor, I18n i18n, Session session, Clock clock) {
    this.desk = desk;
    this.executor = executor;
    this.i18n = i18n;
    this.session = session;
    this.clock = clock;
    for (String f : FIELDS) {
      values.put(f, new SimpleStringProperty(""));
    }
    choices.put("sex", List.of(new Choice("1", i18n.text("reception.sex.male")), new Choice("2", i18n.text("reception.sex.female"))));
    choices.put("insurance.insured", List.of(new Choice("1", i18n.text("reception.register.insured.self")),
        new Choice("2", i18n.text("reception.register.insured.family"))));
    choices.put("insurance.elderlyRecipientTenths", List.of(new Choice("", i18n.text("reception.register.none")),
        new Choice("2", i18n.text("reception.register.elderly.2")), new Choice("3", i18n.text("reception.register.elderly.3"))));
    List<Choice> limits = new ArrayList<>();
    limits.add(new Choice("", i18n.text("reception.register.none")));
    for (LimitCategory c : LimitCategory.values()) {
      limits.add(new Choice(c.code(), i18n.text("reception.register.limit." + c.code())));
    }
    choices.put("insurance.limitCategory", List.copyOf(limits));
  }

  private static List<String> fields() {
    List<String> out = new ArrayList<>(List.of("familyName", "givenName", "familyKana", "givenKana", "alias", "sex", "birthDate",
        "phone", "mobilePhone", "postalCode", "address", "emergencyContact", "emergencyPhone", "memo",
        "insurance.insurerNumber", "insurance.symbol", "insurance.number", "insurance.branch", "insurance.insured",
        "insurance.qualifiedOn", "insurance.validTo", "insurance.elderlyRecipientTenths", "insurance.limitCategory"));
    for (int line = 0; line < PUBLIC_EXPENSE_LINES; line++) {
      for (String f : PUBLIC_EXPENSE_FIELDS) {
        out.add(PatientAtReception.publicExpenseField(line, f));
      }
    }
    out.add("reason");
    return List.copyOf(out);
  }

  /** Called with the new patient after a registration. */
  public void setOnRegistered(Consumer<PatientSummary> onRegistered) {
    this.onRegistered = onRegistered;
  }

  /** Called after a change was saved (or found to change nothing). */
  public void setOnChanged(Consumer<PatientAtReception.Changed> onChanged) {
    this.onChanged = onChanged;
  }

  /** Called with the error text when a patient cannot be opened for editing (the panel stays closed). */
  public void setOnOpenFailed(Consumer<String> onOpenFailed) {
    this.onOpenFailed = onOpenFailed;
  }

  /** Opens an empty form (sex not chosen, insurance 本人). */
  public void openNew() {
    values.values().forEach(v -> v.set(""));
    values.get("insurance.insured").set("1");
    base = null;
    loadedQualifiedOn = "";
    editing.set(false);
    title.set(i18n.text("reception.register.title"));
    revisionText.set("");
    clearFeedback();
    open.set(true);
  }

  /** Opens the form filled with the patient's current data, for a change (audited reads). */
  public void openEdit(long patientId) {
    clearFeedback();
    executor.submit(() -> desk.open(session, patientId), file -> {
      fill(file);
      base = file;
      editing.set(true);
      PatientRecord r = file.record();
      title.set(i18n.text("reception.register.editTitle", r.patient().patientNumber(),
          r.patient().familyName() + " " + r.patient().givenName()));
      revisionText.set(i18n.text("reception.register.revision", file.revisions(), file.last().author(),
          CHANGED_AT.format(file.last().changedAt().atZone(clock.getZone())),
          "registered".equals(file.last().reason()) ? i18n.text("reception.register.reason.registered") : file.last().reason()));
      open.set(true);
    }, e -> onOpenFailed.accept(i18n.error(e)));
  }

  private void fill(PatientFile file) {
    values.values().forEach(v -> v.set(""));
    PatientForm p = PatientForm.of(file.record());
    set("familyName", p.familyName());
    set("givenName", p.givenName());
    set("familyKana", p.familyKana());
    set("givenKana", p.givenKana());
    set("alias", p.alias());
    set("sex", p.sex());
    set("birthDate", Wareki.formatShort(file.record().patient().birthDate()));
    set("phone", p.phone());
    set("mobilePhone", p.mobilePhone());
    set("postalCode", p.postalCode());
    set("address", p.address());
    set("emergencyContact", p.emergencyContact());
    set("emergencyPhone", p.emergencyPhone());
    set("memo", p.memo());
    set("insurance.insured", "1");
    file.insurance().ifPresent(i -> {
      Insurance ins = i.insurance();
      set("insurance.insurerNumber", ins.insurerNumber());
      set("insurance.symbol", ins.symbol());
      set("insurance.number", ins.number());
      set("insurance.branch", ins.branch());
      set("insurance.insured", ins.insured() ? "1" : "2");
      set("insurance.qualifiedOn", date(i.qualifiedOn()));
      set("insurance.validTo", date(ins.validTo()));
      set("insurance.elderlyRecipientTenths", i.elderlyRecipientTenths() == 0 ? "" : Integer.toString(i.elderlyRecipientTenths()));
      set("insurance.limitCategory", i.limitCategory().map(LimitCategory::code).orElse(""));
    });
    loadedQualifiedOn = v("insurance.qualifiedOn");
    for (int line = 0; line < file.publicExpenses().size() && line < PUBLIC_EXPENSE_LINES; line++) {
      PublicExpense pe = file.publicExpenses().get(line);
      set(PatientAtReception.publicExpenseField(line, "payerNumber"), pe.payerNumber());
      set(PatientAtReception.publicExpenseField(line, "recipientNumber"), pe.recipientNumber());
      set(PatientAtReception.publicExpenseField(line, "validFrom"), date(pe.validFrom()));
      set(PatientAtReception.publicExpenseField(line, "validTo"), date(pe.validTo()));
      set(PatientAtReception.publicExpenseField(line, "monthlyCapYen"),
          pe.monthlyCapYen().isPresent() ? Long.toString(pe.monthlyCapYen().getAsLong()) : "");
    }
  }

  private static String date(LocalDate d) {
    return d == null ? "" : Wareki.formatShort(d);
  }

  private void set(String field, String value) {
    values.get(field).set(value == null ? "" : value);
  }

  public void close() {
    open.set(false);
    base = null;
    clearFeedback();
  }

  private void clearFeedback() {
    errorField.set("");
    message.set("");
    duplicates.clear();
  }

  /** Registers a new patient (stops at likely duplicates unless {@code anyway}), or saves the change being edited. */
  public void register(boolean anyway) {
    if (!open.get()) {
      return;
    }
    PatientEntry entry = new PatientEntry(patientForm(), insuranceForm(), publicExpenseForms());
    errorField.set("");
    PatientFile editingBase = base;
    if (editingBase != null) {
      String reason = v("reason");
      executor.submit(() -> desk.change(session, editingBase, entry, reason), changed -> {
        base = null;
        clearFeedback();
        onChanged.accept(changed);
        open.set(false);
      }, this::fail);
      return;
    }
    executor.submit(() -> desk.register(session, entry, anyway), result -> {
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
    }, this::fail);
  }

  private void fail(RuntimeException e) {
    duplicates.clear();
    if (e instanceof InvalidFieldException f) {
      errorField.set(f.field());
      message.set(label(f.field()) + i18n.error(e));
    } else {
      message.set(i18n.error(e));
    }
  }

  /** "保険者番号: " for a field of the panel, "公費2 受給者番号: " for a 公費 line's field, else "". */
  private String label(String field) {
    if (!FIELDS.contains(field)) {
      return "";
    }
    if (field.startsWith(PatientAtReception.PUBLIC_EXPENSE_FIELD_PREFIX)) {
      String line = field.substring(PatientAtReception.PUBLIC_EXPENSE_FIELD_PREFIX.length(), field.indexOf('.'));
      String name = field.substring(field.indexOf('.') + 1);
      return i18n.text("reception.register.publicExpense.line", line) + " " + i18n.text("reception.register.publicExpense." + name)
          + ": ";
    }
    return i18n.text("reception.register.field." + field) + ": ";
  }

  PatientForm patientForm() {
    return new PatientForm(v("familyName"), v("givenName"), v("familyKana"), v("givenKana"), v("alias"), v("sex"), v("birthDate"),
        v("postalCode"), v("address"), v("phone"), v("mobilePhone"), v("emergencyContact"), v("emergencyPhone"), v("memo"));
  }

  /**
   * The insurance, or null when neither 保険者番号 nor 番号 was typed (自費 patient). 資格取得日 is also the
   * start of validity; when editing, what the panel does not show (後期高齢者 rate, 現役並み, staff's
   * override, and the start of validity unless 資格取得日 changed) is kept as it was.
   */
  InsuranceForm insuranceForm() {
    if (v("insurance.insurerNumber").isBlank() && v("insurance.number").isBlank()) {
      return null;
    }
    String qualifiedOn = v("insurance.qualifiedOn");
    InsuranceRecord kept = base == null ? null : base.insurance().orElse(null);
    if (kept == null) {
      return new InsuranceForm(v("insurance.insurerNumber"), v("insurance.symbol"), v("insurance.number"), v("insurance.branch"),
          v("insurance.insured"), qualifiedOn, qualifiedOn, v("insurance.validTo"), v("insurance.elderlyRecipientTenths"), "", false,
          v("insurance.limitCategory"), "", "");
    }
    String validFrom = qualifiedOn.equals(loadedQualifiedOn) ? date(kept.insurance().validFrom()) : qualifiedOn;
    String override = kept.copaymentOverride().map(o -> Integer.toString(o.tenths())).orElse("");
    String overrideReason = kept.copaymentOverride().map(o -> o.reason()).orElse("");
    return new InsuranceForm(v("insurance.insurerNumber"), v("insurance.symbol"), v("insurance.number"), v("insurance.branch"),
        v("insurance.insured"), qualifiedOn, validFrom, v("insurance.validTo"), v("insurance.elderlyRecipientTenths"),
        kept.lateElderlyTenths() == 0 ? "" : Integer.toString(kept.lateElderlyTenths()), kept.activeIncome(),
        v("insurance.limitCategory"), override, overrideReason);
  }

  /** The 公費 lines as typed, blank lines included (the use case skips them; errors name the line). */
  List<PublicExpenseForm> publicExpenseForms() {
    List<PublicExpenseForm> out = new ArrayList<>();
    for (int line = 0; line < PUBLIC_EXPENSE_LINES; line++) {
      out.add(new PublicExpenseForm(v(PatientAtReception.publicExpenseField(line, "payerNumber")),
          v(PatientAtReception.publicExpenseField(line, "recipientNumber")),
          v(PatientAtReception.publicExpenseField(line, "validFrom")),
          v(PatientAtReception.publicExpenseField(line, "validTo")),
          v(PatientAtReception.publicExpenseField(line, "monthlyCapYen"))));
    }
    return out;
  }

  private String v(String field) {
    String s = values.get(field).get();
    return s == null ? "" : s;
  }

  /** One line per duplicate candidate. */
  public String format(PatientHit h) {
    return h.patientNumber() + "  " + h.name() + "（" + h.kana() + "）  " + Wareki.format(h.birthDate());
  }

  /** The typed value (or chosen code) of a field of {@link #FIELDS}. */
  public StringProperty value(String field) {
    StringProperty p = values.get(field);
    if (p == null) {
      throw new IllegalArgumentException(field);
    }
    return p;
  }

  /** The choices of a field of {@link #CHOICE_FIELDS}. */
  public List<Choice> choices(String field) {
    List<Choice> c = choices.get(field);
    if (c == null) {
      throw new IllegalArgumentException(field);
    }
    return c;
  }

  public BooleanProperty openProperty() {
    return open;
  }

  /** True while an existing patient is being changed (the reason and the revision line show). */
  public BooleanProperty editingProperty() {
    return editing;
  }

  public StringProperty titleProperty() {
    return title;
  }

  /** "第2版 · 最終変更 clerk 2026/11/25 10:02（転居）" while editing. */
  public StringProperty revisionTextProperty() {
    return revisionText;
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
