package jp.tsumugi.app.chart;

/**
 * A drug contraindication (薬剤禁忌) by ingredient: the YJ 7-character ingredient prefix, the ingredient's
 * name and the reason. {@code toString} holds no text.
 */
public record Contraindication(String ingredientCode, String name, String reason) implements PatientFact {
  public Contraindication {
    ingredientCode = ingredientCode == null ? "" : ingredientCode.strip();
    name = name == null ? "" : name.strip();
    reason = reason == null ? "" : reason.strip();
  }

  @Override
  public ChartRecordKind kind() {
    return ChartRecordKind.CONTRAINDICATION;
  }

  @Override
  public String toString() {
    return "Contraindication[ingredient=" + ingredientCode + "]";
  }
}
