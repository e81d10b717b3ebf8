package jp.tsumugi.app.prescription.safety;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One finding of the safety check. It carries codes and parameters only; the UI renders {@link #messageKey()} and
 * {@link #actionKey()} from its bundles with {@link #params()}.
 *
 * @param drugIndex the index of the checked drug in the proposal
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
  public Finding {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(level);
    Objects.requireNonNull(other);
    otherCode = otherCode == null ? "" : otherCode;
    otherName = otherName == null ? "" : otherName;
    otherSourceName = otherSourceName == null ? "" : otherSourceName;
    params = Map.copyOf(params);
  }

  /** Bundle key of the text saying what and why. */
  public String messageKey() {
    return "rx.check.finding." + kind;
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
