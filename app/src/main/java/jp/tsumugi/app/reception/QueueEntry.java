package jp.tsumugi.app.reception;

import java.util.Objects;

/** A visit with its latest status and its 資格未確認 flag, as the queue shows it. */
public record QueueEntry(Visit visit, StatusChange latest, boolean qualificationUnverified) {
  public QueueEntry {
    Objects.requireNonNull(visit);
    Objects.requireNonNull(latest);
  }

  public VisitStatus status() {
    return latest.status();
  }
}
