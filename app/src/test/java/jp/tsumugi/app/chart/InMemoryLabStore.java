package jp.tsumugi.app.chart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.tsumugi.app.patient.Sex;

/** A LabStore in memory for use-case tests (the JDBC one is tested on H2 and PostgreSQL in local-store). */
final class InMemoryLabStore implements LabStore {
  final Map<String, PatientRef> patients = new HashMap<>();
  final Map<String, LabItem> items = new LinkedHashMap<>();
  final Map<Long, Long> owners = new HashMap<>();
  final List<LabRevision> revisions = new ArrayList<>();
  private long nextRecord = 1;

  long addPatient(String number, Sex sex) {
    long id = patients.size() + 1L;
    patients.put(number, new PatientRef(id, sex));
    return id;
  }

  @Override
  public boolean patientExists(long patientId) {
    return patient(patientId).isPresent();
  }

  @Override
  public Optional<PatientRef> patientByNumber(String patientNumber) {
    return Optional.ofNullable(patients.get(patientNumber));
  }

  @Override
  public Optional<PatientRef> patient(long patientId) {
    return patients.values().stream().filter(p -> p.id() == patientId).findFirst();
  }

  @Override
  public List<LabItem> items() {
    return items.values().stream().sorted(Comparator.comparingInt(LabItem::sortOrder)).toList();
  }

  @Override
  public Optional<LabItem> item(String localCode) {
    return Optional.ofNullable(items.get(localCode));
  }

  @Override
  public void saveItem(LabItem item) {
    items.put(item.localCode(), item);
  }

  @Override
  public long createLabRecord(long patientId, Long visitId, Instant at) {
    long id = nextRecord++;
    owners.put(id, patientId);
    return id;
  }

  @Override
  public Optional<Long> labOwner(long recordId) {
    return Optional.ofNullable(owners.get(recordId));
  }

  @Override
  public boolean appendLabRevision(LabRevision revision) {
    if (revisions.stream().anyMatch(r -> r.recordId() == revision.recordId() && r.revision() == revision.revision())) {
      return false;
    }
    revisions.add(revision);
    return true;
  }

  @Override
  public Optional<LabRevision> latestLabRevision(long recordId) {
    return revisions.stream().filter(r -> r.recordId() == recordId).max(Comparator.comparingInt(LabRevision::revision));
  }

  @Override
  public List<LabRevision> labRevisions(long recordId) {
    return revisions.stream().filter(r -> r.recordId() == recordId).toList();
  }

  private List<LabRevision> current(long patientId) {
    return owners.entrySet().stream().filter(e -> e.getValue() == patientId).map(e -> latestLabRevision(e.getKey()).orElseThrow())
        .filter(r -> !r.isTombstone()).toList();
  }

  @Override
  public List<LabRevision> latestPerTest(long patientId) {
    Map<String, LabRevision> latest = new HashMap<>();
    for (LabRevision r : current(patientId)) {
      latest.merge(r.result().localCode(), r, (a, b) -> a.result().specimenDate().isBefore(b.result().specimenDate()) ? b : a);
    }
    return new ArrayList<>(latest.values());
  }

  @Override
  public List<LabPoint> series(long patientId, String localCode) {
    return current(patientId).stream().filter(r -> r.result().localCode().equals(localCode))
        .sorted(Comparator.comparing(r -> r.result().specimenDate()))
        .map(r -> new LabPoint(r.recordId(), r.result().specimenDate(), r.result().value().number(), r.result().value().display(),
            r.flag())).toList();
  }

  @Override
  public List<LabRevision> newest(long patientId, int limit) {
    return current(patientId).stream().sorted(Comparator.comparing((LabRevision r) -> r.result().specimenDate()).reversed())
        .limit(limit).toList();
  }

  @Override
  public Set<String> resultKeys(long patientId) {
    Set<String> keys = new HashSet<>();
    for (LabRevision r : current(patientId)) {
      keys.add(LabCsvImport.key(r.result().localCode(), r.result().specimenDate(), r.result().value()));
    }
    return keys;
  }
}
