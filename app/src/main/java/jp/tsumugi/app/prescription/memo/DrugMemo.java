package jp.tsumugi.app.prescription.memo;

import java.time.Instant;
import java.util.Objects;

/**
 * The clinic's own text about a drug for the 薬剤情報提供書: main effects (効能) and cautions (注意). Keyed by a 9-digit 医薬品コード,
 * or by a 7-character YJ ingredient key (the first 7 of the YJ code) so one memo covers every brand and strength.
 *
 * @param key drug code or ingredient key
 * @param drugName the master's name when the key is a drug code (for lists), else ''
 * @param effects 効能 ('' when not written)
 * @param cautions 注意 ('' when not written)
 * @param updatedAt when it was last saved
 * @param updatedBy who saved it
 */
public record DrugMemo(String key, String drugName, String effects, String cautions, Instant updatedAt, String updatedBy) {
  public DrugMemo {
    Objects.requireNonNull(key, "key");
    drugName = drugName == null ? "" : drugName;
    effects = effects == null ? "" : effects;
    cautions = cautions == null ? "" : cautions;
  }

  /** True for a 7-character ingredient key, false for a drug code. */
  public boolean byIngredient() {
    return key.length() == DrugMemos.INGREDIENT_KEY_LENGTH;
  }
}
