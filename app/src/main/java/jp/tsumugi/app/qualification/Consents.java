package jp.tsumugi.app.qualification;

import java.util.Optional;

/**
 * The consent flags of a result, each absent when the file does not carry it: 薬剤情報
 * (PharmacistsInfo), 特定健診情報 (SpecificHealthCheckupsInfo), 診療情報 (DiagnosisInfo), 手術情報
 * (OperationInfo), 限度額適用認定証 (LimitApplicationCertificateRelated) and 特定疾病療養受療証
 * (SpecificDiseasesCertificateRelated).
 */
public record Consents(
    Optional<Consent> pharmacy,
    Optional<Consent> healthCheckups,
    Optional<Consent> diagnosis,
    Optional<Consent> operation,
    Optional<Consent> limitCertificate,
    Optional<Consent> specificDiseases) {

  public static final Consents NONE = new Consents(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty());

  public Consents {
    pharmacy = orEmpty(pharmacy);
    healthCheckups = orEmpty(healthCheckups);
    diagnosis = orEmpty(diagnosis);
    operation = orEmpty(operation);
    limitCertificate = orEmpty(limitCertificate);
    specificDiseases = orEmpty(specificDiseases);
  }

  private static Optional<Consent> orEmpty(Optional<Consent> consent) {
    return consent == null ? Optional.empty() : consent;
  }
}
