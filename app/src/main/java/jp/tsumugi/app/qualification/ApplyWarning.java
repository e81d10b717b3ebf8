package jp.tsumugi.app.qualification;

/**
 * What staff must see after a result was applied; the UI shows the Japanese text with what to do
 * ({@code qualification.warning.NAME} in the bundles).
 */
public enum ApplyWarning {
  /** 資格有効性 2 無効: ask for the current card; check in as self-pay or with the last verified insurance. */
  QUALIFICATION_INVALID,
  /** 3 無効（新しい資格あり）: a newer qualification exists; ask for the new card or check again with it. */
  NEWER_QUALIFICATION_EXISTS,
  /** 4 該当資格なし: numbers not found; check the card numbers and ask again. */
  QUALIFICATION_NOT_FOUND,
  /** 5 複数該当: several qualifications; confirm the right one with the patient. */
  MULTIPLE_QUALIFICATIONS,
  /** The check failed or has no validity: check again later; visit stays 資格未確認. */
  CHECK_FAILED,
  /** Several patients match the result: nothing applied; pick the patient by hand. */
  SEVERAL_PATIENTS_MATCH,
  /** The insurer number fails its check digit: not stored; enter the insurance by hand. */
  INSURER_NUMBER_INVALID;

  /** The warning for a result that is not 有効, if there is one. */
  public static ApplyWarning forResult(QualificationResult result) {
    if (result.header().segment() != ResultSegment.COMPLETED || result.status().equals(java.util.Optional.of(ProcessingStatus.ERROR))
        || result.validity().isEmpty()) {
      return CHECK_FAILED;
    }
    switch (result.validity().get()) {
      case INVALID:
        return QUALIFICATION_INVALID;
      case NEWER_QUALIFICATION_EXISTS:
        return NEWER_QUALIFICATION_EXISTS;
      case NOT_FOUND:
        return QUALIFICATION_NOT_FOUND;
      case MULTIPLE_MATCHES:
        return MULTIPLE_QUALIFICATIONS;
      default:
        return null;
    }
  }
}
