package jp.tsumugi.app.qualification;

/** 高齢受給者証 (ElderlyRecipientCertificateInfo): its dates and 負担割合 in tenths (2 or 3). */
public record ElderlyRecipientCertificate(ValidityPeriod validity, int rateTenths) {
  public ElderlyRecipientCertificate {
    validity = validity == null ? ValidityPeriod.UNKNOWN : validity;
  }
}
