package jp.tsumugi.app.qualification;

import java.util.Optional;

/** 資格有効性 (QualificationValidity) of an オンライン資格確認 result; billing-rules.md §5.3. */
public enum QualificationValidity {
  /** 1 有効. */
  VALID("1"),
  /** 2 無効. */
  INVALID("2"),
  /** 3 無効（新しい資格あり）: a newer qualification exists. */
  NEWER_QUALIFICATION_EXISTS("3"),
  /** 4 該当資格なし. */
  NOT_FOUND("4"),
  /** 5 複数該当. */
  MULTIPLE_MATCHES("5");

  private final String code;

  QualificationValidity(String code) {
    this.code = code;
  }

  /** The code in the result XML. */
  public String code() {
    return code;
  }

  /** The constant for a code of the result XML, or empty for an unknown code. */
  public static Optional<QualificationValidity> byCode(String code) {
    for (QualificationValidity value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
