package jp.tsumugi.app.chart;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Port: what {@link ChartSearch} reads from the chart store to build and refresh its in-memory index. */
public interface ChartSearchSource {

  /** A note's latest revision; a tombstone has empty content. */
  record SourceNote(long recordId, long patientId, long visitId, LocalDate visitDate, int revision, boolean tombstone,
      SoapNote content) {
    @Override
    public String toString() {
      return "SourceNote[record=" + recordId + ", revision=" + revision + "]";
    }
  }

  /** A problem's latest revision; a tombstone has an empty name and the record's creation date. */
  record SourceProblem(long recordId, long patientId, LocalDate startDate, int revision, boolean tombstone, String name) {
    @Override
    public String toString() {
      return "SourceProblem[record=" + recordId + ", revision=" + revision + "]";
    }
  }

  /** What a hit shows about its patient: 患者番号 and name (for display only, never for logs). */
  record PatientLabel(String number, String name) {
    @Override
    public String toString() {
      return "PatientLabel[number=" + number + "]";
    }
  }

  /** Streams the latest revision of every note whose latest revision is signed (not a tombstone). */
  void forEachNote(Consumer<SourceNote> sink);

  /** Streams the latest revision of every problem whose latest revision is signed (not a tombstone). */
  void forEachProblem(Consumer<SourceProblem> sink);

  /** The latest revision of a note record (also a tombstone); empty if the record has no revision or is no note. */
  Optional<SourceNote> note(long recordId);

  /** {@link #note} for several records at once (one query per hundred); records without a note revision are left out. */
  Map<Long, SourceNote> notes(Collection<Long> recordIds);

  /** The latest revision of a problem record (also a tombstone); empty if none or not a problem. */
  Optional<SourceProblem> problem(long recordId);

  /** A note or problem revision stored after a point: the record, its kind and the revision number. */
  record Change(long revisionId, long recordId, boolean problem, int revision) {
  }

  /** The highest chart revision id stored so far (0 when there is none). */
  long lastRevisionId();

  /** Note and problem revisions with an id above {@code revisionId}, in id order, at most {@code limit}. */
  java.util.List<Change> changesAfter(long revisionId, int limit);

  /** Number and name of the given patients (missing ids are left out). */
  Map<Long, PatientLabel> patients(Collection<Long> patientIds);
}
