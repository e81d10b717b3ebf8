package jp.tsumugi.app.qualification;

import java.util.Optional;

/** 処理結果区分 (SegmentOfResult) of the header. */
public enum ResultSegment {
  /** 1 正常終了. */
  COMPLETED("1"),
  /** 2 処理中. */
  IN_PROGRESS("2"),
  /** 9 異常終了. */
  FAILED("9");

  private final String code;

  ResultSegment(String code) {
    this.code = code;
  }

  /** The code in the result XML. */
  public String code() {
    return code;
  }

  /** The constant for a code of the result XML, or empty for an unknown code. */
  public static Optional<ResultSegment> byCode(String code) {
    for (ResultSegment value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
