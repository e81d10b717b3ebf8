package jp.tsumugi.app.prescription.safety;

import java.util.Objects;

/**
 * One row of the interaction table: two ingredient keys (YJ first 7, stored with {@code keyA < keyB}), the severity,
 * the mechanism and where the fact comes from.
 */
public record Interaction(String keyA, String keyB, Severity severity, String mechanism, String sourceReference) {
  /** 併用禁忌 or 併用注意. */
  public enum Severity {
    CONTRAINDICATED,
    CAUTION
  }

  public Interaction {
    Objects.requireNonNull(severity);
    if (keyA.compareTo(keyB) > 0) {
      String t = keyA;
      keyA = keyB;
      keyB = t;
    }
    mechanism = mechanism == null ? "" : mechanism;
    sourceReference = sourceReference == null ? "" : sourceReference;
  }
}
