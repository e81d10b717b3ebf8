package jp.tsumugi.app.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.tsumugi.app.chart.Allergy;
import jp.tsumugi.app.chart.AllergyKind;
import jp.tsumugi.app.chart.AllergySeverity;
import jp.tsumugi.app.chart.ChartNotes;
import jp.tsumugi.app.chart.ChartProblems;
import jp.tsumugi.app.chart.Contraindication;
import jp.tsumugi.app.chart.Infection;
import jp.tsumugi.app.chart.InfectionAgent;
import jp.tsumugi.app.chart.InfectionResult;
import jp.tsumugi.app.chart.PatientFacts;
import jp.tsumugi.app.chart.ProblemCourse;
import jp.tsumugi.app.chart.ProblemInput;
import jp.tsumugi.app.chart.ProblemOutcome;
import jp.tsumugi.app.chart.SoapNote;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.reception.StatusChange;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.reception.VisitRepository;
import jp.tsumugi.app.reception.VisitStatus;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.security.UserRepository;

/**
 * Synthetic chart history for the demo clinic: past visits with signed notes, problems, an allergy, a drug
 * contraindication and an infection on the first demo patients, written through the use cases by the demo
 * doctor so that the audit log and the revision chains are the real thing. Problems are coded when the
 * official disease master is loaded, and typed (未コード化) otherwise.
 */
public final class DemoCharts {
  /** How many of the first demo patients get a history. */
  public static final int PATIENTS_WITH_HISTORY = 8;

  private record Course(String disease, String name, String[] subjective, String[] objective, String[] assessment, String plan) {
  }

  private static final List<Course> COURSES = List.of(
      new Course("8833421", "高血圧症",
          new String[] {"特に変わりなし。家庭血圧 130台/80台。", "朝の血圧がやや高い。頭痛なし。", "減塩を続けている。"},
          new String[] {"BP 132/84 P 72 整", "BP 138/86 P 76", "BP 128/80 浮腫なし"},
          new String[] {"高血圧症 コントロール良好", "高血圧症 やや高め、経過観察", "高血圧症 安定"},
          "アムロジピン錠5mg 1錠 1日1回朝食後 28日分\n次回 4週後"),
      new Course("2500015", "２型糖尿病",
          new String[] {"間食を控えている。口渇なし。", "年末で食事が乱れた。", "運動を始めた（散歩 30分）。"},
          new String[] {"体重 68.2kg HbA1c 7.1%", "体重 69.0kg HbA1c 7.4%", "体重 67.5kg HbA1c 6.9%"},
          new String[] {"２型糖尿病 概ね良好", "２型糖尿病 悪化傾向、食事指導", "２型糖尿病 改善"},
          "メトホルミン塩酸塩錠250mg 2錠 1日2回朝夕食後 28日分\n採血 次回"),
      new Course("8844446", "脂質異常症",
          new String[] {"筋肉痛なし。", "特になし。"},
          new String[] {"LDL-C 128 mg/dL", "LDL-C 118 mg/dL"},
          new String[] {"脂質異常症 治療継続", "脂質異常症 目標達成"},
          "ロスバスタチン錠2.5mg 1錠 1日1回夕食後 28日分"),
      new Course("4659007", "急性上気道炎",
          new String[] {"昨日から咽頭痛、鼻汁。発熱 37.8℃。", "咳が少し残る。"},
          new String[] {"咽頭発赤あり 扁桃腫大なし 肺音清", "咽頭発赤軽度 SpO2 98%"},
          new String[] {"急性上気道炎", "急性上気道炎 改善傾向"},
          "カロナール錠200 2錠 頓用 発熱時 5回分\n安静、水分摂取"));

  private final VisitRepository visits;
  private final ChartNotes notes;
  private final ChartProblems problems;
  private final PatientFacts facts;
  private final UserRepository users;
  private final jp.tsumugi.app.common.Transactions tx;
  private final Clock clock;
  private final jp.tsumugi.app.insurance.InsuranceStore insurance;

  public DemoCharts(VisitRepository visits, ChartNotes notes, ChartProblems problems, PatientFacts facts, UserRepository users,
      jp.tsumugi.app.common.Transactions tx, Clock clock) {
    this(visits, notes, problems, facts, users, null, tx, clock);
  }

