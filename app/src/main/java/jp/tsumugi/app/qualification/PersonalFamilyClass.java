package jp.tsumugi.app.qualification;

import java.util.Optional;

/** 本人・家族の別 (PersonalFamilyClassification). */
public enum PersonalFamilyClass {
  /** 1 本人. */
  INSURED("1"),
  /** 2 家族. */
  DEPENDANT("2");

  private final String code;

  PersonalFamilyClass(String code) {
    this.code = code;
  }

  /** The code in the result XML. */
  public String code() {
    return code;
  }

  /** The constant for a code of the result XML, or empty for an unknown code. */
  public static Optional<PersonalFamilyClass> byCode(String code) {
    for (PersonalFamilyClass value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
