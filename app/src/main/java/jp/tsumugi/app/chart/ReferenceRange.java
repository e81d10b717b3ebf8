package jp.tsumugi.app.chart;

import java.math.BigDecimal;

/**
 * 基準値: a numeric range (either bound may be absent: one-sided or none) or, for a qualitative test, the
 * normal text (for example "陰性"). Bounds are exact decimals, inclusive.
 */
public record ReferenceRange(BigDecimal low, BigDecimal high, String text) {
  public static final ReferenceRange NONE = new ReferenceRange(null, null, "");

  public ReferenceRange {
    text = text == null ? "" : text.strip();
  }

  public static ReferenceRange numeric(BigDecimal low, BigDecimal high) {
    return new ReferenceRange(low, high, "");
  }

  public static ReferenceRange qualitative(String normalText) {
    return new ReferenceRange(null, null, normalText);
  }

  public boolean isEmpty() {
    return low == null && high == null && text.isEmpty();
  }

  /** The range as a short display text, for example "3.8-5.2", "-5.0" (upper only), "40-" (lower only) or "陰性". */
  public String display() {
    if (low == null && high == null) {
      return text;
    }
    return (low == null ? "" : low.toPlainString()) + "-" + (high == null ? "" : high.toPlainString());
  }
}
