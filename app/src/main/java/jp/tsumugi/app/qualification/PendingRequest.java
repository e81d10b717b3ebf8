package jp.tsumugi.app.qualification;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request written into {@code req/} and what became of it.
 *
 * @param identifier the ArbitraryFileIdentifier in the file name
 * @param reference the caller's opaque key (for example a reception visit id), "" if none; never patient data
 * @param retryOf the id of the timed-out request this one re-sends, 0 if none
 */
public record PendingRequest(
    long id,
    String identifier,
    String requestFileName,
    String resultFileName,
    String reference,
    QualificationRequest request,
    Instant submittedAt,
    Instant deadline,
    RequestState state,
    Optional<Instant> answeredAt,
    long retryOf) {

  public PendingRequest {
    Objects.requireNonNull(identifier);
    Objects.requireNonNull(requestFileName);
    Objects.requireNonNull(resultFileName);
    Objects.requireNonNull(request);
    Objects.requireNonNull(submittedAt);
    Objects.requireNonNull(deadline);
    Objects.requireNonNull(state);
    reference = reference == null ? "" : reference;
    answeredAt = answeredAt == null ? Optional.empty() : answeredAt;
  }

  public PendingRequest withId(long newId) {
    return new PendingRequest(newId, identifier, requestFileName, resultFileName, reference, request, submittedAt, deadline, state,
        answeredAt, retryOf);
  }
}
