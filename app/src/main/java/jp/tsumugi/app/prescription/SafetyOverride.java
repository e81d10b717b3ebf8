package jp.tsumugi.app.prescription;

import java.util.Objects;

/**
 * A safety finding the doctor overrode when signing (禁忌 etc.), stored with the revision.
 *
 * @param findingCode the check's finding code (e.g. DUPLICATE, CONTRAINDICATED)
 * @param level the finding's level (e.g. CONTRAINDICATED, CAUTION)
 * @param drugCode the prescribed drug it concerns
 * @param reason why it was overridden (required, chart text rules, at most 500 characters)
 */
public record SafetyOverride(String findingCode, String level, String drugCode, String reason) {
  public SafetyOverride {
    Objects.requireNonNull(findingCode, "findingCode");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(drugCode, "drugCode");
    reason = reason == null ? "" : reason;
  }
}
