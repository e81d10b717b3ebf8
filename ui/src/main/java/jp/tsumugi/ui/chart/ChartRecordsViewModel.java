package jp.tsumugi.ui.chart;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.tsumugi.app.chart.Allergy;
import jp.tsumugi.app.chart.AllergyKind;
import jp.tsumugi.app.chart.AllergySeverity;
import jp.tsumugi.app.chart.ChartOverview;
import jp.tsumugi.app.chart.ChartProblems;
import jp.tsumugi.app.chart.Contraindication;
import jp.tsumugi.app.chart.FactRevision;
import jp.tsumugi.app.chart.Infection;
import jp.tsumugi.app.chart.InfectionAgent;
import jp.tsumugi.app.chart.InfectionResult;
import jp.tsumugi.app.chart.PatientFact;
import jp.tsumugi.app.chart.PatientFacts;
import jp.tsumugi.app.chart.Problem;
import jp.tsumugi.app.chart.ProblemCourse;
import jp.tsumugi.app.chart.ProblemInput;
import jp.tsumugi.app.chart.ProblemOutcome;
import jp.tsumugi.app.chart.ProblemRevision;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.common.Wareki;
import jp.tsumugi.app.master.MasterCatalog;
import jp.tsumugi.app.master.search.ComposedDisease;
import jp.tsumugi.app.master.search.SearchEntry;
import jp.tsumugi.app.master.search.SearchHit;
import jp.tsumugi.app.master.search.SearchQuery;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;

/**
 * Problems (傷病名) and the patient facts (allergies, 薬剤禁忌, infections) as the chart window edits them:
 * a disease found in the official master by kana or kanji (or typed with its 修飾語, or 未コード化 on
 * purpose), 主病, 疑い, 急性/慢性, start date; 転帰 with date and reason; deletion with a reason. Every
 * change is a new revision through the use cases; the header badges and the list follow at once.
 */
public final class ChartRecordsViewModel {
  /** What the fact form adds. */
  public enum FactChoice {
    DRUG_INGREDIENT,
    DRUG_PRODUCT,
    FOOD,
    OTHER,
    CONTRAINDICATION,
    INFECTION
  }

  private static final int HITS = 20;

  private final ChartProblems problems;
  private final PatientFacts facts;
  private final MasterCatalog masters;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final Session session;
  private final Clock clock;
  private final ChartViewModel chart;

  private final ObservableList<SearchEntry> hits = FXCollections.observableArrayList();
  private final StringProperty problemText = new SimpleStringProperty("");
  private final BooleanProperty main = new SimpleBooleanProperty(false);
  private final BooleanProperty suspected = new SimpleBooleanProperty(false);
  private final ObjectProperty<ProblemCourse> course = new SimpleObjectProperty<>(ProblemCourse.NONE);
  private final StringProperty start = new SimpleStringProperty("");
  private final ObjectProperty<ProblemOutcome> outcome = new SimpleObjectProperty<>(ProblemOutcome.CURED);
  private final StringProperty outcomeDate = new SimpleStringProperty("");
  private final StringProperty reason = new SimpleStringProperty("");

  private final ObservableList<FactRevision> factRows = FXCollections.observableArrayList();
  private final ObjectProperty<FactChoice> factChoice = new SimpleObjectProperty<>(FactChoice.DRUG_INGREDIENT);
  private final StringProperty factName = new SimpleStringProperty("");
  private final StringProperty factCode = new SimpleStringProperty("");
  private final StringProperty factText = new SimpleStringProperty("");
  private final ObjectProperty<AllergySeverity> severity = new SimpleObjectProperty<>(AllergySeverity.UNKNOWN);
  private final ObjectProperty<InfectionAgent> agent = new SimpleObjectProperty<>(InfectionAgent.HBV);
  private final ObjectProperty<InfectionResult> result = new SimpleObjectProperty<>(InfectionResult.POSITIVE);
  private final StringProperty factDate = new SimpleStringProperty("");

  private final StringProperty message = new SimpleStringProperty("");
  private final StringProperty info = new SimpleStringProperty("");
  private int searchGeneration;

  public ChartRecordsViewModel(ChartProblems problems, PatientFacts facts, MasterCatalog masters, TaskExecutor executor, I18n i18n,
      Session session, Clock clock, ChartViewModel chart) {
    this.problems = problems;
    this.facts = facts;
    this.masters = masters;
    this.executor = executor;
    this.i18n = i18n;
    this.session = session;
    this.clock = clock;
    this.chart = chart;
    String today = LocalDate.now(clock).toString();
    start.set(today);
    outcomeDate.set(today);
    chart.headerProperty().addListener((obs, was, now) -> factRows.setAll(now == null ? List.of() : rows(now)));
  }

  private static List<FactRevision> rows(ChartOverview.Header h) {
    List<FactRevision> out = new ArrayList<>(h.allergies());
    out.addAll(h.contraindications());
    out.addAll(h.infections());
    return out;
  }

  // ---- problems --------------------------------------------------------------------------------

