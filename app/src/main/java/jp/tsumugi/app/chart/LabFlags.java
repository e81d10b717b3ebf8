package jp.tsumugi.app.chart;

import java.text.Normalizer;

/** Computes the 異常フラグ of a result from its reference range; a flag given with the result wins. */
public final class LabFlags {
  private LabFlags() {
  }

  /**
   * The effective flag: {@code given} when not null; else for a number below the low bound L, above the high
   * bound H, otherwise N (bounds inclusive; no bound, no flag other than N); for a text, N when it equals the
   * range's normal text (NFKC, ignoring case and spaces) or there is none, otherwise A.
   */
  public static AbnormalFlag effective(LabValue value, ReferenceRange range, AbnormalFlag given) {
    if (given != null) {
      return given;
    }
    ReferenceRange r = range == null ? ReferenceRange.NONE : range;
    if (value.isNumeric()) {
      if (r.low() != null && value.number().compareTo(r.low()) < 0) {
        return AbnormalFlag.L;
      }
      if (r.high() != null && value.number().compareTo(r.high()) > 0) {
        return AbnormalFlag.H;
      }
      return AbnormalFlag.N;
    }
    if (r.text().isEmpty()) {
      return AbnormalFlag.N;
    }
    return fold(value.text()).equals(fold(r.text())) ? AbnormalFlag.N : AbnormalFlag.A;
  }

  /** NFKC, lower case, no white space: "（－）" and "(-)" compare equal. */
  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
  }
}
