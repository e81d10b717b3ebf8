package jp.tsumugi.app.chart;

import java.time.Instant;
import java.util.Objects;

/** Who may edit a chart section (編集中) until when. An expired lease is simply taken over by the next asker. */
public record EditLease(String section, String holder, String terminal, Instant expiresAt) {
  public EditLease {
    Objects.requireNonNull(section);
    Objects.requireNonNull(holder);
    Objects.requireNonNull(terminal);
    Objects.requireNonNull(expiresAt);
  }

  public boolean heldBy(String user, String atTerminal) {
    return holder.equals(user) && terminal.equals(atTerminal);
  }

  public boolean isExpiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }
}
