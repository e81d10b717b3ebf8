package jp.tsumugi.app.reception;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Visits in lists, with the same append-only rules as the store (a taken sequence is refused). */
final class InMemoryVisitRepository implements VisitRepository {
  private record Flag(long visitId, boolean unverified) {
  }

  private final List<Visit> visits = new ArrayList<>();
  private final List<StatusChange> statuses = new ArrayList<>();
  private final List<Flag> flags = new ArrayList<>();

  @Override
  public Visit insert(Visit v) {
    int number = (int) visits.stream().filter(x -> x.visitDate().equals(v.visitDate())).count() + 1;
    Visit stored = new Visit(visits.size() + 1, v.patientId(), v.visitDate(), number, v.department(), v.doctor(),
        v.combinationId(), v.checkedInAt());
    visits.add(stored);
    return stored;
  }

  @Override
  public boolean appendStatus(StatusChange c) {
    if (statuses.stream().anyMatch(s -> s.visitId() == c.visitId() && s.sequence() == c.sequence())) {
      return false;
    }
    statuses.add(new StatusChange(statuses.size() + 1, c.visitId(), c.sequence(), c.status(), c.reason(), c.user(),
        c.terminal(), c.at()));
    return true;
  }

  @Override
  public void appendFlag(long visitId, boolean unverified, String user, String terminal, Instant at) {
    flags.add(new Flag(visitId, unverified));
  }

  @Override
  public Optional<QueueEntry> find(long visitId) {
    return visits.stream().filter(v -> v.id() == visitId && !history(v.id()).isEmpty()).findFirst().map(this::entry);
  }

  private QueueEntry entry(Visit v) {
    StatusChange latest = history(v.id()).get(history(v.id()).size() - 1);
    boolean flag = flags.stream().filter(f -> f.visitId() == v.id()).reduce((a, b) -> b).map(Flag::unverified).orElse(false);
    return new QueueEntry(v, latest, flag);
  }

  @Override
  public List<QueueEntry> queue(LocalDate date) {
    // Like the store's join: a visit whose first status row is not written yet is not in the queue.
    return visits.stream().filter(v -> v.visitDate().equals(date)).filter(v -> !history(v.id()).isEmpty())
        .sorted(Comparator.comparingInt(Visit::receptionNumber))
        .map(this::entry).toList();
  }

  @Override
  public List<StatusChange> history(long visitId) {
    return statuses.stream().filter(s -> s.visitId() == visitId).toList();
  }

  @Override
  public ChangeToken changeToken(LocalDate date) {
    List<Long> ids = visits.stream().filter(v -> v.visitDate().equals(date)).map(Visit::id).toList();
    return new ChangeToken(statuses.stream().filter(s -> ids.contains(s.visitId())).count(),
        flags.stream().filter(f -> ids.contains(f.visitId())).count(), ids.size());
  }

  int statusRows() {
    return statuses.size();
  }

  int visitRows() {
    return visits.size();
  }
}
