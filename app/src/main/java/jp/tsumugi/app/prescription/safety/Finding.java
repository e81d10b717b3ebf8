package jp.tsumugi.app.prescription.safety;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One finding of the safety check. It carries codes and parameters only; the UI renders {@link #messageKey()} and
 * {@link #actionKey()} from its bundles with {@link #params()}.
 *
 * @param drugIndex the index of the checked drug in the proposal, or {@link #NO_DRUG} for an unchecked record
 * @param other where the other side comes from (another drug of this prescription, a clinic prescription, an external
 *     record, a chart allergy or contraindication, or a limit rule)
 * @param otherCode the other drug's code, the allergy's or contraindication's code, or the limit's source
 * @param otherDate the clinic prescription's start, the external record's source date, or null
 * @param otherSourceName the external record's source (NOTEBOOK, NATIONAL, OTHER) or ""
 * @param rule the rule that fired, e.g. {@code ingredient:1124007}, {@code interaction:1124007+6290004},
 *     {@code days:NEW_DRUG}
 * @param params rendering parameters (ingredient key, limit, days, mechanism, source reference …)
 */
public record Finding(FindingKind kind, FindingLevel level, int drugIndex, String drugCode, String drugName, OtherSource other,
    String otherCode, String otherName, LocalDate otherDate, String otherSourceName, String rule, Map<String, String> params) {
  /** Param of a duplicate where a side is 頓用: PROPOSED, OTHER or BOTH. */
  public static final String AS_NEEDED = "asNeeded";
  /** Param of a days limit: DAYS, or TIMES for 頓用. */
  public static final String UNIT = "unit";
  public static final String UNIT_TIMES = "TIMES";
  /** {@link #drugIndex()} of a finding about a record being taken rather than a proposed drug ({@link FindingKind#UNCHECKED_RECORD}). */
  public static final int NO_DRUG = -1;

  public Finding {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(level);
    Objects.requireNonNull(other);
    otherCode = otherCode == null ? "" : otherCode;
    otherName = otherName == null ? "" : otherName;
    otherSourceName = otherSourceName == null ? "" : otherSourceName;
    params = Map.copyOf(params);
  }

  /**
   * Bundle key of the text saying what and why: {@code rx.check.finding.KIND}, with {@code .AS_NEEDED} for a duplicate where
   * one side is 頓用 and {@code .TIMES} for a 頓用 days limit counted in times (docs/adr/0033).
   */
  public String messageKey() {
    String base = "rx.check.finding." + kind;
    if (kind == FindingKind.DUPLICATE && params.containsKey(AS_NEEDED)) {
      return base + ".AS_NEEDED";
    }
    if (kind == FindingKind.DAYS_LIMIT && UNIT_TIMES.equals(params.get(UNIT))) {
      return base + ".TIMES";
    }
    return base;
  }

  /** Bundle key of the text saying what the doctor can do. */
  public String actionKey() {
    return "rx.check.action." + level;
  }

  /** Whether going on needs an override reason (禁忌) rather than an acknowledgement (注意). */
  public boolean needsOverrideReason() {
    return level == FindingLevel.CONTRAINDICATED;
  }
}
