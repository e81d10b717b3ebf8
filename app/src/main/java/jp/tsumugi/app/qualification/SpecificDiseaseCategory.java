package jp.tsumugi.app.qualification;

import java.util.Optional;

/** 特定疾病区分 (SpecificDiseasesDiseaseCategory). */
public enum SpecificDiseaseCategory {
  /** 1 人工透析を要する慢性腎不全. */
  CHRONIC_RENAL_FAILURE_ON_DIALYSIS("1"),
  /** 2 血友病. */
  HEMOPHILIA("2"),
  /** 3 血液製剤由来のHIV感染症. */
  HIV_FROM_BLOOD_PRODUCTS("3");

  private final String code;

  SpecificDiseaseCategory(String code) {
    this.code = code;
  }

  /** The code in the result XML. */
  public String code() {
    return code;
  }

  /** The constant for a code of the result XML, or empty for an unknown code. */
  public static Optional<SpecificDiseaseCategory> byCode(String code) {
    for (SpecificDiseaseCategory value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
