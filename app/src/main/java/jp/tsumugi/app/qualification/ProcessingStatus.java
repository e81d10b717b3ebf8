package jp.tsumugi.app.qualification;

import java.util.Optional;

/** 処理結果状況 (ProcessingResultStatus) of the body. */
public enum ProcessingStatus {
  /** 1 正常. */
  NORMAL("1"),
  /** 2 エラー. */
  ERROR("2");

  private final String code;

  ProcessingStatus(String code) {
    this.code = code;
  }

  /** The code in the result XML. */
  public String code() {
    return code;
  }

  /** The constant for a code of the result XML, or empty for an unknown code. */
  public static Optional<ProcessingStatus> byCode(String code) {
    for (ProcessingStatus value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
