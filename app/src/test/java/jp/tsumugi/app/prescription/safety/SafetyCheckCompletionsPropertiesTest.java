package jp.tsumugi.app.prescription.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of 同効薬, 頓用 and unchecked records over random prescriptions of real drugs (docs/adr/0033). */
class SafetyCheckCompletionsPropertiesTest {
  static final String[] POOL = {SafetyCheckCompletionsTest.LOXONIN_60, SafetyCheckCompletionsTest.LOXOPROFEN_EMEC,
      SafetyCheckCompletionsTest.CELECOX_100, SafetyCheckCompletionsTest.BRUFEN_200, SafetyCheckCompletionsTest.BLOPRESS_8,
      SafetyCheckCompletionsTest.DIOVAN_80, SafetyCheckCompletionsTest.NORVASC_5, SafetyCheckTest.TRAMCET, SafetyCheckTest.CALONAL_300,
      SafetyCheckTest.HALCION_025, SafetyCheckTest.MYSLEE_5};

  @Provide
  Arbitrary<List<String>> prescriptions() {
    return Arbitraries.of(POOL).list().ofMinSize(0).ofMaxSize(10);
  }

  @Provide
  Arbitrary<List<Boolean>> asNeededFlags() {
    return Arbitraries.of(true, false).list().ofSize(10);
  }

  static List<ProposedDrug> drugs(List<String> codes, List<Boolean> asNeeded) {
    List<ProposedDrug> out = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      out.add(asNeeded.get(i) ? SafetyCheckCompletionsTest.asNeeded(code, 10) : SafetyCheckCompletionsTest.regular(code, 7));
    }
    return out;
  }

  @Property(tries = 300)
  void aPairIsNeverBothADuplicateAndSameClassAndSameClassMeansSameFirstFourOtherIngredient(
      @ForAll("prescriptions") List<String> codes, @ForAll("asNeededFlags") List<Boolean> asNeeded) {
    List<ProposedDrug> drugs = drugs(codes, asNeeded);
    List<Finding> findings = SafetyCheckCompletionsTest.check(drugs, List.of());
    Set<String> duplicatePairs = new HashSet<>();
    Set<String> classPairs = new HashSet<>();
    for (Finding f : findings) {
      String pair = f.drugIndex() + ":" + f.otherCode();
      if (f.kind() == FindingKind.DUPLICATE) {
        duplicatePairs.add(pair);
      } else if (f.kind() == FindingKind.SAME_CLASS) {
        classPairs.add(pair);
        assertThat(f.level()).isEqualTo(FindingLevel.INFO);
        String ingredient = f.params().get("ingredient");
        String other = f.params().get("otherIngredient");
        assertThat(ingredient.substring(0, 4)).isEqualTo(other.substring(0, 4)).isEqualTo(f.params().get("class"));
        assertThat(ingredient).isNotEqualTo(other);
      }
    }
    assertThat(duplicatePairs).noneMatch(classPairs::contains);
    for (int i = 0; i < drugs.size(); i++) {
      int index = i;
      assertThat(findings.stream().filter(f -> f.drugIndex() == index && f.other() == OtherSource.THIS_PRESCRIPTION
          && (f.kind() == FindingKind.SAME_CLASS || f.kind() == FindingKind.DUPLICATE))).as("at most one per earlier drug")
          .hasSizeLessThanOrEqualTo(i);
    }
  }

  @Property(tries = 300)
  void aDuplicateSaysAsNeededExactlyWhenOneOfItsDrugsIsAsNeeded(@ForAll("prescriptions") List<String> codes,
      @ForAll("asNeededFlags") List<Boolean> asNeeded) {
    List<ProposedDrug> drugs = drugs(codes, asNeeded);
    for (Finding f : SafetyCheckCompletionsTest.check(drugs, List.of())) {
      if (f.kind() != FindingKind.DUPLICATE) {
        continue;
      }
      boolean self = drugs.get(f.drugIndex()).asNeeded();
      boolean other = false;
      for (int j = 0; j < f.drugIndex(); j++) {
        if (drugs.get(j).drugCode().equals(f.otherCode()) && drugs.get(j).asNeeded()) {
          other = true;
        }
      }
      boolean anyOtherRegular = false;
      for (int j = 0; j < f.drugIndex(); j++) {
        if (drugs.get(j).drugCode().equals(f.otherCode()) && !drugs.get(j).asNeeded()) {
          anyOtherRegular = true;
        }
      }
      // the other side is one of the earlier drugs with that code; when those differ in 頓用 either reading is right
      if (!self && !other) {
        assertThat(f.params()).doesNotContainKey(Finding.AS_NEEDED);
      } else if (self && !anyOtherRegular) {
        assertThat(f.params()).containsEntry(Finding.AS_NEEDED, "BOTH");
      } else if (self) {
        assertThat(f.params().get(Finding.AS_NEEDED)).isIn("PROPOSED", "BOTH");
      } else {
        assertThat(f.params().get(Finding.AS_NEEDED)).isIn("OTHER", null);
      }
    }
  }

  @Property(tries = 100)
  void everyKeylessRecordBeingTakenGivesExactlyOneUncheckedFinding(@ForAll("prescriptions") List<String> codes,
      @ForAll("asNeededFlags") List<Boolean> takenToday) {
    if (codes.isEmpty()) {
      return;
    }
    LocalDate date = SafetyCheckCompletionsTest.DATE;
    List<CurrentDrug> records = new ArrayList<>();
    int expected = 0;
    for (int i = 0; i < takenToday.size(); i++) {
      LocalDate start = takenToday.get(i) ? date.minusDays(2) : date.minusDays(30);
      records.add(new CurrentDrug(OtherSource.EXTERNAL_RECORD, "NOTEBOOK", start, i, "", "", "記録" + i, start, 14));
      expected += takenToday.get(i) ? 1 : 0;
    }
    List<Finding> findings = SafetyCheckCompletionsTest.check(drugs(codes, List.of(false, false, false, false, false, false, false,
        false, false, false)), records);
    assertThat(findings.stream().filter(f -> f.kind() == FindingKind.UNCHECKED_RECORD)).hasSize(expected)
        .allSatisfy(f -> assertThat(f.drugIndex()).isEqualTo(Finding.NO_DRUG));
  }
}
