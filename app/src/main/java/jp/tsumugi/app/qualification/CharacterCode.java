package jp.tsumugi.app.qualification;

import java.util.Optional;

/** 文字コード識別 (CharacterCodeIdentifier) of the header. */
public enum CharacterCode {
  /** 0 UTF-8. */
  UTF_8("0"),
  /** 1 Shift_JIS. */
  SHIFT_JIS("1");

  private final String code;

  CharacterCode(String code) {
    this.code = code;
  }

  /** The code in the result XML. */
  public String code() {
    return code;
  }

  /** The constant for a code of the result XML, or empty for an unknown code. */
  public static Optional<CharacterCode> byCode(String code) {
    for (CharacterCode value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
