package jp.tsumugi.app.qualification;

import java.util.List;
import java.util.Optional;

/**
 * A parsed オンライン資格確認 result file (XmlMsg): header, body status, validity and the
 * qualifications found. A result with {@link ResultSegment#FAILED} or {@link ProcessingStatus#ERROR}
 * carries its error code and message instead of qualifications. billing-rules.md §5.3.
 */
public record QualificationResult(
    ResultHeader header,
    Optional<ProcessingStatus> status,
    String processingResultCode,
    String processingResultMessage,
    Optional<QualificationValidity> validity,
    List<QualifiedInsurance> insurances) {

  public QualificationResult {
    if (header == null) {
      throw new IllegalArgumentException("header required");
    }
    status = status == null ? Optional.empty() : status;
    processingResultCode = processingResultCode == null ? "" : processingResultCode;
    processingResultMessage = processingResultMessage == null ? "" : processingResultMessage;
    validity = validity == null ? Optional.empty() : validity;
    insurances = insurances == null ? List.of() : List.copyOf(insurances);
  }

  /** True if the check completed normally and the qualification is valid (有効). */
  public boolean isValid() {
    return header.segment() == ResultSegment.COMPLETED && status.equals(Optional.of(ProcessingStatus.NORMAL))
        && validity.equals(Optional.of(QualificationValidity.VALID));
  }
}
