package jp.tsumugi.app.chart;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: vitals (kind VITAL) on the shared chart envelope (docs/adr/0026). Revisions are only inserted. */
public interface VitalStore {
  boolean patientExists(long patientId);

  long createVitalRecord(long patientId, Long visitId, Instant at);

  Optional<Long> vitalOwner(long recordId);

  boolean appendVitalRevision(VitalRevision revision);

  Optional<VitalRevision> latestVitalRevision(long recordId);

  List<VitalRevision> vitalRevisions(long recordId);

  /** The current vitals records of the patient, newest measurement first, at most {@code limit}. */
  List<VitalRevision> currentVitals(long patientId, int limit);
}
