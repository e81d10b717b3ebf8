package jp.tsumugi.app.qualification;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The MessageHeader of a result. Text is never null ("" when absent).
 *
 * @param processedAt ProcessExecutionTime (clinic-local)
 * @param institutionCode MedicalInstitutionCode, 10 digits (都道府県 + 点数表 + 医療機関コード)
 * @param fileIdentifier ArbitraryFileIdentifier, echoed from the request
 */
public record ResultHeader(
    Optional<LocalDateTime> processedAt,
    Optional<LocalDate> confirmationDate,
    String institutionCode,
    String fileIdentifier,
    Optional<ReferenceClassification> reference,
    ResultSegment segment,
    String errorCode,
    String errorMessage,
    Optional<CharacterCode> characterCode) {

  public ResultHeader {
    if (segment == null) {
      throw new IllegalArgumentException("segment required");
    }
    processedAt = processedAt == null ? Optional.empty() : processedAt;
    confirmationDate = confirmationDate == null ? Optional.empty() : confirmationDate;
    institutionCode = institutionCode == null ? "" : institutionCode;
    fileIdentifier = fileIdentifier == null ? "" : fileIdentifier;
    reference = reference == null ? Optional.empty() : reference;
    errorCode = errorCode == null ? "" : errorCode;
    errorMessage = errorMessage == null ? "" : errorMessage;
    characterCode = characterCode == null ? Optional.empty() : characterCode;
  }
}
