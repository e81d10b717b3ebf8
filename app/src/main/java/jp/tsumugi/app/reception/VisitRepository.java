package jp.tsumugi.app.reception;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: visits with their append-only status and flag history. */
public interface VisitRepository {
  /**
   * Stores a new visit with the next reception number of its date, assigned atomically even when
   * several terminals check in at once, and returns it with id and number.
   */
  Visit insert(Visit visit);

  /**
   * Appends a status row. Returns false, and stores nothing, when the visit already has a row with
   * that sequence (another terminal changed it first).
   */
  boolean appendStatus(StatusChange change);

  /** Appends a 資格未確認 flag row (set or cleared); the latest row counts. */
  void appendFlag(long visitId, boolean qualificationUnverified, String user, String terminal, Instant at);

  Optional<QueueEntry> find(long visitId);

  /** Every visit of the date with its latest status and flag, by reception number. */
  List<QueueEntry> queue(LocalDate date);

  /** The status history of a visit, oldest first. */
  List<StatusChange> history(long visitId);

  ChangeToken changeToken(LocalDate date);
}
