package jp.tsumugi.app.qualification;

import java.util.Optional;

/** 照会区分 (ReferenceClassification): how the patient was identified. */
public enum ReferenceClassification {
  /** 1 マイナンバーカード. */
  MY_NUMBER_CARD("1"),
  /** 2 被保険者証情報 (the insurance card numbers). */
  INSURANCE_CARD("2");

  private final String code;

  ReferenceClassification(String code) {
    this.code = code;
  }

  /** The code in the result XML. */
  public String code() {
    return code;
  }

  /** The constant for a code of the result XML, or empty for an unknown code. */
  public static Optional<ReferenceClassification> byCode(String code) {
    for (ReferenceClassification value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
