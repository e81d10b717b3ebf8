package jp.tsumugi.app.qualification;

import java.util.Optional;

/** 同意フラグ (…ConsFlg): whether the patient consented at the card reader. */
public enum ConsentState {
  /** 0 同意なし. */
  NOT_GIVEN("0"),
  /** 1 同意あり. */
  GIVEN("1"),
  /** 2 同意有効期限切れ. */
  EXPIRED("2"),
  /** 3 同意取得困難 (emergency interface only). */
  NOT_OBTAINABLE("3");

  private final String code;

  ConsentState(String code) {
    this.code = code;
  }

  /** The code in the result XML. */
  public String code() {
    return code;
  }

  /** The constant for a code of the result XML, or empty for an unknown code. */
  public static Optional<ConsentState> byCode(String code) {
    for (ConsentState value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
