package jp.tsumugi.ui.reception;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.LegalAge;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.patient.PatientHit;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.qualification.ApplyWarning;
import jp.tsumugi.app.qualification.CardReaderArrivals;
import jp.tsumugi.app.qualification.InboxSource;
import jp.tsumugi.app.qualification.QualificationArrivalStore;
import jp.tsumugi.app.reception.PatientSummary;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;

/**
 * The card-reader panel of the 受付 screen (docs/adr/0021): pending arrivals (new person or known
 * patient, with the qualification warning and what to do), one-step confirm, setting aside with a reason,
 * and the day's open warnings by patient number for the queue's warning column.
 */
public final class ArrivalsViewModel {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /** One line of the list, in display form. */
  public record Line(long arrivalId, String time, String source, String patientNumber, String name, String kana, String ageSex,
      boolean newPatient, String warning, boolean alreadyCheckedIn) {
    public boolean hasWarning() {
      return !warning.isEmpty();
    }
  }

  /** Department and doctor to check in with (the check-in panel's current choice). */
  public record CheckInChoice(String department, String doctor) {
  }

  private final CardReaderArrivals arrivals;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final Session session;
  private final Clock clock;
  private final Supplier<CheckInChoice> choice;
  private final ObservableList<Line> lines = FXCollections.observableArrayList();
  private final ObservableMap<String, String> warnings = FXCollections.observableHashMap();
  private final Map<String, Long> patientIds = new HashMap<>();
  private final Map<String, List<ApplyWarning>> warningKinds = new HashMap<>();
  private final ObservableList<PatientHit> duplicates = FXCollections.observableArrayList();
  private final BooleanProperty dismissOpen = new SimpleBooleanProperty(false);
  private final StringProperty dismissTarget = new SimpleStringProperty("");
  private final StringProperty dismissReason = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");
  private final StringProperty info = new SimpleStringProperty("");
  private Runnable onCheckedIn = () -> { };
  private QualificationArrivalStore.Token token = QualificationArrivalStore.Token.NONE;
  private long dismissId;
  private long duplicatesOf;
  private boolean loading;

  public ArrivalsViewModel(CardReaderArrivals arrivals, TaskExecutor executor, I18n i18n, Session session, Clock clock,
      Supplier<CheckInChoice> choice) {
    this.arrivals = arrivals;
    this.executor = executor;
    this.i18n = i18n;
    this.session = session;
    this.clock = clock;
    this.choice = choice;
  }

