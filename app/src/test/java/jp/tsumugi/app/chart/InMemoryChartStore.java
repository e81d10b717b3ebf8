package jp.tsumugi.app.chart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fake chart store for use-case tests: same keys as the tables (one note per visit, one revision per number). */
final class InMemoryChartStore implements ChartStore {
  private final Map<Long, Long> visitPatients = new HashMap<>();
  private final Map<Long, Long> noteRecords = new HashMap<>();
  private final Map<Long, List<NoteRevision>> revisions = new HashMap<>();
  private final Map<String, NoteDraft> drafts = new HashMap<>();
  private final Map<String, EditLease> leases = new HashMap<>();
  private long nextRecord = 100;

  void addVisit(long visitId, long patientId) {
    visitPatients.put(visitId, patientId);
  }

  int draftCount() {
    return drafts.size();
  }

  @Override
  public synchronized Optional<Long> patientOfVisit(long visitId) {
    return Optional.ofNullable(visitPatients.get(visitId));
  }

  /** The fake has no visit dates: a smaller visit id counts as earlier. */
  @Override
  public synchronized Optional<PreviousPlan> previousPlan(long visitId) {
    Long patient = visitPatients.get(visitId);
    return noteRecords.entrySet().stream()
        .filter(e -> e.getKey() < visitId && patient != null && patient.equals(visitPatients.get(e.getKey())))
        .sorted(Map.Entry.<Long, Long>comparingByKey().reversed())
        .map(e -> latestNoteRevision(e.getValue()).orElse(null))
        .filter(r -> r != null && !r.isTombstone() && !r.content().plan().isBlank())
        .findFirst()
        .map(r -> new PreviousPlan(r.visitId(), java.time.LocalDate.EPOCH.plusDays(r.visitId()), r.revision(), r.author(), r.at(),
            r.content().plan()));
  }

  @Override
  public synchronized Optional<Long> noteRecordOfVisit(long visitId) {
    return Optional.ofNullable(noteRecords.get(visitId));
  }

  @Override
  public synchronized Optional<Long> createNoteRecord(long patientId, long visitId, Instant at) {
    if (noteRecords.containsKey(visitId)) {
      return Optional.empty();
    }
    long id = nextRecord++;
    noteRecords.put(visitId, id);
    revisions.put(id, new ArrayList<>());
    return Optional.of(id);
  }

  @Override
  public synchronized boolean appendNoteRevision(NoteRevision revision) {
    List<NoteRevision> chain = revisions.get(revision.recordId());
    if (chain.stream().anyMatch(r -> r.revision() == revision.revision())) {
      return false;
    }
    chain.add(revision);
    return true;
  }

  @Override
  public synchronized Optional<NoteRevision> latestNoteRevision(long recordId) {
    return revisions.getOrDefault(recordId, List.of()).stream().max(Comparator.comparingInt(NoteRevision::revision));
  }

  @Override
  public synchronized Optional<NoteRevision> noteRevision(long recordId, int revision) {
    return revisions.getOrDefault(recordId, List.of()).stream().filter(r -> r.revision() == revision).findFirst();
  }

  @Override
  public synchronized List<NoteRevision> noteRevisions(long recordId) {
    return revisions.getOrDefault(recordId, List.of()).stream().sorted(Comparator.comparingInt(NoteRevision::revision)).toList();
  }

  @Override
  public synchronized List<NoteRevision> latestNotesOfPatient(long patientId, int limit) {
    return noteRecords.values().stream().map(this::latestNoteRevision).flatMap(Optional::stream)
        .filter(r -> r.patientId() == patientId).sorted(Comparator.comparingLong(NoteRevision::visitId).reversed())
        .limit(limit).toList();
  }

  @Override
  public synchronized boolean saveDraft(NoteDraft draft) {
    return drafts.put(draft.visitId() + "/" + draft.author(), draft) == null;
  }

  @Override
  public synchronized Optional<NoteDraft> draft(long visitId, String author) {
    return Optional.ofNullable(drafts.get(visitId + "/" + author));
  }

  @Override
  public synchronized void deleteDraft(long visitId, String author) {
    drafts.remove(visitId + "/" + author);
  }

  @Override
  public synchronized Optional<EditLease> lease(String section) {
    return Optional.ofNullable(leases.get(section));
  }

  @Override
  public synchronized boolean insertLease(EditLease lease) {
    return leases.putIfAbsent(lease.section(), lease) == null;
  }

  @Override
  public synchronized boolean replaceLease(EditLease expected, EditLease next) {
    return leases.replace(expected.section(), expected, next);
  }

  @Override
  public synchronized void deleteLease(String section, String holder, String terminal) {
    EditLease l = leases.get(section);
    if (l != null && l.heldBy(holder, terminal)) {
      leases.remove(section);
    }
  }
}
