package jp.tsumugi.app.chart;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One visit (受診) on a patient's timeline: when, where, with whom, and the state of its note. {@code state}
 * is null when nothing was signed yet (then {@code revision} is 0); {@code summary} is the start of the
 * latest revision's assessment, or of its subjective when the assessment is empty; {@code draft} is true
 * when the reader has an unsigned draft (下書き) for the visit.
 */
public record TimelineEntry(long visitId, LocalDate visitDate, String department, String doctor, int revision,
    RevisionState state, String author, Instant signedAt, String summary, boolean draft) {
  /** How many characters of the note the timeline shows. */
  public static final int SUMMARY_LENGTH = 60;

  public TimelineEntry {
    Objects.requireNonNull(visitDate);
    department = department == null ? "" : department;
    doctor = doctor == null ? "" : doctor;
    author = author == null ? "" : author;
    summary = summary == null ? "" : summary;
  }

  public boolean signed() {
    return state == RevisionState.SIGNED;
  }

  /** Amended (修正あり): signed more than once. */
  public boolean amended() {
    return state == RevisionState.SIGNED && revision > 1;
  }

  public boolean deleted() {
    return state == RevisionState.TOMBSTONE;
  }

  @Override
  public String toString() {
    return "TimelineEntry[visit=" + visitId + ", revision=" + revision + ", state=" + state + "]";
  }
}
