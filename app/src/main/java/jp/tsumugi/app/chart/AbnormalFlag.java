package jp.tsumugi.app.chart;

import java.util.Optional;

/** 異常フラグ of a lab result: high, low, normal, or abnormal for a qualitative result. */
public enum AbnormalFlag {
  H, L, N, A;

  /** The flag for a one-letter code (case-insensitive, surrounding spaces ignored); empty when it is none of H/L/N/A. */
  public static Optional<AbnormalFlag> ofCode(String code) {
    String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    for (AbnormalFlag f : values()) {
      if (f.name().equals(c)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
