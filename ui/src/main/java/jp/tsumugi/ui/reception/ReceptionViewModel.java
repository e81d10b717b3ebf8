package jp.tsumugi.ui.reception;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.tsumugi.app.common.LegalAge;
import jp.tsumugi.app.common.Wareki;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.reception.ChangeToken;
import jp.tsumugi.app.reception.CombinationChoices;
import jp.tsumugi.app.reception.Departments;
import jp.tsumugi.app.reception.PatientSummary;
import jp.tsumugi.app.reception.QueueEntry;
import jp.tsumugi.app.reception.QueueRow;
import jp.tsumugi.app.reception.Reception;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.reception.VisitStatus;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;

/**
 * The 受付 screen: today's queue (refreshed when the change token moves), patient search, the
 * check-in panel and the status keys. Holds properties only; the controller binds them.
 */
public final class ReceptionViewModel {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /** One line of the queue table, already in display form. */
  public record Row(long visitId, int number, String time, String patientNumber, String name, String kana, String ageSex,
      String department, String doctor, String insurance, String status, String unverified, VisitStatus statusCode) {
  }

  /** A doctor in the chooser; null username means not assigned yet. */
  public record DoctorChoice(String username, String label) {
    @Override
    public String toString() {
      return label;
    }
  }

  /** A combination in the chooser; null id means 自費. */
  public record CombinationChoice(Long combinationId, String label) {
    @Override
    public String toString() {
      return label;
    }
  }

  private final Reception reception;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final Session session;
  private final Clock clock;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObservableList<String> departments = FXCollections.observableArrayList();
  private final ObservableList<DoctorChoice> doctors = FXCollections.observableArrayList();
  private final ObservableList<CombinationChoice> combinationChoices = FXCollections.observableArrayList();
  private final ObjectProperty<PatientSummary> patient = new SimpleObjectProperty<>();
  private final StringProperty patientText = new SimpleStringProperty("");
  private final StringProperty department = new SimpleStringProperty();
  private final ObjectProperty<DoctorChoice> doctor = new SimpleObjectProperty<>();
  private final ObjectProperty<CombinationChoice> combination = new SimpleObjectProperty<>();
  private final BooleanProperty checkInOpen = new SimpleBooleanProperty(false);
  private final BooleanProperty cancelOpen = new SimpleBooleanProperty(false);
  private final StringProperty cancelReason = new SimpleStringProperty("");
  private final StringProperty cancelTarget = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");
  private final StringProperty info = new SimpleStringProperty("");
  private final StringProperty summary = new SimpleStringProperty("");
  private final Map<String, String> doctorNames = new HashMap<>();
  private final Map<Long, Long> patientOfVisit = new HashMap<>();
  private ChangeToken token = ChangeToken.NONE;
  private java.util.function.Consumer<Visit> onCheckedIn = visit -> { };
  private java.util.function.LongConsumer onOpenChart;
  private long cancelVisitId;
  private boolean loading;

  public ReceptionViewModel(Reception reception, TaskExecutor executor, I18n i18n, Session session, Clock clock) {
    this.reception = reception;
    this.executor = executor;
    this.i18n = i18n;
    this.session = session;
    this.clock = clock;
    showDepartments(Departments.DEFAULT);
  }

  /**
   * The clinic's departments as offered at check-in. The chosen one stays chosen (staff often check several
   * patients into one department) until the clinic's list changes; then the first, the default, is chosen.
   */
  private void showDepartments(Departments offered) {
    if (!departments.equals(offered.names())) {
      departments.setAll(offered.names());
      department.set(offered.defaultName());
    } else if (department.get() == null || !offered.contains(department.get())) {
      department.set(offered.defaultName());
    }
  }

  private record Choices(List<CombinationChoices.Choice> combinations, Departments departments) {
  }

  /** Loads the doctors and the queue. */
  public void start() {
    executor.submit(() -> reception.doctors(session), found -> {
      List<DoctorChoice> choices = new ArrayList<>();
      choices.add(new DoctorChoice(null, i18n.text("reception.doctor.none")));
      for (Reception.Doctor d : found) {
        doctorNames.put(d.username(), d.displayName());
        choices.add(new DoctorChoice(d.username(), d.displayName()));
      }
      doctors.setAll(choices);
      doctor.set(choices.size() > 1 ? choices.get(1) : choices.get(0));
      reload();
    }, this::fail);
  }

