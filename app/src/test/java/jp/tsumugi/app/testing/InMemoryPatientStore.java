package jp.tsumugi.app.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.patient.PatientRecord;
import jp.tsumugi.app.patient.PatientRevision;
import jp.tsumugi.app.patient.PatientStore;

/** Patient records and revisions in lists, for use-case tests. */
public final class InMemoryPatientStore implements PatientStore {
  private final Map<Long, PatientRecord> current = new LinkedHashMap<>();
  private final List<PatientRevision> revisions = new ArrayList<>();
  private final List<Long> revisionPatient = new ArrayList<>();
  private long nextId = 1;
  private long sequence = 1;

  @Override
  public synchronized long nextPatientSequence() {
    return sequence++;
  }

  @Override
  public synchronized boolean patientNumberExists(String patientNumber) {
    return current.values().stream().anyMatch(r -> r.patient().patientNumber().equals(patientNumber));
  }

  @Override
  public synchronized PatientRecord insertRecord(PatientRecord record, Change change) {
    if (patientNumberExists(record.patient().patientNumber())) {
      throw new TsumugiException(ErrorCode.PATIENT_NUMBER_TAKEN);
    }
    PatientRecord stored = new PatientRecord(record.withId(nextId++).patient(), record.details(), 1);
    current.put(stored.id(), stored);
    keep(stored, change);
    return stored;
  }

  @Override
  public synchronized PatientRecord appendRevision(PatientRecord record, Change change) {
    PatientRecord old = current.get(record.id());
    if (old == null || old.revision() != record.revision() - 1) {
      throw new TsumugiException(ErrorCode.REVISION_CONFLICT, "patient revision");
    }
    current.put(record.id(), record);
    keep(record, change);
    return record;
  }

  @Override
  public synchronized Optional<PatientRecord> findRecord(long id) {
    return Optional.ofNullable(current.get(id));
  }

  @Override
  public synchronized List<PatientRevision> history(long id) {
    List<PatientRevision> out = new ArrayList<>();
    for (int i = 0; i < revisions.size(); i++) {
      if (revisionPatient.get(i) == id) {
        out.add(revisions.get(i));
      }
    }
    return out;
  }

  @Override
  public synchronized List<PatientRecord> bornOn(LocalDate birthDate) {
    return current.values().stream().filter(r -> r.patient().birthDate().equals(birthDate)).toList();
  }

  @Override
  public synchronized Changes changedSince(long cursor) {
    List<PatientRecord> changed = new ArrayList<>();
    for (int i = (int) Math.max(0, cursor); i < revisions.size(); i++) {
      PatientRecord r = current.get(revisionPatient.get(i));
      if (!changed.contains(r)) {
        changed.add(r);
      }
    }
    return new Changes(changed, revisions.size());
  }

  private void keep(PatientRecord r, Change change) {
    revisions.add(new PatientRevision(r, change.author(), Instant.ofEpochMilli(change.atMillis()), change.reason()));
    revisionPatient.add(r.id());
  }
}
