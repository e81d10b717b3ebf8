package jp.tsumugi.app.prescription.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.tsumugi.app.chart.Allergy;
import jp.tsumugi.app.chart.AllergyKind;
import jp.tsumugi.app.chart.AllergySeverity;
import jp.tsumugi.app.chart.Contraindication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven tests of every check kind with real drugs from the y master (issue 6 acceptance 1). */
class SafetyCheckTest {
  static final LocalDate DATE = LocalDate.of(2024, 4, 1);
  static final String HALCION_025 = "611120055"; // ハルシオン０．２５ｍｇ錠 (先発), 1124007F2026
  static final String TRIAZOLAM_0125_EMEC = "610412126"; // トリアゾラム錠０．１２５ｍｇ「ＥＭＥＣ」 (後発), 1124007F1011
  static final String ITRIZOLE = "616290177"; // イトリゾールカプセル５０, 6290004M1029
  static final String CLARITH_200 = "616140105"; // クラリス錠２００, 6149003F2038
  static final String TRAMCET = "622081101"; // トラムセット配合錠 (tramadol + acetaminophen), 1149117F1020
  static final String CALONAL_300 = "620000033"; // カロナール錠３００ (acetaminophen), 1141007F2027
  static final String WARFARIN_1 = "613330001"; // ワルファリンカリウム錠 １ｍｇ, 3332001F1016
  static final String FLORID_GEL = "620007077"; // フロリードゲル経口用２％ (miconazole), 6290003X1039
  static final String POLYMYXIN = "621071901"; // listed 2023-12-08, not a 後発品
  static final String MYSLEE_5 = "610443047"; // マイスリー錠５ｍｇ (zolpidem, 向精神薬), 1129009F1025
  static final String LIPOVAS_5 = "612180263"; // リポバス錠５ (simvastatin), 2189011F1025
  static final String EFPEE = "620005364"; // エフピーＯＤ錠２．５ (selegiline), 1169010F2020

  static final YMaster Y = YMaster.load();
  static final SafetyCheck CHECK = new SafetyCheck(new InteractionTable(null, DemoSafetyData.interactions().interactions()),
      DemoSafetyData.combinations(DemoSafetyData.combinationRows()),
      DemoSafetyData.limits(DemoSafetyData.controlledRows(), Map.of("620000033", 5)));

  static ProposedDrug drug(String code, int days) {
    return Y.drug(code, days);
  }

  static CurrentDrug clinic(String code, LocalDate start, int days) {
    return new CurrentDrug(OtherSource.CLINIC_PRESCRIPTION, "", null, 77, code, Y.yj(code), Y.name(code), start, days);
  }

  static CurrentDrug external(String code, String source, LocalDate sourceDate, LocalDate start, int days) {
    return new CurrentDrug(OtherSource.EXTERNAL_RECORD, source, sourceDate, 88, code, Y.yj(code), Y.name(code), start, days);
  }

  static List<Finding> check(List<ProposedDrug> proposed, List<CurrentDrug> current, List<Allergy> allergies,
      List<Contraindication> contra) {
    return CHECK.check(new SafetyInput(DATE, proposed, current, allergies, contra));
  }

  static List<Finding> check(List<ProposedDrug> proposed, List<CurrentDrug> current) {
    return check(proposed, current, List.of(), List.of());
  }

  static List<String> kinds(List<Finding> findings) {
    return findings.stream().map(f -> f.kind() + "/" + f.level() + "/" + f.drugCode() + "/" + f.other() + "/" + f.otherCode()).toList();
  }

  @Test
  void sameIngredientUnderBrandAndGenericAndTwoStrengthsIsADuplicateInsideThePrescription() {
    List<Finding> f = check(List.of(drug(HALCION_025, 7), drug(TRIAZOLAM_0125_EMEC, 7)), List.of());
    assertThat(kinds(f)).containsExactly("DUPLICATE/CAUTION/610412126/THIS_PRESCRIPTION/611120055");
    assertThat(f.get(0).drugIndex()).isEqualTo(1);
    assertThat(f.get(0).params()).containsEntry("ingredient", "1124007");
    assertThat(f.get(0).messageKey()).isEqualTo("rx.check.finding.DUPLICATE");
  }

  static Stream<Arguments> periods() {
    return Stream.of(
        // start, days, duplicate on DATE?
        Arguments.of(DATE.minusDays(14), 14, false), // last day was yesterday
        Arguments.of(DATE.minusDays(14), 15, true), // last day is today
        Arguments.of(DATE.minusDays(1), 30, true), // days left
        Arguments.of(DATE, 1, true), // starts today
        Arguments.of(DATE.plusDays(1), 30, false), // starts tomorrow
        Arguments.of(DATE.minusDays(100), 0, false)); // no days
  }

