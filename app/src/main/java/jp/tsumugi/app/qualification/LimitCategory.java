package jp.tsumugi.app.qualification;

import java.util.Optional;

/** 限度額適用区分 (LimitApplicationCertificateClassificationFlag). Japanese labels belong to the UI bundles; billing-rules.md §5.3. */
public enum LimitCategory {
  /** ア (under 70). */
  A01("A01"),
  /** イ. */
  A02("A02"),
  /** ウ. */
  A03("A03"),
  /** エ. */
  A04("A04"),
  /** オ. */
  A05("A05"),
  /** オ（境）. */
  A06("A06"),
  /** 現役並みIII (70 and over). */
  B01("B01"),
  /** 現役並みII. */
  B02("B02"),
  /** 現役並みI. */
  B03("B03"),
  /** 一般. */
  B04("B04"),
  /** 低所得II. */
  B05("B05"),
  /** 低所得I. */
  B06("B06"),
  /** 低所得I（老福）. */
  B07("B07"),
  /** 低所得I（境）. */
  B08("B08"),
  /** 一般II (後期 2割). */
  B09("B09"),
  /** 一般I (後期 1割). */
  B10("B10");

  private final String code;

  LimitCategory(String code) {
    this.code = code;
  }

  /** The code in the result XML. */
  public String code() {
    return code;
  }

  /** The constant for a code of the result XML, or empty for an unknown code. */
  public static Optional<LimitCategory> byCode(String code) {
    for (LimitCategory value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