  /** Reloads the queue now. */
  public void reload() {
    if (loading) {
      return;
    }
    loading = true;
    LocalDate today = reception.today();
    executor.submit(() -> {
      ChangeToken before = reception.changeToken(today);
      return new Loaded(before, reception.todaysQueue(session, today));
    }, loaded -> {
      loading = false;
      token = loaded.token();
      show(loaded.rows(), today);
    }, e -> {
      loading = false;
      fail(e);
    });
  }

  private record Loaded(ChangeToken token, List<QueueRow> rows) {
  }

  /** Called every few seconds: reloads only when another terminal (or this one) changed the day's queue. */
  public void poll() {
    if (loading) {
      return;
    }
    LocalDate today = reception.today();
    executor.submit(() -> reception.changeToken(today), now -> {
      if (!now.equals(token)) {
        reload();
      }
    }, e -> { });
  }

  private void show(List<QueueRow> queue, LocalDate today) {
    ZoneId zone = clock.getZone();
    List<Row> lines = new ArrayList<>(queue.size());
    int waiting = 0;
    for (QueueRow r : queue) {
      QueueEntry e = r.entry();
      Visit v = e.visit();
      PatientSummary p = r.patient();
      if (e.status() == VisitStatus.CHECKED_IN) {
        waiting++;
      }
      lines.add(new Row(v.id(), v.receptionNumber(), TIME.format(v.checkedInAt().atZone(zone)), p.patientNumber(), p.name(),
          p.kana(), ageSex(p, today), v.department(), v.doctor() == null ? "-" : doctorNames.getOrDefault(v.doctor(), v.doctor()),
          v.selfPay() ? i18n.text("reception.selfPay") : r.insuranceLabel(), statusText(e.status()),
          e.qualificationUnverified() ? i18n.text("reception.unverified") : "", e.status()));
    }
    patientOfVisit.clear();
    for (QueueRow r : queue) {
      patientOfVisit.put(r.entry().visit().id(), r.entry().visit().patientId());
    }
    rows.setAll(lines);
    summary.set(i18n.text("reception.summary", lines.size(), waiting));
  }

  private String ageSex(PatientSummary p, LocalDate today) {
    String sex = p.sex() == Sex.MALE ? i18n.text("reception.sex.male") : i18n.text("reception.sex.female");
    return i18n.text("reception.ageSex", LegalAge.on(p.birthDate(), today), sex);
  }

  /** The Japanese name of a status. */
  public String statusText(VisitStatus status) {
    return statusText(i18n, status);
  }

  /** The name of a status in the bundle's language (the chart's list of today's patients uses it too). */
  public static String statusText(I18n i18n, VisitStatus status) {
    return switch (status) {
      case CHECKED_IN -> i18n.text("reception.status.checkedIn");
      case IN_CONSULTATION -> i18n.text("reception.status.inConsultation");
      case AWAITING_PAYMENT -> i18n.text("reception.status.awaitingPayment");
      case PAID -> i18n.text("reception.status.paid");
      case CANCELLED -> i18n.text("reception.status.cancelled");
    };
  }

  /** Runs on the worker: the search popover's query. */
  public List<PatientSummary> search(String text) {
    return reception.searchPatients(session, text);
  }

  /** One line per patient in the search list. */
  public String format(PatientSummary p) {
    return p.patientNumber() + "  " + p.name() + "  " + p.kana() + "  " + Wareki.format(p.birthDate()) + "  "
        + ageSex(p, reception.today());
  }

  /** A patient was chosen: open the check-in panel with the combinations valid today. */
  public void choose(PatientSummary chosen) {
    patient.set(chosen);
    patientText.set(chosen.patientNumber() + "  " + chosen.name() + "（" + chosen.kana() + "）  " + ageSex(chosen, reception.today()));
    message.set("");
    info.set("");
    executor.submit(() -> new Choices(reception.checkInChoices(session, chosen.id()), reception.departments()), found -> {
      showDepartments(found.departments());
      List<CombinationChoice> choices = new ArrayList<>();
      for (CombinationChoices.Choice c : found.combinations()) {
        choices.add(new CombinationChoice(c.combinationId(), c.label()));
      }
      choices.add(new CombinationChoice(null, i18n.text("reception.selfPay")));
      combinationChoices.setAll(choices);
      combination.set(choices.get(0));
      checkInOpen.set(true);
    }, this::fail);
  }

