package jp.tsumugi.app.qualification;

import java.util.Objects;
import java.util.Optional;

/**
 * A result that reached the clinic from the card reader (or a request) and needs staff attention at
 * reception (docs/adr/0021): a matched patient to check in, a registration proposal to confirm, or a
 * qualification warning. Holds ids and codes only, never names or card numbers.
 *
 * @param patientId the matched patient, 0 if none
 * @param proposalId the registration proposal for a new person, 0 if none
 * @param insuranceId the insurance the result applied to (or names), 0 if none; its insurance-alone
 *     combination is the default at check-in
 * @param warning what staff must see, if anything
 * @param resolvedBy who checked in or dismissed it, "" while pending
 * @param reason why staff set it aside (free text, never logged), "" otherwise
 * @param visitId the visit it ended in, 0 if none
 * @param warningSeenBy who marked the warning seen at the queue, "" if not yet
 */
public record QualificationArrival(
    long id,
    long ledgerId,
    InboxSource source,
    long patientId,
    long proposalId,
    long insuranceId,
    Optional<ApplyWarning> warning,
    State state,
    long createdAtMillis,
    String resolvedBy,
    long resolvedAtMillis,
    String reason,
    long visitId,
    String warningSeenBy,
    long warningSeenAtMillis) {

  /** PENDING until staff check the person in (CHECKED_IN) or set it aside with a reason (DISMISSED). */
  public enum State {
    PENDING,
    CHECKED_IN,
    DISMISSED
  }

  public QualificationArrival {
    Objects.requireNonNull(source);
    Objects.requireNonNull(state);
    warning = warning == null ? Optional.empty() : warning;
    resolvedBy = resolvedBy == null ? "" : resolvedBy;
    reason = reason == null ? "" : reason;
    warningSeenBy = warningSeenBy == null ? "" : warningSeenBy;
  }

  /** A new, pending arrival. */
  public static QualificationArrival pending(long ledgerId, InboxSource source, long patientId, long proposalId, long insuranceId,
      Optional<ApplyWarning> warning, long atMillis) {
    return new QualificationArrival(0, ledgerId, source, patientId, proposalId, insuranceId, warning, State.PENDING, atMillis, "", 0,
        "", 0, "", 0);
  }

  public QualificationArrival withId(long newId) {
    return new QualificationArrival(newId, ledgerId, source, patientId, proposalId, insuranceId, warning, state, createdAtMillis,
        resolvedBy, resolvedAtMillis, reason, visitId, warningSeenBy, warningSeenAtMillis);
  }

  /** A warning that staff have not marked seen and that was not dismissed. */
  public boolean hasOpenWarning() {
    return warning.isPresent() && warningSeenAtMillis == 0 && state != State.DISMISSED;
  }
}
