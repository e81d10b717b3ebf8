package jp.tsumugi.app.reception;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of a visit's status history: appended, never changed. {@code sequence} counts 1, 2, 3 …
 * per visit; two terminals appending the same sequence is a conflict the store refuses.
 */
public record StatusChange(long id, long visitId, int sequence, VisitStatus status, String reason, String user,
    String terminal, Instant at) {

  public StatusChange {
    Objects.requireNonNull(status);
    Objects.requireNonNull(user);
    Objects.requireNonNull(terminal);
    Objects.requireNonNull(at);
    reason = reason == null ? "" : reason;
  }
}
