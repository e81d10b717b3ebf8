package jp.tsumugi.app.qualification;

import java.util.OptionalLong;

/** 特定疾病療養受療証 (SpecificDiseasesCertificateInfo) with its monthly self-pay limit in yen. */
public record SpecificDiseaseCertificate(SpecificDiseaseCategory category, ValidityPeriod validity, OptionalLong selfPayLimitYen) {
  public SpecificDiseaseCertificate {
    if (category == null) {
      throw new IllegalArgumentException("category required");
    }
    validity = validity == null ? ValidityPeriod.UNKNOWN : validity;
    selfPayLimitYen = selfPayLimitYen == null ? OptionalLong.empty() : selfPayLimitYen;
  }
}