  @ParameterizedTest(name = "clinic drug from {0} for {1} days: duplicate={2}")
  @MethodSource("periods")
  void aClinicDrugIsADuplicateOnlyWhileItIsBeingTaken(LocalDate start, int days, boolean duplicate) {
    List<Finding> f = check(List.of(drug(HALCION_025, 7)), List.of(clinic(TRIAZOLAM_0125_EMEC, start, days)));
    if (duplicate) {
      assertThat(kinds(f)).containsExactly("DUPLICATE/CAUTION/611120055/CLINIC_PRESCRIPTION/610412126");
      assertThat(f.get(0).otherDate()).isEqualTo(start);
      assertThat(f.get(0).params()).containsEntry("lastDay", start.plusDays(days - 1L).toString());
    } else {
      assertThat(f).isEmpty();
    }
  }

  @Test
  void anExternalRecordCountsWithItsSourceAndDate() {
    LocalDate noted = DATE.minusDays(3);
    List<Finding> f = check(List.of(drug(HALCION_025, 7)),
        List.of(external(TRIAZOLAM_0125_EMEC, "NOTEBOOK", noted, DATE.minusDays(5), 28)));
    assertThat(kinds(f)).containsExactly("DUPLICATE/CAUTION/611120055/EXTERNAL_RECORD/610412126");
    assertThat(f.get(0).otherSourceName()).isEqualTo("NOTEBOOK");
    assertThat(f.get(0).otherDate()).isEqualTo(noted);
  }

