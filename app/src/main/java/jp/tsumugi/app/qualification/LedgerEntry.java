package jp.tsumugi.app.qualification;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One result file in the ledger, keyed by its name and the SHA-256 of its bytes. The reason and the
 * summary never hold patient data: codes, the validity and the insurer number at most.
 *
 * @param attempts how many times applying it failed (a failure leaves it RECEIVED, to be retried)
 * @param reasonCode the {@code TSU-nnnn} code of a quarantined file, "" otherwise
 * @param summary what the handler reported, "" until applied
 */
public record LedgerEntry(
    long id,
    String fileName,
    String sha256,
    InboxSource source,
    LedgerState state,
    long sizeBytes,
    int attempts,
    Instant receivedAt,
    Optional<Instant> finishedAt,
    String reasonCode,
    String reasonDetail,
    String summary) {

  public LedgerEntry {
    Objects.requireNonNull(fileName);
    Objects.requireNonNull(sha256);
    Objects.requireNonNull(source);
    Objects.requireNonNull(state);
    Objects.requireNonNull(receivedAt);
    finishedAt = finishedAt == null ? Optional.empty() : finishedAt;
    reasonCode = reasonCode == null ? "" : reasonCode;
    reasonDetail = reasonDetail == null ? "" : reasonDetail;
    summary = summary == null ? "" : summary;
  }

  public boolean isFinished() {
    return state != LedgerState.RECEIVED;
  }
}
