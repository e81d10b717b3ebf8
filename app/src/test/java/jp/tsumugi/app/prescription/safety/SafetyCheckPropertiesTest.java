package jp.tsumugi.app.prescription.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the check over random prescriptions drawn from real drugs. */
class SafetyCheckPropertiesTest {
  static final String[] POOL = {SafetyCheckTest.HALCION_025, SafetyCheckTest.TRIAZOLAM_0125_EMEC, SafetyCheckTest.ITRIZOLE,
      SafetyCheckTest.CLARITH_200, SafetyCheckTest.TRAMCET, SafetyCheckTest.CALONAL_300, SafetyCheckTest.WARFARIN_1,
      SafetyCheckTest.FLORID_GEL, SafetyCheckTest.LIPOVAS_5, SafetyCheckTest.MYSLEE_5, SafetyCheckTest.EFPEE};

  @Provide
  Arbitrary<List<String>> prescriptions() {
    return Arbitraries.of(POOL).list().ofMinSize(0).ofMaxSize(12);
  }

  /** Unordered pair findings as "kind|codeA|codeB" with the codes sorted, counted. */
  static Map<String, Integer> pairFindings(List<Finding> findings) {
    Map<String, Integer> out = new HashMap<>();
    for (Finding f : findings) {
      if (f.other() == OtherSource.THIS_PRESCRIPTION) {
        String a = f.drugCode();
        String b = f.otherCode();
        String key = f.kind() + "|" + (a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a);
        out.merge(key, 1, Integer::sum);
      }
    }
    return out;
  }

  @Property(tries = 200)
  void theOrderOfTheDrugsDoesNotChangeWhatIsFound(@ForAll("prescriptions") List<String> codes, @ForAll long seed) {
    List<ProposedDrug> drugs = new ArrayList<>();
    for (String c : codes) {
      drugs.add(SafetyCheckTest.drug(c, 7));
    }
    List<ProposedDrug> shuffled = new ArrayList<>(drugs);
    Collections.shuffle(shuffled, new Random(seed));
    List<Finding> a = SafetyCheckTest.check(drugs, List.of());
    List<Finding> b = SafetyCheckTest.check(shuffled, List.of());
    assertThat(pairFindings(b)).isEqualTo(pairFindings(a));
    assertThat(b).hasSameSizeAs(a);
  }

  @Property(tries = 200)
  void aDrugBeingTakenFindsWhatTheSameDrugInThePrescriptionFinds(@ForAll("prescriptions") List<String> codes) {
    if (codes.size() < 2) {
      return;
    }
    // the last drug once as part of the prescription, once as a clinic drug being taken
    List<ProposedDrug> rest = new ArrayList<>();
    for (String c : codes.subList(0, codes.size() - 1)) {
      rest.add(SafetyCheckTest.drug(c, 7));
    }
    String last = codes.get(codes.size() - 1);
    List<ProposedDrug> all = new ArrayList<>(rest);
    all.add(SafetyCheckTest.drug(last, 7));
    // a pair finding is reported on the later drug, so every pair with the last drug is on index size - 1
    long inside = SafetyCheckTest.check(all, List.of()).stream()
        .filter(f -> f.other() == OtherSource.THIS_PRESCRIPTION && f.drugIndex() == all.size() - 1).count();
    long against = SafetyCheckTest.check(rest, List.of(SafetyCheckTest.clinic(last, LocalDate.of(2024, 3, 30), 7))).stream()
        .filter(f -> f.other() == OtherSource.CLINIC_PRESCRIPTION).count();
    assertThat(against).isEqualTo(inside);
  }
}
