package jp.tsumugi.app.master;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When one revision of a master record is in force. {@code from} is 変更年月日 (or 収載年月日 when that is
 * blank; {@code null} when both are blank: in force since before the data begins). {@code abolishedOn}
 * is 廃止年月日, the last day in force ({@code null} for "99999999", live): SSK writes 変更年月日 20241201
 * with 廃止年月日 20241130 on the rows that a revision abolishes.
 */
public record Validity(LocalDate from, LocalDate abolishedOn, ChangeKind change) {
  public Validity {
    Objects.requireNonNull(change, "change");
  }

  /** True when this revision, if it is the latest one started by {@code date}, makes the record usable on that date. */
  public boolean inForceOn(LocalDate date) {
    if (change == ChangeKind.ERASED) {
      return false;
    }
    if (from != null && date.isBefore(from)) {
      return false;
    }
    return abolishedOn == null || !date.isAfter(abolishedOn);
  }

  /** True when this revision has started by {@code date} (no start date counts as started). */
  public boolean startedBy(LocalDate date) {
    return from == null || !from.isAfter(date);
  }

  /** Abolished or erased at some date (the record may still be in force before {@link #abolishedOn}). */
  public boolean ends() {
    return abolishedOn != null || change == ChangeKind.ERASED;
  }
}
