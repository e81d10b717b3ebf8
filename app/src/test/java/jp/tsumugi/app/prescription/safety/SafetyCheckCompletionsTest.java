package jp.tsumugi.app.prescription.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.tsumugi.app.prescription.RouteKind;
import jp.tsumugi.app.prescription.RpGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** 頓用, 同効薬 and unchecked records (docs/adr/0033), table-driven with real y-master drugs. */
class SafetyCheckCompletionsTest {
  static final LocalDate DATE = SafetyCheckTest.DATE;
  static final String LOXONIN_60 = "620098801"; // ロキソニン錠６０ｍｇ, 1149019F1560
  static final String LOXOPROFEN_EMEC = "620007150"; // ロキソプロフェン錠６０ｍｇ「ＥＭＥＣ」 (後発), 1149019F1013
  static final String CELECOX_100 = "620004857"; // セレコックス錠１００ｍｇ (celecoxib), 1149037F1020
  static final String BRUFEN_200 = "611140395"; // ブルフェン錠２００ (ibuprofen), 1149001F2168
  static final String BLOPRESS_8 = "610432013"; // ブロプレス錠８ (candesartan), 2149040F3029
  static final String DIOVAN_80 = "610443044"; // ディオバン錠８０ｍｇ (valsartan), 2149041F3023
  static final String NORVASC_5 = "612170710"; // ノルバスク錠５ｍｇ (amlodipine), 2171022F2…
  static final String TRAMCET = SafetyCheckTest.TRAMCET;
  static final String MYSLEE_5 = SafetyCheckTest.MYSLEE_5;
  static final String POLYMYXIN = SafetyCheckTest.POLYMYXIN;
  static final String CALONAL_300 = SafetyCheckTest.CALONAL_300;

  static final YMaster Y = SafetyCheckTest.Y;
  static final SafetyCheck CHECK = SafetyCheckTest.CHECK;

  static ProposedDrug regular(String code, int days) {
    return Y.drug(code, days);
  }

  /** A 頓用 drug: {@code times} doses. */
  static ProposedDrug asNeeded(String code, int times) {
    ProposedDrug d = Y.drug(code, times);
    return new ProposedDrug(d.drugCode(), d.yjCode(), d.genericNameCode(), d.name(), times, true, d.dosageForm(), d.listedOn(),
        d.generic(), d.narcoticKind());
  }

  static CurrentDrug clinic(String code, LocalDate start, int days, boolean asNeeded) {
    return new CurrentDrug(OtherSource.CLINIC_PRESCRIPTION, "", null, 77, code, Y.yj(code), Y.name(code), start, days, asNeeded);
  }

  static List<Finding> check(List<ProposedDrug> proposed, List<CurrentDrug> current) {
    return CHECK.check(new SafetyInput(DATE, proposed, current, List.of(), List.of()));
  }

  static List<String> kinds(List<Finding> findings) {
    return SafetyCheckTest.kinds(findings);
  }

  // --- 頓用 ---------------------------------------------------------------------------------------------------------

  static Stream<Arguments> asNeededDuplicates() {
    return Stream.of(
        // proposed, taken, asNeeded param
        Arguments.of(asNeeded(LOXONIN_60, 10), clinic(LOXOPROFEN_EMEC, DATE.minusDays(3), 14, false), "PROPOSED"),
        Arguments.of(regular(LOXONIN_60, 14), clinic(LOXOPROFEN_EMEC, DATE.minusDays(3), 14, true), "OTHER"),
        Arguments.of(asNeeded(LOXONIN_60, 5), clinic(LOXOPROFEN_EMEC, DATE.minusDays(3), 14, true), "BOTH"),
        Arguments.of(regular(LOXONIN_60, 14), clinic(LOXOPROFEN_EMEC, DATE.minusDays(3), 14, false), null));
  }

  @ParameterizedTest(name = "{0} while taking {1}: asNeeded={2}")
  @MethodSource("asNeededDuplicates")
  void aAsNeededDrugAgainstARegularOneOfTheSameIngredientIsStillADuplicateAndSaysAsNeeded(ProposedDrug proposed, CurrentDrug taken,
      String side) {
    List<Finding> f = check(List.of(proposed), List.of(taken));
    assertThat(kinds(f)).containsExactly("DUPLICATE/CAUTION/620098801/CLINIC_PRESCRIPTION/620007150");
    assertThat(f.get(0).params().get(Finding.AS_NEEDED)).isEqualTo(side);
    assertThat(f.get(0).messageKey()).isEqualTo(side == null ? "rx.check.finding.DUPLICATE" : "rx.check.finding.DUPLICATE.AS_NEEDED");
    assertThat(f.get(0).needsOverrideReason()).isFalse();
  }