  /** Called after a check-in so that the queue reloads at once. */
  public void setOnCheckedIn(Runnable onCheckedIn) {
    this.onCheckedIn = onCheckedIn;
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  /** Loads the pending arrivals and the open warnings now. */
  public void reload() {
    if (loading) {
      return;
    }
    loading = true;
    LocalDate today = today();
    executor.submit(() -> {
      QualificationArrivalStore.Token before = arrivals.changeToken(today);
      return new Loaded(before, arrivals.board(session, today));
    }, loaded -> {
      loading = false;
      token = loaded.token();
      show(loaded.board(), today);
    }, e -> {
      loading = false;
      fail(e);
    });
  }

  private record Loaded(QualificationArrivalStore.Token token, CardReaderArrivals.Board board) {
  }

  /** Called with the queue's poll: reloads only when an arrival came, was handled, or a warning was seen. */
  public void poll() {
    if (loading) {
      return;
    }
    LocalDate today = today();
    executor.submit(() -> arrivals.changeToken(today), now -> {
      if (!now.equals(token)) {
        reload();
      }
    }, e -> { });
  }

  private void show(CardReaderArrivals.Board board, LocalDate today) {
    List<Line> out = new ArrayList<>();
    for (CardReaderArrivals.Line l : board.pending()) {
      String time = TIME.format(l.at().atZone(clock.getZone()));
      String source = i18n.text(l.source() == InboxSource.RES ? "reception.arrivals.source.res" : "reception.arrivals.source.card");
      String warning = l.warning().map(this::warningText).orElse("");
      if (l.patient().isPresent()) {
        PatientSummary p = l.patient().get();
        out.add(new Line(l.arrivalId(), time, source, p.patientNumber(), p.name(), p.kana(), ageSex(p.birthDate(), p.sex(), today), false,
            warning, l.openVisitToday()));
      } else if (l.newPerson().isPresent()) {
        CardReaderArrivals.NewPerson p = l.newPerson().get();
        Sex sex = "1".equals(p.sexCode()) ? Sex.MALE : "2".equals(p.sexCode()) ? Sex.FEMALE : null;
        out.add(new Line(l.arrivalId(), time, source, "", p.name(), p.kana(), ageSex(p.birthDate(), sex, today), true, warning, false));
      } else {
        out.add(new Line(l.arrivalId(), time, source, "", i18n.text("reception.arrivals.unknownPerson"), "", "", false, warning, false));
      }
    }
    lines.setAll(out);
    Map<String, String> open = new HashMap<>();
    patientIds.clear();
    warningKinds.clear();
    for (CardReaderArrivals.PatientWarning w : board.warnings()) {
      List<ApplyWarning> kinds = warningKinds.computeIfAbsent(w.patientNumber(), k -> new ArrayList<>());
      if (!kinds.contains(w.warning())) {
        kinds.add(w.warning());
      }
      patientIds.put(w.patientNumber(), w.patientId());
    }
    warningKinds.forEach((number, kinds) -> open.put(number,
        String.join("・", kinds.stream().map(this::shortWarning).toList())));
    warnings.keySet().retainAll(open.keySet());
    warnings.putAll(open);
  }

  private String ageSex(LocalDate birthDate, Sex sex, LocalDate today) {
    String s = sex == Sex.MALE ? i18n.text("reception.sex.male") : sex == Sex.FEMALE ? i18n.text("reception.sex.female") : "";
    return i18n.text("reception.ageSex", LegalAge.on(birthDate, today), s).strip();
  }

  /** The Japanese text of a warning with what to do. */
  public String warningText(ApplyWarning w) {
    return i18n.text("qualification.warning." + w.name());
  }

  private String shortWarning(ApplyWarning w) {
    return i18n.text("reception.arrivals.warningShort." + w.name());
  }

  /** The full text of the patient's open warnings today ("" if none), for the queue row's tooltip. */
  public String warningDetail(String patientNumber) {
    List<ApplyWarning> kinds = patientNumber == null ? null : warningKinds.get(patientNumber);
    return kinds == null ? "" : String.join("\n", kinds.stream().map(this::warningText).toList());
  }

  /** Enter on a line: checks the person in (a new person is registered first from the card's data). */
  public void confirm(Line line) {
    if (line == null) {
      return;
    }
    confirm(line.arrivalId(), false);
  }

  /** "それでも登録": the listed candidates are other people. */
  public void registerAnyway() {
    if (duplicatesOf != 0) {
      confirm(duplicatesOf, true);
    }
  }

  private void confirm(long arrivalId, boolean registerAnyway) {
    CheckInChoice c = choice.get();
    CardReaderArrivals.Confirm command = new CardReaderArrivals.Confirm(arrivalId, c.department(), c.doctor(), null, true,
        registerAnyway);
    message.set("");
    executor.submit(() -> arrivals.confirm(session, command), outcome -> {
      duplicates.clear();
      duplicatesOf = 0;
      if (outcome instanceof CardReaderArrivals.CheckedIn done) {
        info.set("");
        info.set(i18n.text(done.newPatient() ? "reception.arrivals.registeredAndCheckedIn" : "reception.arrivals.checkedIn",
            done.visit().receptionNumber()));
        onCheckedIn.run();
      } else if (outcome instanceof CardReaderArrivals.AlreadyCheckedIn already) {
        info.set("");
        info.set(i18n.text("reception.arrivals.alreadyCheckedIn", already.receptionNumber()));
      } else if (outcome instanceof CardReaderArrivals.LikelyDuplicates d) {
        duplicatesOf = arrivalId;
        duplicates.setAll(d.candidates());
        message.set(i18n.text("reception.arrivals.duplicates", d.candidates().size()));
        return;
      }
      reload();
    }, this::failAndReload);
  }

  /** Delete on a line: asks for the reason. */
  public void startDismiss(Line line) {
    if (line == null) {
      return;
    }
    dismissId = line.arrivalId();
    dismissTarget.set(i18n.text("reception.arrivals.dismiss.target", line.time(), line.name()));
    dismissReason.set("");
    message.set("");
    dismissOpen.set(true);
  }

  public void confirmDismiss() {
    if (!dismissOpen.get()) {
      return;
    }
    long id = dismissId;
    String reason = dismissReason.get();
    executor.submit(() -> {
      arrivals.dismiss(session, id, reason);
      return id;
    }, done -> {
      dismissOpen.set(false);
      info.set(i18n.text("reception.arrivals.dismissed"));
      reload();
    }, this::fail);
  }

  public void closeDismiss() {
    dismissOpen.set(false);
  }

  /** Marks the patient's open warnings of today seen (the queue's warning column clears). */
  public void markSeen(String patientNumber) {
    Long patientId = patientNumber == null ? null : patientIds.get(patientNumber);
    if (patientId == null) {
      return;
    }
    LocalDate today = today();
    executor.submit(() -> arrivals.markWarningsSeen(session, patientId, today), n -> {
      info.set(i18n.text("reception.arrivals.warningSeen"));
      reload();
    }, this::fail);
  }

  /** The open warning of a patient today, short form ("" if none), for the queue column. */
  public String warningFor(String patientNumber) {
    return patientNumber == null ? "" : warnings.getOrDefault(patientNumber, "");
  }

  private void fail(RuntimeException e) {
    message.set(i18n.error(e));
  }

  private void failAndReload(RuntimeException e) {
    fail(e);
    if (e instanceof TsumugiException t && t.errorCode() == ErrorCode.QUALIFICATION_ARRIVAL_NOT_PENDING) {
      reload();
    }
  }

  /** One line per duplicate candidate. */
  public String format(PatientHit p) {
    return p.patientNumber() + "  " + p.name() + "  " + p.kana() + "  " + ageSex(p.birthDate(), p.sex(), today());
  }

  public ObservableList<Line> lines() {
    return lines;
  }

  public ObservableMap<String, String> warnings() {
    return warnings;
  }

  public ObservableList<PatientHit> duplicates() {
    return duplicates;
  }

  public BooleanProperty dismissOpenProperty() {
    return dismissOpen;
  }

  public StringProperty dismissTargetProperty() {
    return dismissTarget;
  }

  public StringProperty dismissReasonProperty() {
    return dismissReason;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public StringProperty infoProperty() {
    return info;
  }
}
