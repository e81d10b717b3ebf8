package jp.tsumugi.app.chart;

import java.util.Objects;

/**
 * An allergy (アレルギー). {@code code}: for {@link AllergyKind#DRUG_INGREDIENT} a YJ 7-character ingredient
 * prefix, for {@link AllergyKind#DRUG_PRODUCT} a full 12-character YJ code or a 9-digit レセプト電算 drug code,
 * empty when not known and always empty for food and other (the name says it). {@code toString} holds no text.
 */
public record Allergy(AllergyKind allergyKind, String code, String name, String reaction, AllergySeverity severity)
    implements PatientFact {
  public Allergy {
    Objects.requireNonNull(allergyKind);
    code = code == null ? "" : code.strip();
    name = name == null ? "" : name.strip();
    reaction = reaction == null ? "" : reaction.strip();
    severity = severity == null ? AllergySeverity.UNKNOWN : severity;
  }

  @Override
  public ChartRecordKind kind() {
    return ChartRecordKind.ALLERGY;
  }

  @Override
  public String toString() {
    return "Allergy[kind=" + allergyKind + ", code=" + code + ", severity=" + severity + "]";
  }
}