  @Test
  void aContraindicatedPairIsFoundInEitherOrderInsideThePrescription() {
    List<Finding> ab = check(List.of(drug(HALCION_025, 7), drug(ITRIZOLE, 7)), List.of());
    List<Finding> ba = check(List.of(drug(ITRIZOLE, 7), drug(HALCION_025, 7)), List.of());
    assertThat(kinds(ab)).containsExactly("CONTRAINDICATED_COMBINATION/CONTRAINDICATED/616290177/THIS_PRESCRIPTION/611120055");
    assertThat(kinds(ba)).containsExactly("CONTRAINDICATED_COMBINATION/CONTRAINDICATED/611120055/THIS_PRESCRIPTION/616290177");
    assertThat(ab.get(0).rule()).isEqualTo("interaction:1124007+6290004");
    assertThat(ab.get(0).params().get("sourceReference")).contains("ハルシオン");
    assertThat(ab.get(0).needsOverrideReason()).isTrue();
  }

  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of(WARFARIN_1, FLORID_GEL, "CONTRAINDICATED_COMBINATION"),
        Arguments.of(FLORID_GEL, WARFARIN_1, "CONTRAINDICATED_COMBINATION"),
        Arguments.of(LIPOVAS_5, ITRIZOLE, "CONTRAINDICATED_COMBINATION"),
        Arguments.of(ITRIZOLE, LIPOVAS_5, "CONTRAINDICATED_COMBINATION"),
        Arguments.of(EFPEE, TRAMCET, "CONTRAINDICATED_COMBINATION"), // tramadol inside a combination product
        Arguments.of(TRAMCET, EFPEE, "CONTRAINDICATED_COMBINATION"));
  }

  @ParameterizedTest(name = "new {0} while taking {1}: {2}")
  @MethodSource("pairs")
  void anInteractionWithADrugBeingTakenIsFoundWhicheverSideIsNew(String proposed, String taken, String kind) {
    List<Finding> f = check(List.of(drug(proposed, 7)), List.of(clinic(taken, DATE.minusDays(2), 14)));
    assertThat(kinds(f)).containsExactly(kind + "/CONTRAINDICATED/" + proposed + "/CLINIC_PRESCRIPTION/" + taken);
  }

  @Test
  void aCautionPairIsACautionNotAContraindication() {
    List<Finding> f = check(List.of(drug(WARFARIN_1, 7)), List.of(clinic("610443053", DATE, 28))); // バイアスピリン
    assertThat(kinds(f)).containsExactly("CAUTION_COMBINATION/CAUTION/613330001/CLINIC_PRESCRIPTION/610443053");
    assertThat(f.get(0).needsOverrideReason()).isFalse();
  }

  @Test
  void anAllergyRecordedByIngredientCatchesACombinationProductContainingIt() {
    Allergy acetaminophen = new Allergy(AllergyKind.DRUG_INGREDIENT, "1141007", "アセトアミノフェン", "発疹", AllergySeverity.UNKNOWN);
    List<Finding> f = check(List.of(drug(TRAMCET, 7), drug(CALONAL_300, 3)), List.of(), List.of(acetaminophen), List.of());
    assertThat(kinds(f)).containsExactly(
        "ALLERGY/CONTRAINDICATED/622081101/CHART_ALLERGY/1141007",
        "DUPLICATE/CAUTION/620000033/THIS_PRESCRIPTION/622081101", // acetaminophen twice
        "ALLERGY/CONTRAINDICATED/620000033/CHART_ALLERGY/1141007");
    SafetyCheck withoutTable = new SafetyCheck(CHECK.table(), CombinationIngredients.NONE, DaysLimitRules.STATUTORY_ONLY);
    assertThat(withoutTable.check(new SafetyInput(DATE, List.of(drug(TRAMCET, 7)), List.of(), List.of(acetaminophen), List.of())))
        .as("the master alone does not know the ingredients of トラムセット").isEmpty();
  }

  @Test
  void anAllergyByProductMatchesTheDrugCodeOrTheYjCodeButNotOtherBrands() {
    Allergy byCode = new Allergy(AllergyKind.DRUG_PRODUCT, HALCION_025, "ハルシオン", "", AllergySeverity.UNKNOWN);
    Allergy byYj = new Allergy(AllergyKind.DRUG_PRODUCT, "1124007F2026", "ハルシオン", "", AllergySeverity.UNKNOWN);
    assertThat(kinds(check(List.of(drug(HALCION_025, 7)), List.of(), List.of(byCode), List.of())))
        .containsExactly("ALLERGY/CONTRAINDICATED/611120055/CHART_ALLERGY/611120055");
    assertThat(kinds(check(List.of(drug(HALCION_025, 7)), List.of(), List.of(byYj), List.of())))
        .containsExactly("ALLERGY/CONTRAINDICATED/611120055/CHART_ALLERGY/1124007F2026");
    assertThat(check(List.of(drug(TRIAZOLAM_0125_EMEC, 7)), List.of(), List.of(byCode, byYj), List.of())).isEmpty();
  }

  @Test
  void aChartContraindicationMatchesByIngredient() {
    Contraindication c = new Contraindication("6149003", "クラリスロマイシン", "QT延長");
    assertThat(kinds(check(List.of(drug(CLARITH_200, 7)), List.of(), List.of(), List.of(c))))
        .containsExactly("CONTRAINDICATION/CONTRAINDICATED/616140105/CHART_CONTRAINDICATION/6149003");
  }

  static Stream<Arguments> limits() {
    return Stream.of(
        Arguments.of(POLYMYXIN, 14, List.of()),
        Arguments.of(POLYMYXIN, 15, List.of("NEW_DRUG:14:CONTRAINDICATED")),
        Arguments.of(MYSLEE_5, 30, List.of()),
        Arguments.of(MYSLEE_5, 31, List.of("CONTROLLED:30:CONTRAINDICATED")),
        Arguments.of(CALONAL_300, 5, List.of()),
        Arguments.of(CALONAL_300, 6, List.of("CLINIC:5:CAUTION")),
        Arguments.of(LIPOVAS_5, 365, List.of()));
  }

  @ParameterizedTest(name = "{0} for {1} days: {2}")
  @MethodSource("limits")
  void daysLimitsSayTheLimitAndItsSource(String code, int days, List<String> expected) {
    List<Finding> f = check(List.of(drug(code, days)), List.of());
    assertThat(f).allMatch(x -> x.kind() == FindingKind.DAYS_LIMIT);
    assertThat(f.stream().map(x -> x.params().get("limitSource") + ":" + x.params().get("limit") + ":" + x.level()).toList())
        .isEqualTo(expected);
  }

  @Test
  void aNewDrugLimitEndsAfterOneYearAndNeverAppliesToAGeneric() {
    ProposedDrug p = drug(POLYMYXIN, 30);
    SafetyInput later = new SafetyInput(p.listedOn().plusYears(1), List.of(p), List.of(), List.of(), List.of());
    assertThat(CHECK.check(later)).isEmpty();
    ProposedDrug generic = new ProposedDrug(p.drugCode(), p.yjCode(), "", p.name(), 30, false, "1", p.listedOn(), true, "0");
    assertThat(check(List.of(generic), List.of())).isEmpty();
  }

  @Test
  void everyFindingIsReturnedNothingIsCutOff() {
    List<ProposedDrug> ten = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ten.add(drug(HALCION_025, 7));
      ten.add(drug(ITRIZOLE, 7));
    }
    List<Finding> f = check(ten, List.of());
    // 10 drugs, every pair (45) is either a duplicate (2 x C(5,2) = 20) or a 禁忌 combination (25).
    assertThat(f).hasSize(45);
    assertThat(f.stream().filter(x -> x.kind() == FindingKind.DUPLICATE)).hasSize(20);
    assertThat(f.stream().filter(x -> x.kind() == FindingKind.CONTRAINDICATED_COMBINATION)).hasSize(25);
  }

  @Test
  void everyDemoInteractionKeyExistsInTheRealDrugMaster() {
    List<Interaction> rows = DemoSafetyData.interactions().interactions();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(30);
    assertThat(rows).allSatisfy(r -> {
      assertThat(Y.knownKey(r.keyA())).as(r.keyA()).isTrue();
      assertThat(Y.knownKey(r.keyB())).as(r.keyB()).isTrue();
      assertThat(r.sourceReference()).isNotBlank();
    });
    assertThat(DemoSafetyData.combinationRows()).allSatisfy(r -> {
      assertThat(Y.knownKey(r.productKey())).as(r.productKey()).isTrue();
      assertThat(Y.knownKey(r.ingredientKey())).as(r.ingredientKey()).isTrue();
    });
    assertThat(DemoSafetyData.controlledRows()).allSatisfy(r -> assertThat(Y.knownKey(r.ingredientKey())).isTrue());
  }
}