  /** Checks the chosen patient in. */
  public void confirmCheckIn() {
    PatientSummary p = patient.get();
    if (p == null || !checkInOpen.get()) {
      return;
    }
    CombinationChoice c = combination.get();
    DoctorChoice d = doctor.get();
    Reception.CheckIn command = new Reception.CheckIn(p.id(), department.get(), d == null ? null : d.username(),
        c == null ? null : c.combinationId());
    executor.submit(() -> reception.checkIn(session, command), visit -> {
      onCheckedIn.accept(visit);
      checkInOpen.set(false);
      patient.set(null);
      message.set("");
      info.set(i18n.text("reception.checkedIn", visit.receptionNumber(), p.name()));
      reload();
    }, this::fail);
  }

  /**
   * Called on the UI thread after each check-in from this screen has committed (the desktop sends the
   * 資格確認 request then, docs/adr/0023); must return at once.
   */
  /** Where Ctrl+O takes the selected visit: the chart window (set by the shell). */
  public void setOnOpenChart(java.util.function.LongConsumer listener) {
    this.onOpenChart = listener;
  }

  /** Opens the chart of the selected visit's patient, if the shell offers a chart. */
  public void openChart(Row row) {
    if (row != null && onOpenChart != null) {
      onOpenChart.accept(row.visitId());
    }
  }

  public void setOnCheckedIn(java.util.function.Consumer<Visit> listener) {
    this.onCheckedIn = listener == null ? visit -> { } : listener;
  }

  public void closeCheckIn() {
    checkInOpen.set(false);
    patient.set(null);
  }

  /** Moves the row to a status (F8 診察中, F9 会計待ち, F10 会計済). */
  public void moveTo(Row row, VisitStatus target) {
    if (row == null) {
      message.set(i18n.text("reception.noRow"));
      return;
    }
    executor.submit(() -> reception.changeStatus(session, row.visitId(), target), done -> changed(done), this::failAndReload);
  }

  /** Enter on a row: one step forward. */
  public void advance(Row row) {
    if (row == null) {
      return;
    }
    executor.submit(() -> reception.advance(session, row.visitId()), this::changed, this::failAndReload);
  }

  private void changed(QueueEntry entry) {
    message.set("");
    info.set(i18n.text("reception.changed", entry.visit().receptionNumber(), statusText(entry.status())));
    reload();
  }

  /** F12: asks for the reason. */
  public void startCancel(Row row) {
    if (row == null) {
      message.set(i18n.text("reception.noRow"));
      return;
    }
    message.set("");
    cancelVisitId = row.visitId();
    cancelTarget.set(i18n.text("reception.cancel.target", row.number(), row.name()));
    cancelReason.set("");
    cancelOpen.set(true);
  }

  public void confirmCancel() {
    if (!cancelOpen.get()) {
      return;
    }
    long visitId = cancelVisitId;
    String reason = cancelReason.get();
    executor.submit(() -> reception.cancel(session, visitId, reason), done -> {
      cancelOpen.set(false);
      changed(done);
    }, this::fail);
  }

  public void closeCancel() {
    cancelOpen.set(false);
  }

  /** The patient of a queue row (for editing the patient from the queue), or -1 if the row is unknown. */
  public long patientIdOf(Row row) {
    return row == null ? -1 : patientOfVisit.getOrDefault(row.visitId(), -1L);
  }

  /** The patient of the open check-in panel, or null. */
  public PatientSummary chosenPatient() {
    return checkInOpen.get() ? patient.get() : null;
  }

  /** Shows a confirmation above the queue. */
  public void inform(String text) {
    message.set("");
    info.set(text);
  }

  /** Shows a problem above the queue. */
  public void warn(String text) {
    message.set(text);
  }

  private void fail(RuntimeException e) {
    message.set(i18n.error(e));
  }

  private void failAndReload(RuntimeException e) {
    fail(e);
    reload();
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public ObservableList<String> departments() {
    return departments;
  }

  public ObservableList<DoctorChoice> doctors() {
    return doctors;
  }

  public ObservableList<CombinationChoice> combinationChoices() {
    return combinationChoices;
  }

  public StringProperty patientTextProperty() {
    return patientText;
  }

  public StringProperty departmentProperty() {
    return department;
  }

  public ObjectProperty<DoctorChoice> doctorProperty() {
    return doctor;
  }

  public ObjectProperty<CombinationChoice> combinationProperty() {
    return combination;
  }

  public BooleanProperty checkInOpenProperty() {
    return checkInOpen;
  }

  public BooleanProperty cancelOpenProperty() {
    return cancelOpen;
  }

  public StringProperty cancelReasonProperty() {
    return cancelReason;
  }

  public StringProperty cancelTargetProperty() {
    return cancelTarget;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public StringProperty infoProperty() {
    return info;
  }

  public StringProperty summaryProperty() {
    return summary;
  }
}
