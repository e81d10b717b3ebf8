package jp.tsumugi.app.qualification;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A 特定疾病療養受療証 as recorded for an insurance from a result (append-only; the newest row per insurance
 * and category counts, docs/adr/0023).
 *
 * @param listed false when a later 有効 result for the insurance no longer lists the certificate
 * @param selfPayLimitYen 月額自己負担限度額 in yen (for example 10,000 or 20,000), empty if the result leaves it out
 * @param recordedBy the actor that applied the result ({@code oqs}, or the user of a CLI ingest)
 */
public record SpecificDiseaseRecord(
    long insuranceId,
    long patientId,
    SpecificDiseaseCategory category,
    boolean listed,
    ValidityPeriod validity,
    OptionalLong selfPayLimitYen,
    long ledgerId,
    String recordedBy,
    long recordedAtMillis) {

  public SpecificDiseaseRecord {
    Objects.requireNonNull(category);
    Objects.requireNonNull(recordedBy);
    validity = validity == null ? ValidityPeriod.UNKNOWN : validity;
    selfPayLimitYen = selfPayLimitYen == null ? OptionalLong.empty() : selfPayLimitYen;
  }

  /** True if both say the same about the certificate (listing, validity, limit), whoever recorded them when. */
  public boolean sameStatement(SpecificDiseaseRecord other) {
    return category == other.category && listed == other.listed && validity.equals(other.validity)
        && selfPayLimitYen.equals(other.selfPayLimitYen);
  }
}
