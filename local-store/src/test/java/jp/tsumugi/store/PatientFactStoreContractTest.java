package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tsumugi.app.audit.AuditVerifier;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.chart.Allergy;
import jp.tsumugi.app.chart.AllergyKind;
import jp.tsumugi.app.chart.AllergySeverity;
import jp.tsumugi.app.chart.ChartRecordKind;
import jp.tsumugi.app.chart.Contraindication;
import jp.tsumugi.app.chart.FactConflictException;
import jp.tsumugi.app.chart.FactRevision;
import jp.tsumugi.app.chart.Infection;
import jp.tsumugi.app.chart.InfectionAgent;
import jp.tsumugi.app.chart.InfectionResult;
import jp.tsumugi.app.chart.PatientFact;
import jp.tsumugi.app.chart.PatientFacts;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.common.TsumugiException;
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

/** Allergies, contraindications and infections (V16, V17) on H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PatientFactStoreContractTest {
  static final Instant START = Instant.parse("2026-11-25T01:02:03Z");
  private static final AtomicInteger NUMBER = new AtomicInteger(500);
  /** ロキソプロフェンナトリウム水和物: YJ 1149019 (ingredient prefix), 1149019F1560 (a product). */
  static final String LOXOPROFEN = "1149019";

  protected final MutableClock clock = new MutableClock(START);
  protected LocalStore store;
  private PatientFacts facts;
  private long patientId;
  private final Session nurse = new Session(new User(0, "nurse", "nurse", Role.NURSE, "hash", null, true, 0, null, START), "処置室",
      START);

  abstract LocalStore openStore() throws Exception;

  @BeforeAll
  void openOnce() throws Exception {
    store = openStore();
    facts = new PatientFacts(store.patientFactStore(), new HashChainedAuditLog(store.auditEntries(), clock), store.transactions(),
        clock);
  }

  @AfterAll
  void closeOnce() {
    if (store != null) {
      store.close();
    }
  }

  @BeforeEach
  void newPatient() {
    patientId = store.patients().insert(new Patient(0, String.format("%06d", NUMBER.incrementAndGet()), "佐藤", "花子", "サトウ",
        "ハナコ", Sex.FEMALE, LocalDate.of(1970, 2, 3), null, null, null)).id();
  }

  @Test
  void eachKindRoundTripsAndIsListedUnderItsKindOnly() {
    Allergy drug = new Allergy(AllergyKind.DRUG_INGREDIENT, LOXOPROFEN, "ロキソプロフェン", "蕁麻疹😣", AllergySeverity.MODERATE);
    Allergy product = new Allergy(AllergyKind.DRUG_PRODUCT, "1149019F1560", "ロキソニン錠60mg", "", AllergySeverity.SEVERE);
    Allergy food = new Allergy(AllergyKind.FOOD, null, "そば", "アナフィラキシー", AllergySeverity.SEVERE);
    Contraindication ci = new Contraindication("2149039", "ワルファリン", "出血傾向");
    Infection hbv = new Infection(InfectionAgent.HBV, null, InfectionResult.POSITIVE, LocalDate.of(2026, 4, 1));
    Infection other = new Infection(InfectionAgent.OTHER, "HTLV-1", InfectionResult.NEGATIVE, null);
    for (PatientFact f : List.of(drug, product, food, ci, hbv, other)) {
      facts.add(nurse, patientId, f);
    }
    assertThat(facts.current(nurse, patientId, ChartRecordKind.ALLERGY)).extracting(FactRevision::fact)
        .containsExactly(drug, product, food);
    assertThat(facts.current(nurse, patientId, ChartRecordKind.CONTRAINDICATION)).extracting(FactRevision::fact).containsExactly(ci);
    assertThat(facts.current(nurse, patientId, ChartRecordKind.INFECTION)).extracting(FactRevision::fact).containsExactly(hbv, other);
    Allergy readBack = (Allergy) facts.current(nurse, patientId, ChartRecordKind.ALLERGY).get(2).fact();
    assertThat(readBack.code()).isEmpty();
    assertThat(readBack.name()).isEqualTo("そば");
  }

  @Test
  void aChangeAndATombstoneAreRevisionsAndAStaleChangeSavesNothing() {
    FactRevision added = facts.add(nurse, patientId, new Infection(InfectionAgent.HCV, null, InfectionResult.UNKNOWN, null));
    Infection tested = new Infection(InfectionAgent.HCV, null, InfectionResult.NEGATIVE, LocalDate.of(2026, 11, 20));
    FactRevision changed = facts.change(nurse, added.recordId(), 1, tested, "検査結果");
    assertThat(changed.revision()).isEqualTo(2);
    assertThatThrownBy(() -> facts.change(nurse, added.recordId(), 1, tested, "二重入力"))
        .isInstanceOfSatisfying(FactConflictException.class, e -> assertThat(e.stored()).isEqualTo(changed));
    facts.tombstone(nurse, added.recordId(), 2, "別患者");
    assertThat(facts.current(nurse, patientId, ChartRecordKind.INFECTION)).isEmpty();
    List<FactRevision> history = facts.history(nurse, added.recordId());
    assertThat(history).extracting(FactRevision::revision).containsExactly(1, 2, 3);
    assertThat(history.get(1).fact()).isEqualTo(tested);
    assertThat(history.get(2).isTombstone()).isTrue();
    assertThatThrownBy(() -> facts.change(nurse, added.recordId(), 3, tested, "戻す"))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CHART_RECORD_TOMBSTONED));
    assertThat(new AuditVerifier(store.auditEntries()).verify().intact()).isTrue();
  }

  @Test
  void aChangeCannotTurnOneKindIntoAnother() {
    FactRevision added = facts.add(nurse, patientId, new Contraindication(LOXOPROFEN, "ロキソプロフェン", ""));
    assertThatThrownBy(() -> facts.change(nurse, added.recordId(), 1,
        new Infection(InfectionAgent.HIV, null, InfectionResult.NEGATIVE, null), "誤り"))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CHART_RECORD_NOT_FOUND));
  }

  @Test
  void invalidInputFailsAtItsFieldAndSavesNothing() {
    int revisions = StoreTestAccess.countRows(store, "chart_revision");
    assertField(new Allergy(AllergyKind.DRUG_INGREDIENT, "114901", "x", "", null), "code", ErrorCode.FACT_CODE_FORMAT);
    assertField(new Allergy(AllergyKind.DRUG_PRODUCT, LOXOPROFEN, "x", "", null), "code", ErrorCode.FACT_CODE_FORMAT);
    assertField(new Allergy(AllergyKind.FOOD, LOXOPROFEN, "そば", "", null), "code", ErrorCode.FACT_CODE_FORMAT);
    assertField(new Allergy(AllergyKind.OTHER, null, " ", "", null), "name", ErrorCode.FACT_NAME_REQUIRED);
    assertField(new Allergy(AllergyKind.OTHER, null, "ラテックス", "あ".repeat(201), null), "reaction", ErrorCode.FACT_TEXT_TOO_LONG);
    assertField(new Allergy(AllergyKind.OTHER, null, "ラテックス\u001b", "", null), "name", ErrorCode.CHART_TEXT_CONTROL_CHARACTER);
    assertField(new Contraindication("", "ワルファリン", ""), "ingredientCode", ErrorCode.FACT_CODE_FORMAT);
    assertField(new Contraindication("2149039", "", ""), "name", ErrorCode.FACT_NAME_REQUIRED);
    assertField(new Infection(InfectionAgent.OTHER, "", InfectionResult.POSITIVE, null), "agentText", ErrorCode.INFECTION_AGENT_TEXT);
    assertField(new Infection(InfectionAgent.HIV, "HIV-2", InfectionResult.POSITIVE, null), "agentText",
        ErrorCode.INFECTION_AGENT_TEXT);
    assertThat(StoreTestAccess.countRows(store, "chart_revision")).isEqualTo(revisions);
  }

  @Test
  void rawUpdateDeleteAndTruncateOnFactTablesFail() {
    facts.add(nurse, patientId, new Allergy(AllergyKind.FOOD, null, "卵", "", AllergySeverity.MILD));
    facts.add(nurse, patientId, new Contraindication(LOXOPROFEN, "ロキソプロフェン", "喘息"));
    facts.add(nurse, patientId, new Infection(InfectionAgent.SYPHILIS, null, InfectionResult.NEGATIVE, LocalDate.of(2026, 1, 5)));
    List<String> tables = List.of("chart_allergy_content", "chart_contraindication_content", "chart_infection_content");
    List<Integer> before = tables.stream().map(t -> StoreTestAccess.countRows(store, t)).toList();
    for (String table : tables) {
      for (String sql : List.of("UPDATE " + table + " SET revision_id = revision_id", "DELETE FROM " + table)) {
        assertThatThrownBy(() -> execute(sql)).as(sql).isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CHART_REVISION_IMMUTABLE));
      }
      assertThatThrownBy(() -> execute("TRUNCATE TABLE " + table)).as(table).isInstanceOf(TsumugiException.class);
    }
    assertThat(tables.stream().map(t -> StoreTestAccess.countRows(store, t)).toList()).isEqualTo(before).allMatch(n -> n > 0);
  }

  private int execute(String sql) {
    return store.jdbcTransactions().inTransaction(() -> store.jdbcTransactions().withConnection(c -> {
      try (Statement s = c.createStatement()) {
        return s.executeUpdate(sql);
      }
    }));
  }

  private void assertField(PatientFact fact, String field, ErrorCode code) {
    assertThatThrownBy(() -> facts.add(nurse, patientId, fact)).as(field + " " + code)
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.errorCode()).isEqualTo(code);
        });
  }
}