  @Test
  void aAsNeededAndARegularDrugOfTheSameIngredientInOnePrescriptionAreADuplicate() {
    List<Finding> f = check(List.of(regular(LOXONIN_60, 14), asNeeded(LOXOPROFEN_EMEC, 10)), List.of());
    assertThat(kinds(f)).containsExactly("DUPLICATE/CAUTION/620007150/THIS_PRESCRIPTION/620098801");
    assertThat(f.get(0).params()).containsEntry(Finding.AS_NEEDED, "PROPOSED").containsEntry("ingredient", "1149019");
  }

  static Stream<Arguments> asNeededLimits() {
    return Stream.of(
        // code, times, expected limit findings (source:limit:level)
        Arguments.of(MYSLEE_5, 30, List.of()),
        Arguments.of(MYSLEE_5, 31, List.of("CONTROLLED:30:CONTRAINDICATED")),
        Arguments.of(POLYMYXIN, 14, List.of()),
        Arguments.of(POLYMYXIN, 15, List.of("NEW_DRUG:14:CONTRAINDICATED")),
        Arguments.of(CALONAL_300, 5, List.of()),
        Arguments.of(CALONAL_300, 6, List.of("CLINIC:5:CAUTION")));
  }

  @ParameterizedTest(name = "{0} 頓用 {1} times: {2}")
  @MethodSource("asNeededLimits")
  void daysLimitsCountTheTimesOfAAsNeededDrug(String code, int times, List<String> expected) {
    List<Finding> f = check(List.of(asNeeded(code, times)), List.of());
    assertThat(f.stream().map(x -> x.params().get("limitSource") + ":" + x.params().get("limit") + ":" + x.level()).toList())
        .isEqualTo(expected);
    assertThat(f).allSatisfy(x -> {
      assertThat(x.params()).containsEntry(Finding.UNIT, "TIMES").containsEntry("days", Integer.toString(times));
      assertThat(x.messageKey()).isEqualTo("rx.check.finding.DAYS_LIMIT.TIMES");
    });
  }

