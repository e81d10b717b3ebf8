package jp.tsumugi.ui.chart;

import java.time.Instant;
import java.util.Objects;

/**
 * One revision of a problem, allergy, contraindication, infection, lab result or vital sign as the record history
 * overlay shows it: who, when, where, why, and the content described in one readable line (empty for a tombstone).
 */
public record HistoryRow(int revision, String author, Instant at, String terminal, String reason, boolean tombstone,
    String description) {
  public HistoryRow {
    Objects.requireNonNull(author);
    Objects.requireNonNull(at);
    Objects.requireNonNull(terminal);
    reason = reason == null ? "" : reason;
    description = description == null ? "" : description;
  }
}
