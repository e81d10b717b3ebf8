package jp.tsumugi.app.chart;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.tsumugi.app.patient.Sex;

/**
 * Port: lab results (kind LAB) on the shared chart envelope and the clinic-local lab catalogue
 * (docs/adr/0026). Revisions are only inserted; the store keeps its own index of each record's current
 * revision so the chart's queries do not scan every revision.
 */
public interface LabStore {

  /** A patient as the import needs it: id and sex (for the catalogue's default range). */
  record PatientRef(long id, Sex sex) {
  }

  boolean patientExists(long patientId);

  Optional<PatientRef> patientByNumber(String patientNumber);

  Optional<PatientRef> patient(long patientId);

  /** The catalogue, by sort order then local code. */
  List<LabItem> items();

  Optional<LabItem> item(String localCode);

  /** Inserts or replaces the item with that local code. */
  void saveItem(LabItem item);

  long createLabRecord(long patientId, Long visitId, Instant at);

  /** The patient of a LAB record; empty for another kind or no record. */
  Optional<Long> labOwner(long recordId);

  /** Appends a revision (and moves the current index); false, saving nothing, when that revision exists already. */
  boolean appendLabRevision(LabRevision revision);

  Optional<LabRevision> latestLabRevision(long recordId);

  List<LabRevision> labRevisions(long recordId);

  /** For each test the patient has, its current result with the latest 採取日 (ties: the newest record), by catalogue order. */
  List<LabRevision> latestPerTest(long patientId);

  /** The current results of one test, oldest 採取日 first. */
  List<LabPoint> series(long patientId, String localCode);

  /** The newest {@code limit} current results, newest 採取日 first. */
  List<LabRevision> newest(long patientId, int limit);

  /** Duplicate keys ({@code localCode|date|value key}) of the patient's current results. */
  Set<String> resultKeys(long patientId);
}
