package jp.tsumugi.app.qualification;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * One consent given (or not) at the card reader, with when it was given (…ConsTime) and until when
 * the information may be viewed (…AvailableTime). Times are clinic-local, as in the result file.
 */
public record Consent(ConsentState state, Optional<LocalDateTime> consentedAt, Optional<LocalDateTime> availableUntil) {
  public Consent {
    if (state == null) {
      throw new IllegalArgumentException("state required");
    }
    consentedAt = consentedAt == null ? Optional.empty() : consentedAt;
    availableUntil = availableUntil == null ? Optional.empty() : availableUntil;
  }

  /** True if the consent is given and not past its availability at the given local time. */
  public boolean allowsViewingAt(LocalDateTime now) {
    return state == ConsentState.GIVEN && availableUntil.map(until -> !now.isAfter(until)).orElse(true);
  }
}
