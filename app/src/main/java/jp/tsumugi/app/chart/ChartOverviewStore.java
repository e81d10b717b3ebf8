package jp.tsumugi.app.chart;

import java.util.List;

/** Port: the read side the chart window opens with (docs/adr/0026-chart-window). */
public interface ChartOverviewStore {
  /**
   * Every visit of the patient that was not cancelled before a note was written, newest first (by date, then
   * by visit id), with the latest note revision's state and summary and whether {@code reader} has a draft.
   */
  List<TimelineEntry> timeline(long patientId, String reader);

  /** The patient of a visit (reception entry), if the visit exists. */
  java.util.Optional<Long> patientOfVisit(long visitId);
}
