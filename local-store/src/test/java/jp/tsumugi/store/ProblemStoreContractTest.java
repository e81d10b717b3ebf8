package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tsumugi.app.audit.AuditVerifier;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.chart.ChartProblems;
import jp.tsumugi.app.chart.Problem;
import jp.tsumugi.app.chart.ProblemConflictException;
import jp.tsumugi.app.chart.ProblemCourse;
import jp.tsumugi.app.chart.ProblemInput;
import jp.tsumugi.app.chart.ProblemOutcome;
import jp.tsumugi.app.chart.ProblemRevision;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.MasterCatalog;
import jp.tsumugi.app.master.MasterImportProgress;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Problems (傷病名) on the chart envelope (V16, V17) on H2 and PostgreSQL, with the bundled official
 * disease and modifier masters: append-only content tables, modifiers round-trip, list order, versioning,
 * validation at the field with nothing saved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProblemStoreContractTest {
  static final Instant START = Instant.parse("2026-11-25T01:02:03Z");
  static final LocalDate DAY = LocalDate.of(2026, 11, 1);
  /** 変形性膝関節症 with 修飾語 2056 composes 右変形性膝関節症 (see MasterCatalogTest). */
  static final String KNEE = "7153018";
  static final String GASTRO = "0091005";
  private static final AtomicInteger NUMBER = new AtomicInteger(100);

  protected final MutableClock clock = new MutableClock(START);
  protected LocalStore store;
  private ChartProblems problems;
  private long patientId;
  private final Session doctor = session("doctor", Role.DOCTOR);
  private final Session nurse = session("nurse", Role.NURSE);

  abstract LocalStore openStore() throws Exception;

  @BeforeAll
  void openOnce() throws Exception {
    store = openStore();
    store.masterImporter().importBundled(MasterImportProgress.NONE);
    problems = new ChartProblems(store.problemStore(), new MasterCatalog(store.masters(), store.masterUsage(), clock),
        new HashChainedAuditLog(store.auditEntries(), clock), store.transactions(), clock);
  }

  @AfterAll
  void closeOnce() {
    if (store != null) {
      store.close();
    }
  }

  @BeforeEach
  void newPatient() {
    patientId = store.patients().insert(new Patient(0, String.format("%06d", NUMBER.incrementAndGet()), "山田", "太郎", "ヤマダ",
        "タロウ", Sex.MALE, LocalDate.of(1966, 5, 26), null, null, null)).id();
  }

  static Session session(String user, Role role) {
    return new Session(new User(0, user, user, role, "hash", null, true, 0, null, START), "診察室1", START);
  }

  private int rows(String table) {
    return StoreTestAccess.countRows(store, table);
  }

  @Test
  void aProblemWithModifiersRoundTripsWithItsComposedNameAndFlags() {
    ProblemInput input = new ProblemInput(KNEE, List.of("2056"), null, true, true, ProblemCourse.CHRONIC, DAY,
        ProblemOutcome.NONE, null);
    ProblemRevision added = problems.add(doctor, patientId, input);

    ProblemRevision read = store.problemStore().latestProblemRevision(added.recordId()).orElseThrow();
    Problem p = read.problem();
    assertThat(p.diseaseCode()).isEqualTo(KNEE);
    assertThat(p.modifierCodes()).containsExactly("2056");
    assertThat(p.displayName()).isEqualTo("右変形性膝関節症");
    assertThat(p.mainDisease()).isTrue();
    assertThat(p.suspected()).isTrue();
    assertThat(p.course()).isEqualTo(ProblemCourse.CHRONIC);
    assertThat(p.startDate()).isEqualTo(DAY);
    assertThat(p.outcome()).isEqualTo(ProblemOutcome.NONE);
    assertThat(p.outcomeDate()).isNull();
    assertThat(read.revision()).isEqualTo(1);
    assertThat(read.patientId()).isEqualTo(patientId);
    assertThat(read.author()).isEqualTo("doctor");
    assertThat(read.at()).isEqualTo(START);
    assertThat(read).isEqualTo(added);
  }

  @Test
  void aModifierPairThatTheMasterHasAsOneDiseaseIsStoredAsThatSingleCode() {
    // 急性 (4012) + 胃腸炎 (0091005) is 急性胃腸炎 (0091009) in the master: stored without modifiers.
    ProblemRevision added = problems.add(nurse, patientId, ProblemInput.coded(GASTRO, List.of("4012"), DAY));
    Problem p = store.problemStore().latestProblemRevision(added.recordId()).orElseThrow().problem();
    assertThat(p.diseaseCode()).isEqualTo("0091009");
    assertThat(p.modifierCodes()).isEmpty();
  }

  @Test
  void anUncodedDiseaseKeepsItsTypedName() {
    ProblemInput input = new ProblemInput(Problem.UNCODED, List.of(), " 左母趾陥入爪術後疼痛 ", false, false, null, DAY, null, null);
    ProblemRevision added = problems.add(doctor, patientId, input);
    Problem p = store.problemStore().latestProblemRevision(added.recordId()).orElseThrow().problem();
    assertThat(p.diseaseCode()).isEqualTo("0000999");
    assertThat(p.displayName()).isEqualTo("左母趾陥入爪術後疼痛");
  }

  @Test
  void theListShowsActiveProblemsFirstThenEndedOnesEachByStartDateAndLeavesTombstonesOut() {
    ProblemRevision lateActive = problems.add(doctor, patientId, ProblemInput.coded(KNEE, List.of(), LocalDate.of(2026, 3, 1)));
    ProblemRevision earlyEnded = problems.add(doctor, patientId, ProblemInput.coded(GASTRO, List.of(), LocalDate.of(2025, 1, 10))
        .ended(ProblemOutcome.CURED, LocalDate.of(2025, 1, 20)));
    ProblemRevision earlyActive = problems.add(doctor, patientId, ProblemInput.coded(KNEE, List.of("2056"),
        LocalDate.of(2024, 7, 1)));
    ProblemRevision willEnd = problems.add(doctor, patientId, ProblemInput.coded(GASTRO, List.of(), LocalDate.of(2024, 12, 1)));
    ProblemRevision erased = problems.add(doctor, patientId, ProblemInput.coded(GASTRO, List.of(), LocalDate.of(2024, 1, 1)));
    problems.change(doctor, willEnd.recordId(), 1, ProblemInput.coded(GASTRO, List.of(), LocalDate.of(2024, 12, 1))
        .ended(ProblemOutcome.TRANSFERRED, LocalDate.of(2024, 12, 5)), "転医");
    problems.tombstone(doctor, erased.recordId(), 1, "別患者に登録");

    List<ProblemRevision> list = problems.list(doctor, patientId);
    assertThat(list).extracting(ProblemRevision::recordId).containsExactly(earlyActive.recordId(), lateActive.recordId(),
        willEnd.recordId(), earlyEnded.recordId());
    assertThat(list.get(2).revision()).isEqualTo(2);
    assertThat(list.get(2).problem().outcome()).isEqualTo(ProblemOutcome.TRANSFERRED);
    assertThat(list.get(0).problem().modifierCodes()).containsExactly("2056");
    assertThat(problems.history(doctor, erased.recordId())).extracting(r -> r.state().name()).containsExactly("SIGNED", "TOMBSTONE");
    assertThat(problems.history(doctor, erased.recordId()).get(1).reason()).isEqualTo("別患者に登録");
    assertThat(new AuditVerifier(store.auditEntries()).verify().intact()).isTrue();
  }

  @Test
  void aChangeOnAStaleRevisionSavesNothingAndReportsTheStoredOne() {
    ProblemRevision added = problems.add(doctor, patientId, ProblemInput.coded(KNEE, List.of(), DAY));
    ProblemInput mainNow = ProblemInput.coded(KNEE, List.of(), DAY).main(true);
    problems.change(doctor, added.recordId(), 1, mainNow, "主病に変更");
    ProblemInput other = ProblemInput.coded(KNEE, List.of("2056"), DAY);

    assertThatThrownBy(() -> problems.change(nurse, added.recordId(), 1, other, "部位追加"))
        .isInstanceOfSatisfying(ProblemConflictException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(ErrorCode.CHART_RECORD_CONFLICT);
          assertThat(e.stored().revision()).isEqualTo(2);
          assertThat(e.attempted()).isEqualTo(other);
        });
    assertThat(problems.history(doctor, added.recordId())).extracting(ProblemRevision::revision).containsExactly(1, 2);
    assertThat(store.problemStore().latestProblemRevision(added.recordId()).orElseThrow().problem().mainDisease()).isTrue();
  }

  @Test
  void aTombstonedProblemCannotBeChangedAndAChangeNeedsAReason() {
    ProblemRevision added = problems.add(doctor, patientId, ProblemInput.coded(KNEE, List.of(), DAY));
    assertThatThrownBy(() -> problems.change(doctor, added.recordId(), 1, ProblemInput.coded(KNEE, List.of(), DAY), " "))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CHART_REASON_REQUIRED));
    problems.tombstone(doctor, added.recordId(), 1, "誤登録");
    assertThatThrownBy(() -> problems.change(doctor, added.recordId(), 2, ProblemInput.coded(KNEE, List.of(), DAY), "復活"))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CHART_RECORD_TOMBSTONED));
  }

  @Test
  void invalidInputFailsAtItsFieldAndSavesNothing() {
    int revisions = rows("chart_revision");
    int records = rows("chart_record");
    assertField(ProblemInput.coded("715301", List.of(), DAY), "diseaseCode", ErrorCode.PROBLEM_DISEASE_CODE_FORMAT);
    assertField(ProblemInput.coded("0000001", List.of(), DAY), "diseaseCode", ErrorCode.PROBLEM_DISEASE_UNKNOWN);
    assertField(ProblemInput.coded(KNEE, List.of("9999"), DAY), "modifierCodes", ErrorCode.PROBLEM_MODIFIER_UNKNOWN);
    assertField(ProblemInput.coded(KNEE, List.of("20x6"), DAY), "modifierCodes", ErrorCode.PROBLEM_DISEASE_CODE_FORMAT);
    assertField(ProblemInput.coded(KNEE, List.of("2056", "2056", "2056", "2056", "2056"), DAY), "modifierCodes",
        ErrorCode.PROBLEM_TOO_MANY_MODIFIERS);
    assertField(ProblemInput.coded(KNEE, List.of(), null), "startDate", ErrorCode.PROBLEM_START_DATE_REQUIRED);
    assertField(ProblemInput.coded(KNEE, List.of(), DAY).ended(ProblemOutcome.CURED, null), "outcomeDate",
        ErrorCode.PROBLEM_OUTCOME_DATE_INVALID);
    assertField(ProblemInput.coded(KNEE, List.of(), DAY).ended(ProblemOutcome.DIED, DAY.minusDays(1)), "outcomeDate",
        ErrorCode.PROBLEM_OUTCOME_DATE_INVALID);
    assertField(ProblemInput.coded(KNEE, List.of(), DAY).ended(ProblemOutcome.NONE, DAY), "outcomeDate",
        ErrorCode.PROBLEM_OUTCOME_DATE_INVALID);
    assertField(ProblemInput.coded(Problem.UNCODED, List.of(), DAY), "uncodedName", ErrorCode.PROBLEM_NAME_REQUIRED);
    assertField(new ProblemInput(KNEE, List.of(), "自由記載", false, false, null, DAY, null, null), "uncodedName",
        ErrorCode.PROBLEM_NAME_REQUIRED);
    assertField(new ProblemInput(Problem.UNCODED, List.of(), "x".repeat(101), false, false, null, DAY, null, null), "uncodedName",
        ErrorCode.PROBLEM_NAME_REQUIRED);
    assertField(new ProblemInput(Problem.UNCODED, List.of(), "腹痛\u0007", false, false, null, DAY, null, null), "uncodedName",
        ErrorCode.CHART_TEXT_CONTROL_CHARACTER);
    assertThat(rows("chart_revision")).isEqualTo(revisions);
    assertThat(rows("chart_record")).isEqualTo(records);
    assertThat(problems.list(doctor, patientId)).isEmpty();
  }

  @Test
  void aDiseaseListedOnlyFromJune2024IsUnknownForAnEarlierStartDate() {
    // 8851497 Ａ群β溶血連鎖球菌感染症 is new (変更区分 3) in b_20240601.
    assertThat(problems.add(doctor, patientId, ProblemInput.coded("8851497", List.of(), LocalDate.of(2024, 6, 1)))
        .problem().displayName()).isEqualTo("Ａ群β溶血連鎖球菌感染症");
    assertField(ProblemInput.coded("8851497", List.of(), LocalDate.of(2024, 5, 31)), "diseaseCode",
        ErrorCode.PROBLEM_DISEASE_UNKNOWN);
  }

  @Test
  void aClerkMayNotAddAProblem() {
    assertThatThrownBy(() -> problems.add(session("front", Role.CLERK), patientId, ProblemInput.coded(KNEE, List.of(), DAY)))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_PERMITTED));
  }

  @Test
  void rawUpdateDeleteAndTruncateOnProblemTablesFailAndRowsStayUnchanged() {
    ProblemRevision added = problems.add(doctor, patientId, ProblemInput.coded(KNEE, List.of("2056"), DAY));
    clock.advance(Duration.ofSeconds(1));
    int content = rows("chart_problem_content");
    int modifiers = rows("chart_problem_modifier");
    List<String> attacks = List.of(
        "UPDATE chart_problem_content SET display_name = 'forged'",
        "UPDATE chart_problem_content SET outcome = 'DIED', outcome_date = start_date",
        "DELETE FROM chart_problem_content",
        "UPDATE chart_problem_modifier SET modifier_code = '1000'",
        "DELETE FROM chart_problem_modifier");
    for (String sql : attacks) {
      assertThatThrownBy(() -> execute(sql)).as(sql).isInstanceOfSatisfying(TsumugiException.class,
          e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CHART_REVISION_IMMUTABLE));
    }
    for (String table : List.of("chart_problem_modifier", "chart_problem_content")) {
      assertThatThrownBy(() -> execute("TRUNCATE TABLE " + table)).as(table).isInstanceOf(TsumugiException.class);
    }
    assertThat(rows("chart_problem_content")).isEqualTo(content).isPositive();
    assertThat(rows("chart_problem_modifier")).isEqualTo(modifiers).isPositive();
    assertThat(store.problemStore().latestProblemRevision(added.recordId()).orElseThrow()).isEqualTo(added);
  }

  private int execute(String sql) {
    return store.jdbcTransactions().inTransaction(() -> store.jdbcTransactions().withConnection(c -> {
      try (Statement s = c.createStatement()) {
        return s.executeUpdate(sql);
      }
    }));
  }

  private void assertField(ProblemInput input, String field, ErrorCode code) {
    assertThatThrownBy(() -> problems.add(doctor, patientId, input)).as(field + " " + code)
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.errorCode()).isEqualTo(code);
        });
  }
}