  /**
   * With {@code insurance}, the demo's past visits are billed to the patient's latest insurance combination, as reception
   * would have chosen, so their printed prescriptions carry the insurer and card numbers.
   */
  public DemoCharts(VisitRepository visits, ChartNotes notes, ChartProblems problems, PatientFacts facts, UserRepository users,
      jp.tsumugi.app.insurance.InsuranceStore insurance, jp.tsumugi.app.common.Transactions tx, Clock clock) {
    this.insurance = insurance;
    this.visits = visits;
    this.notes = notes;
    this.problems = problems;
    this.facts = facts;
    this.users = users;
    this.tx = tx;
    this.clock = clock;
  }

  /** Writes the history of demo patients 1 … {@link #PATIENTS_WITH_HISTORY}; returns the number of signed notes. */
  public int seed(String terminal) {
    User doctor = users.findByUsername("doctor").orElseThrow(() -> new IllegalStateException("the demo clinic has no doctor"));
    Session session = new Session(doctor, terminal, clock.instant());
    LocalDate today = LocalDate.now(clock);
    int signed = 0;
    for (long patient = 1; patient <= PATIENTS_WITH_HISTORY; patient++) {
      Course main = COURSES.get((int) ((patient - 1) % 3));
      boolean cold = patient % 2 == 0;
      int visitsOfPatient = 4 + (int) (patient % 5);
      LocalDate start = today.minusDays(28L * visitsOfPatient + 14);
      addProblem(session, patient, main, start.minusMonths(6 + patient), true);
      for (int i = 0; i < visitsOfPatient; i++) {
        LocalDate date = start.plusDays(28L * i);
        Course course = cold && i == visitsOfPatient - 2 ? COURSES.get(3) : main;
        int k = i % course.subjective().length;
        long visitId = visit(session, patient, date);
        notes.signOff(session, visitId, 0, new SoapNote(course.subjective()[k], course.objective()[k], course.assessment()[k],
            course.plan()), null);
        signed++;
        if (course == COURSES.get(3)) {
          addEndedProblem(session, patient, course, date);
        }
      }
    }
    if (PATIENTS_WITH_HISTORY >= 1) {
      facts.add(session, 1, new Allergy(AllergyKind.DRUG_INGREDIENT, "", "ペニシリン系抗菌薬", "薬疹", AllergySeverity.MODERATE));
      facts.add(session, 1, new Allergy(AllergyKind.FOOD, "", "卵", "じんましん", AllergySeverity.MILD));
      facts.add(session, 1, new Contraindication("1149019", "ロキソプロフェン", "アスピリン喘息の既往"));
      facts.add(session, 2, new Infection(InfectionAgent.HBV, "", InfectionResult.POSITIVE, today.minusYears(1)));
    }
    return signed;
  }

  private long visit(Session session, long patient, LocalDate date) {
    Instant at = date.atTime(9, 30).atZone(clock.getZone()).toInstant();
    return tx.inTransaction(() -> {
      Long combination = insurance == null ? null : insurance.combinationsOfPatient(patient).stream()
          .mapToLong(jp.tsumugi.app.insurance.InsuranceCombination::id).boxed().max(Long::compare).orElse(null);
      Visit v = visits.insert(new Visit(0, patient, date, 0, "内科", session.username(), combination, at));
      VisitStatus[] steps = {VisitStatus.CHECKED_IN, VisitStatus.IN_CONSULTATION, VisitStatus.AWAITING_PAYMENT, VisitStatus.PAID};
      for (int s = 0; s < steps.length; s++) {
        visits.appendStatus(new StatusChange(0, v.id(), s + 1, steps[s], "", session.username(), session.terminal(),
            at.plusSeconds(600L * s)));
      }
      return v.id();
    });
  }

  private void addProblem(Session session, long patient, Course course, LocalDate start, boolean main) {
    try {
      problems.add(session, patient, new ProblemInput(course.disease(), List.of(), null, main, false, ProblemCourse.CHRONIC, start,
          ProblemOutcome.NONE, null));
    } catch (TsumugiException noMaster) {
      problems.add(session, patient, new ProblemInput(jp.tsumugi.app.chart.Problem.UNCODED, List.of(), course.name(), main, false,
          ProblemCourse.CHRONIC, start, ProblemOutcome.NONE, null));
    }
  }

  private void addEndedProblem(Session session, long patient, Course course, LocalDate start) {
    try {
      problems.add(session, patient, new ProblemInput(course.disease(), List.of(), null, false, false, ProblemCourse.ACUTE, start,
          ProblemOutcome.CURED, start.plusDays(7)));
    } catch (TsumugiException noMaster) {
      problems.add(session, patient, new ProblemInput(jp.tsumugi.app.chart.Problem.UNCODED, List.of(), course.name(), false, false,
          ProblemCourse.ACUTE, start, ProblemOutcome.CURED, start.plusDays(7)));
    }
  }
}
