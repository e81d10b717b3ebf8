package jp.tsumugi.app.chart;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A lab result value: a numeric value kept exactly as an exact decimal (never a binary floating point), or
 * a qualitative text such as "陽性" or "2+". Exactly one of them is present.
 */
public record LabValue(BigDecimal number, String text) {
  public LabValue {
    text = text == null ? "" : text.strip();
    if ((number == null) == text.isEmpty()) {
      throw new IllegalArgumentException("a lab value is a number or a text");
    }
  }

  public static LabValue numeric(BigDecimal number) {
    return new LabValue(Objects.requireNonNull(number), "");
  }

  public static LabValue numeric(String plainDecimal) {
    return numeric(new BigDecimal(plainDecimal));
  }

  public static LabValue qualitative(String text) {
    return new LabValue(null, text);
  }

  public boolean isNumeric() {
    return number != null;
  }

  /** The stored form: the plain decimal as entered (scale kept, "5.20" stays "5.20"), or the text. */
  public String display() {
    return number != null ? number.toPlainString() : text;
  }

  /** The same value for duplicate checks: numbers compare by value ("5.20" equals "5.2"). */
  public String key() {
    if (number == null) {
      return "T:" + text;
    }
    BigDecimal n = number.stripTrailingZeros();
    return "N:" + (n.signum() == 0 ? "0" : n.toPlainString());
  }
}
