package jp.tsumugi.app.qualification;

import java.util.Optional;

/** 限度額適用認定証区分 (LimitApplicationCertificateClassification). */
public enum LimitCertificateClass {
  /** 01 限度額適用認定証. */
  LIMIT_APPLICATION("01"),
  /** 02 限度額適用・標準負担額減額認定証. */
  LIMIT_AND_STANDARD_REDUCTION("02"),
  /** 03 標準負担額減額認定証. */
  STANDARD_REDUCTION("03");

  private final String code;

  LimitCertificateClass(String code) {
    this.code = code;
  }

  /** The code in the result XML. */
  public String code() {
    return code;
  }

  /** The constant for a code of the result XML, or empty for an unknown code. */
  public static Optional<LimitCertificateClass> byCode(String code) {
    for (LimitCertificateClass value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