  /** Diseases of the official master matching typed kana, kanji or code, for the add form. */
  public void searchDisease(String text) {
    String q = text == null ? "" : text.strip();
    int generation = ++searchGeneration;
    if (q.isEmpty()) {
      hits.clear();
      return;
    }
    executor.submit(() -> masters.search(SearchQuery.of(q, HITS).withKinds(SearchEntry.Kind.DISEASE)).stream()
        .map(SearchHit::entry).toList(), found -> {
          if (generation == searchGeneration) {
            hits.setAll(found);
          }
        }, this::fail);
  }

  /**
   * Enter in the disease field: the typed text when the masters read it whole as 修飾語 + disease (右変形性膝関節症),
   * else the first candidate, else nothing (the doctor must choose, or add it 未コード化 on purpose).
   */
  public void addTyped(SearchEntry firstHit) {
    long patient = chart.patientId();
    String typed = problemText.get() == null ? "" : problemText.get().strip();
    if (patient == 0 || typed.isEmpty()) {
      return;
    }
    LocalDate startDate;
    try {
      startDate = Wareki.parse(start.get());
    } catch (TsumugiException e) {
      fail(e);
      return;
    }
    boolean isMain = main.get();
    boolean isSuspected = suspected.get();
    ProblemCourse c = course.get();
    executor.submit(() -> {
      Optional<ComposedDisease> parsed = masters.parseDisease(typed, startDate).filter(d -> d.name().equals(typed));
      ProblemInput input;
      if (parsed.isPresent()) {
        input = new ProblemInput(parsed.get().diseaseCode(), parsed.get().modifierCodes(), null, isMain, isSuspected, c, startDate,
            ProblemOutcome.NONE, null);
      } else if (firstHit != null) {
        input = new ProblemInput(firstHit.code(), List.of(), null, isMain, isSuspected, c, startDate, ProblemOutcome.NONE, null);
      } else {
        return null;
      }
      return problems.add(session, patient, input);
    }, added -> {
      if (added == null) {
        message.set(i18n.text("chart.problem.notInMaster"));
        return;
      }
      problemAdded(added);
    }, this::fail);
  }

  /** Adds the master disease the doctor chose from the candidates. */
  public void addProblem(SearchEntry chosen) {
    long patient = chart.patientId();
    if (patient == 0) {
      return;
    }
    LocalDate startDate;
    try {
      startDate = Wareki.parse(start.get());
    } catch (TsumugiException e) {
      fail(e);
      return;
    }
    if (chosen == null) {
      return;
    }
    ProblemInput input = new ProblemInput(chosen.code(), List.of(), null, main.get(), suspected.get(), course.get(), startDate,
        ProblemOutcome.NONE, null);
    executor.submit(() -> problems.add(session, patient, input), this::problemAdded, this::fail);
  }

  /** Adds the typed name as 未コード化傷病名 (0000999), on purpose (Shift+Enter). */
  public void addUncoded() {
    long patient = chart.patientId();
    String typed = problemText.get() == null ? "" : problemText.get().strip();
    if (patient == 0 || typed.isEmpty()) {
      return;
    }
    LocalDate startDate;
    try {
      startDate = Wareki.parse(start.get());
    } catch (TsumugiException e) {
      fail(e);
      return;
    }
    ProblemInput input = new ProblemInput(Problem.UNCODED, List.of(), typed, main.get(), suspected.get(), course.get(), startDate,
        ProblemOutcome.NONE, null);
    executor.submit(() -> problems.add(session, patient, input), this::problemAdded, this::fail);
  }

  private void problemAdded(ProblemRevision added) {
    problemText.set("");
    hits.clear();
    main.set(false);
    suspected.set(false);
    course.set(ProblemCourse.NONE);
    message.set("");
    info.set(i18n.text("chart.problem.added", added.problem().displayName()));
    chart.refreshRecords();
  }

  /** 転帰: a new revision of the problem with the outcome and its date, and the reason. */
  public void endProblem(ProblemRevision current) {
    if (current == null || current.problem() == null) {
      return;
    }
    LocalDate date;
    try {
      date = Wareki.parse(outcomeDate.get());
    } catch (TsumugiException e) {
      fail(e);
      return;
    }
    Problem p = current.problem();
    ProblemInput input = new ProblemInput(p.diseaseCode(), p.modifierCodes(), p.uncoded() ? p.displayName() : null, p.mainDisease(),
        p.suspected(), p.course(), p.startDate(), outcome.get(), outcome.get() == ProblemOutcome.NONE ? null : date);
    String why = reasonOrDefault();
    executor.submit(() -> problems.change(session, current.recordId(), current.revision(), input, why), changed -> {
      info.set(i18n.text("chart.problem.changed", changed.problem().displayName()));
      message.set("");
      reason.set("");
      chart.refreshRecords();
    }, this::fail);
  }

  /** Deletes the problem (a tombstone with the typed reason; 登録誤り by default). */
  public void deleteProblem(ProblemRevision current) {
    if (current == null) {
      return;
    }
    String why = reason.get() == null || reason.get().isBlank() ? "" : reason.get().strip();
    if (why.isEmpty()) {
      message.set(i18n.text("chart.message.reasonRequired"));
      return;
    }
    executor.submit(() -> problems.tombstone(session, current.recordId(), current.revision(), why), deleted -> {
      info.set(i18n.text("chart.problem.deleted"));
      message.set("");
      reason.set("");
      chart.refreshRecords();
    }, this::fail);
  }

