package jp.tsumugi.app.prescription.safety;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import jp.tsumugi.app.chart.Allergy;
import jp.tsumugi.app.chart.Contraindication;

/**
 * What one check looks at: the prescribing date, the proposed drugs, the drugs the patient takes (clinic prescriptions and
 * external records; those not taken on the date are ignored), and the chart's allergies and 薬剤禁忌.
 */
public record SafetyInput(LocalDate date, List<ProposedDrug> proposed, List<CurrentDrug> current, List<Allergy> allergies,
    List<Contraindication> contraindications) {
  public SafetyInput {
    Objects.requireNonNull(date);
    proposed = List.copyOf(proposed);
    current = List.copyOf(current);
    allergies = List.copyOf(allergies);
    contraindications = List.copyOf(contraindications);
  }
}
