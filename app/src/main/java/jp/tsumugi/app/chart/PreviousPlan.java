package jp.tsumugi.app.chart;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Do (前回処方): the P column of the patient's latest signed note on an earlier visit, with the visit and
 * revision it came from, for the UI to copy into the current draft. {@code toString} holds no text.
 */
public record PreviousPlan(long visitId, LocalDate visitDate, int revision, String author, Instant signedAt, String plan) {
  public PreviousPlan {
    Objects.requireNonNull(visitDate);
    Objects.requireNonNull(author);
    Objects.requireNonNull(signedAt);
    Objects.requireNonNull(plan);
  }

  /** The plan's lines (its P items), without empty ones. */
  public List<String> lines() {
    return Arrays.stream(plan.split("\r\n|\r|\n")).filter(l -> !l.isBlank()).toList();
  }

  @Override
  public String toString() {
    return "PreviousPlan[visit=" + visitId + ", revision=" + revision + ", chars=" + plan.length() + "]";
  }
}