  private String reasonOrDefault() {
    String typed = reason.get() == null ? "" : reason.get().strip();
    return typed.isEmpty() ? i18n.text("chart.problem.outcomeReason") : typed;
  }

  /** The problem's revisions in the record history overlay. */
  public void showProblemHistory(ProblemRevision current, java.util.function.Function<Problem, String> describe) {
    if (current == null) {
      return;
    }
    chart.showRecordHistory(i18n.text("chart.recordHistory.problem"), () -> problems.history(session, current.recordId()).stream()
        .map(r -> new HistoryRow(r.revision(), r.author(), r.at(), r.terminal(), r.reason(), r.isTombstone(),
            r.problem() == null ? "" : describe.apply(r.problem()))).toList());
  }

  /** The fact's revisions in the record history overlay. */
  public void showFactHistory(FactRevision current, java.util.function.Function<FactRevision, String> describe) {
    if (current == null) {
      return;
    }
    chart.showRecordHistory(i18n.text("chart.recordHistory.fact"), () -> facts.history(session, current.recordId()).stream()
        .map(r -> new HistoryRow(r.revision(), r.author(), r.at(), r.terminal(), r.reason(), r.isTombstone(),
            r.fact() == null ? "" : describe.apply(r))).toList());
  }

  // ---- allergies, 薬剤禁忌, infections ------------------------------------------------------------

  /** Adds what the fact form holds; the header badges follow. */
  public void addFact() {
    long patient = chart.patientId();
    if (patient == 0) {
      return;
    }
    PatientFact fact;
    try {
      fact = factFromForm();
    } catch (TsumugiException e) {
      fail(e);
      return;
    }
    executor.submit(() -> facts.add(session, patient, fact), added -> {
      factName.set("");
      factCode.set("");
      factText.set("");
      message.set("");
      info.set(i18n.text("chart.fact.added"));
      chart.refreshRecords();
    }, this::fail);
  }

  private PatientFact factFromForm() {
    String name = factName.get() == null ? "" : factName.get().strip();
    String code = factCode.get() == null ? "" : factCode.get().strip();
    String text = factText.get() == null ? "" : factText.get().strip();
    switch (factChoice.get()) {
      case CONTRAINDICATION:
        return new Contraindication(code, name, text);
      case INFECTION:
        LocalDate date = factDate.get() == null || factDate.get().isBlank() ? null : Wareki.parse(factDate.get());
        return new Infection(agent.get(), agent.get() == InfectionAgent.OTHER ? name : "", result.get(), date);
      default:
        return new Allergy(AllergyKind.valueOf(factChoice.get().name()), code, name, text, severity.get());
    }
  }

  /** Deletes an allergy, contraindication or infection with the typed reason. */
  public void deleteFact(FactRevision current) {
    if (current == null) {
      return;
    }
    String why = reason.get() == null ? "" : reason.get().strip();
    if (why.isEmpty()) {
      message.set(i18n.text("chart.message.reasonRequired"));
      return;
    }
    executor.submit(() -> facts.tombstone(session, current.recordId(), current.revision(), why), deleted -> {
      info.set(i18n.text("chart.fact.deleted"));
      message.set("");
      reason.set("");
      chart.refreshRecords();
    }, this::fail);
  }

  private void fail(RuntimeException e) {
    info.set("");
    message.set(i18n.error(e));
  }

  // ---- properties ------------------------------------------------------------------------------

  public ObservableList<SearchEntry> hits() {
    return hits;
  }

  public StringProperty problemTextProperty() {
    return problemText;
  }

  public BooleanProperty mainProperty() {
    return main;
  }

  public BooleanProperty suspectedProperty() {
    return suspected;
  }

  public ObjectProperty<ProblemCourse> courseProperty() {
    return course;
  }

  public StringProperty startProperty() {
    return start;
  }

  public ObjectProperty<ProblemOutcome> outcomeProperty() {
    return outcome;
  }

  public StringProperty outcomeDateProperty() {
    return outcomeDate;
  }

  public StringProperty reasonProperty() {
    return reason;
  }

  public ObservableList<FactRevision> factRows() {
    return factRows;
  }

  public ObjectProperty<FactChoice> factChoiceProperty() {
    return factChoice;
  }

  public StringProperty factNameProperty() {
    return factName;
  }

  public StringProperty factCodeProperty() {
    return factCode;
  }

  public StringProperty factTextProperty() {
    return factText;
  }

  public ObjectProperty<AllergySeverity> severityProperty() {
    return severity;
  }

  public ObjectProperty<InfectionAgent> agentProperty() {
    return agent;
  }

  public ObjectProperty<InfectionResult> resultProperty() {
    return result;
  }

  public StringProperty factDateProperty() {
    return factDate;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public StringProperty infoProperty() {
    return info;
  }

  public Clock clock() {
    return clock;
  }
}
