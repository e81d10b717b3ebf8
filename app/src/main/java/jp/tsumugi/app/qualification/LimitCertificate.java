package jp.tsumugi.app.qualification;

import java.time.LocalDate;
import java.util.Optional;

/** 限度額適用認定証 information (LimitApplicationCertificateRelatedInfo), with its 限度額適用区分. */
public record LimitCertificate(
    Optional<LimitCertificateClass> certificateClass,
    LimitCategory category,
    ValidityPeriod validity,
    Optional<LocalDate> longTermDate) {

  public LimitCertificate {
    if (category == null) {
      throw new IllegalArgumentException("category required");
    }
    certificateClass = certificateClass == null ? Optional.empty() : certificateClass;
    validity = validity == null ? ValidityPeriod.UNKNOWN : validity;
    longTermDate = longTermDate == null ? Optional.empty() : longTermDate;
  }
}