  @Test
  void aRegularDrugsDaysLimitIsCountedInDays() {
    List<Finding> f = check(List.of(regular(MYSLEE_5, 31)), List.of());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.params()).containsEntry(Finding.UNIT, "DAYS");
      assertThat(x.messageKey()).isEqualTo("rx.check.finding.DAYS_LIMIT");
    });
  }

  static Stream<Arguments> asNeededWindows() {
    return Stream.of(
        // times, covered days: at least 14, else one dose a day
        Arguments.of(1, 14),
        Arguments.of(10, 14),
        Arguments.of(14, 14),
        Arguments.of(20, 20),
        Arguments.of(30, 30));
  }

  @ParameterizedTest(name = "頓服 {0} times is taken for {1} days")
  @MethodSource("asNeededWindows")
  void aAsNeededGroupCountsAsTakenForItsTimesButAtLeastFourteenDays(int times, int covered) {
    RpGroup g = RpGroup.asNeeded("PAIN", times);
    assertThat(g.route()).isEqualTo(RouteKind.AS_NEEDED);
    assertThat(g.coveredDays()).isEqualTo(covered);
    LocalDate start = DATE.minusDays(covered - 1L);
    assertThat(check(List.of(regular(LOXONIN_60, 7)), List.of(clinic(LOXOPROFEN_EMEC, start, g.coveredDays(), true))))
        .as("last covered day").hasSize(1);
    assertThat(check(List.of(regular(LOXONIN_60, 7)), List.of(clinic(LOXOPROFEN_EMEC, start.minusDays(1), g.coveredDays(), true))))
        .as("the day after").isEmpty();
  }

  // --- 同効薬 ------------------------------------------------------------------------------------------------------

  static Stream<Arguments> sameClassInsideThePrescription() {
    return Stream.of(
        // first, second, expected finding kinds (kind/level/drug/source/other), class
        Arguments.of(BLOPRESS_8, DIOVAN_80, List.of("SAME_CLASS/INFO/610443044/THIS_PRESCRIPTION/610432013"), "2149"),
        Arguments.of(DIOVAN_80, BLOPRESS_8, List.of("SAME_CLASS/INFO/610432013/THIS_PRESCRIPTION/610443044"), "2149"),
        Arguments.of(LOXONIN_60, CELECOX_100, List.of("SAME_CLASS/INFO/620004857/THIS_PRESCRIPTION/620098801"), "1149"),
        Arguments.of(BRUFEN_200, LOXONIN_60, List.of("SAME_CLASS/INFO/620098801/THIS_PRESCRIPTION/611140395"), "1149"),
        // トラムセット's tramadol (1149038) is in the class of loxoprofen (1149019)
        Arguments.of(TRAMCET, LOXONIN_60, List.of("SAME_CLASS/INFO/620098801/THIS_PRESCRIPTION/622081101"), "1149"),
        // same ingredient: a duplicate, not also 同効
        Arguments.of(LOXONIN_60, LOXOPROFEN_EMEC, List.of("DUPLICATE/CAUTION/620007150/THIS_PRESCRIPTION/620098801"), null),
        // different classes: nothing
        Arguments.of(DIOVAN_80, NORVASC_5, List.of(), null),
        Arguments.of(LOXONIN_60, NORVASC_5, List.of(), null));
  }

  @ParameterizedTest(name = "{0} + {1}: {2}")
  @MethodSource("sameClassInsideThePrescription")
  void twoDrugsOfOneTherapeuticClassWithDifferentIngredientsAreAnInfoFinding(String first, String second, List<String> expected,
      String therapeuticClass) {
    List<Finding> f = check(List.of(regular(first, 14), regular(second, 14)), List.of());
    assertThat(kinds(f)).isEqualTo(expected);
    if (therapeuticClass != null) {
      assertThat(f.get(0).params()).containsEntry("class", therapeuticClass);
      assertThat(f.get(0).rule()).isEqualTo("class:" + therapeuticClass);
      assertThat(f.get(0).needsOverrideReason()).isFalse();
      assertThat(f.get(0).messageKey()).isEqualTo("rx.check.finding.SAME_CLASS");
      assertThat(f.get(0).actionKey()).isEqualTo("rx.check.action.INFO");
    }
  }

  static Stream<Arguments> sameClassAgainstCurrent() {
    return Stream.of(
        // start, days, found on DATE?
        Arguments.of(DATE.minusDays(10), 28, true),
        Arguments.of(DATE.minusDays(28), 28, false), // finished yesterday
        Arguments.of(DATE.plusDays(1), 28, false)); // not started
  }

  @ParameterizedTest(name = "ARB from {0} for {1} days: 同効={2}")
  @MethodSource("sameClassAgainstCurrent")
  void aDrugOfTheSameClassBeingTakenIsFoundWithItsSourceAndDate(LocalDate start, int days, boolean found) {
    List<Finding> clinic = check(List.of(regular(DIOVAN_80, 28)), List.of(clinic(BLOPRESS_8, start, days, false)));
    CurrentDrug notebook = new CurrentDrug(OtherSource.EXTERNAL_RECORD, "NOTEBOOK", start.minusDays(1), 5, BLOPRESS_8, Y.yj(BLOPRESS_8),
        Y.name(BLOPRESS_8), start, days);
    List<Finding> external = check(List.of(regular(DIOVAN_80, 28)), List.of(notebook));
    if (found) {
      assertThat(kinds(clinic)).containsExactly("SAME_CLASS/INFO/610443044/CLINIC_PRESCRIPTION/610432013");
      assertThat(clinic.get(0).otherDate()).isEqualTo(start);
      assertThat(clinic.get(0).params()).containsEntry("lastDay", start.plusDays(days - 1L).toString());
      assertThat(kinds(external)).containsExactly("SAME_CLASS/INFO/610443044/EXTERNAL_RECORD/610432013");
      assertThat(external.get(0).otherSourceName()).isEqualTo("NOTEBOOK");
      assertThat(external.get(0).otherDate()).isEqualTo(start.minusDays(1));
    } else {
      assertThat(clinic).isEmpty();
      assertThat(external).isEmpty();
    }
  }

  @Test
  void aDrugBeingTakenThatIsADuplicateIsNotAlsoReportedAsSameClass() {
    List<Finding> f = check(List.of(regular(LOXONIN_60, 7)),
        List.of(clinic(LOXOPROFEN_EMEC, DATE, 7, false), clinic(CELECOX_100, DATE, 7, false)));
    assertThat(kinds(f)).containsExactly("DUPLICATE/CAUTION/620098801/CLINIC_PRESCRIPTION/620007150",
        "SAME_CLASS/INFO/620098801/CLINIC_PRESCRIPTION/620004857");
  }

  // --- records that could not be checked ------------------------------------------------------------------------

  static CurrentDrug externalWithoutYj(long id, String yj, LocalDate start, int days) {
    return new CurrentDrug(OtherSource.EXTERNAL_RECORD, "NATIONAL", start.plusDays(1), id, "", yj, "ある湿布", start, days);
  }

  static Stream<Arguments> uncheckedRecords() {
    return Stream.of(
        // the record, proposed drugs, findings expected
        Arguments.of(externalWithoutYj(41, "", DATE.minusDays(2), 14), 1, "unchecked:no-yj"),
        Arguments.of(externalWithoutYj(42, "12", DATE.minusDays(2), 14), 1, "unchecked:yj-unusable"),
        Arguments.of(externalWithoutYj(43, "", DATE.minusDays(20), 14), 0, null), // not taken on the date
        Arguments.of(clinic(LOXOPROFEN_EMEC, DATE, 7, false), 0, null)); // has a key: compared, not "unchecked"
  }

  @ParameterizedTest(name = "{0}: {1} unchecked")
  @MethodSource("uncheckedRecords")
  void aRecordBeingTakenWithoutAnIngredientKeyIsReportedOnceAsNotChecked(CurrentDrug record, int count, String rule) {
    List<Finding> f = check(List.of(regular(NORVASC_5, 28), regular(DIOVAN_80, 28)), List.of(record));
    List<Finding> unchecked = f.stream().filter(x -> x.kind() == FindingKind.UNCHECKED_RECORD).toList();
    assertThat(unchecked).hasSize(count);
    if (count == 1) {
      Finding u = unchecked.get(0);
      assertThat(u.level()).isEqualTo(FindingLevel.INFO);
      assertThat(u.drugIndex()).isEqualTo(Finding.NO_DRUG);
      assertThat(u.other()).isEqualTo(OtherSource.EXTERNAL_RECORD);
      assertThat(u.otherSourceName()).isEqualTo("NATIONAL");
      assertThat(u.otherDate()).isEqualTo(record.sourceDate());
      assertThat(u.otherName()).isEqualTo("ある湿布");
      assertThat(u.params()).containsEntry("reference", Long.toString(record.reference()));
      assertThat(u.rule()).isEqualTo(rule);
      assertThat(u.needsOverrideReason()).isFalse();
      assertThat(f.get(f.size() - 1)).as("after the drugs' findings").isEqualTo(u);
    }
  }

  @Test
  void everyUncheckedRecordHasItsOwnFindingAndNoneWithoutProposedDrugs() {
    List<CurrentDrug> records = List.of(externalWithoutYj(1, "", DATE, 7), externalWithoutYj(2, "", DATE.minusDays(1), 7),
        externalWithoutYj(3, "", DATE.minusDays(3), 7));
    assertThat(check(List.of(regular(NORVASC_5, 28)), records)).extracting(f -> f.params().get("reference"))
        .containsExactly("1", "2", "3");
    assertThat(check(List.of(), records)).isEmpty();
  }

  @Test
  void theClinicLimitTableIsStillKeyedByCodeOrIngredient() {
    SafetyCheck byKey = new SafetyCheck(CHECK.table(), CombinationIngredients.NONE,
        new DaysLimitRules(14, Map.of(), Map.of("1149019", 10)));
    assertThat(byKey.check(new SafetyInput(DATE, List.of(asNeeded(LOXOPROFEN_EMEC, 11)), List.of(), List.of(), List.of())))
        .extracting(x -> x.params().get("limitSource") + ":" + x.params().get(Finding.UNIT)).containsExactly("CLINIC:TIMES");
  }
}
