package jp.tsumugi.app.chart;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One chart search result: the patient (id, 患者番号, name for display), the visit (0 for a problem) and its date
 * (a problem's start date), the field of the first hit, and a snippet of the original text around it.
 * {@code highlights} are the hits of every term inside the snippet as [start, end) UTF-16 offsets into
 * {@code snippet}, sorted, not overlapping, never splitting a surrogate pair. {@code clippedStart}/{@code clippedEnd}:
 * the field goes on before/after the snippet (the UI shows "…"). {@code toString} holds no text.
 */
public record ChartSearchHit(long patientId, String patientNumber, String patientName, long recordId, long visitId,
    LocalDate date, SearchField field, String snippet, List<Range> highlights, boolean clippedStart, boolean clippedEnd) {

  /** A highlighted range [start, end) of the snippet. */
  public record Range(int start, int end) {
  }

  public ChartSearchHit {
    Objects.requireNonNull(patientNumber);
    Objects.requireNonNull(patientName);
    Objects.requireNonNull(date);
    Objects.requireNonNull(field);
    Objects.requireNonNull(snippet);
    highlights = List.copyOf(highlights);
  }

  @Override
  public String toString() {
    return "ChartSearchHit[record=" + recordId + ", field=" + field + ", highlights=" + highlights.size() + "]";
  }
}
