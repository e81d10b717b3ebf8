package jp.tsumugi.app.qualification;

import java.util.List;
import java.util.Optional;

/** Port: card-reader arrivals and qualification warnings waiting at reception (V10, docs/adr/0021). */
public interface QualificationArrivalStore {
  /** A cheap fingerprint of the arrivals created in a time window: every change raises one of the counts. */
  record Token(long created, long resolved, long warningsSeen) {
    public static final Token NONE = new Token(-1, -1, -1);
  }

  QualificationArrival insert(QualificationArrival arrival);

  Optional<QualificationArrival> find(long id);

  /** Arrivals created in {@code [fromMillis, toMillis)}, oldest first, whatever their state. */
  List<QualificationArrival> createdBetween(long fromMillis, long toMillis);

  /**
   * Ends a pending arrival as CHECKED_IN (with its visit) or DISMISSED (with a reason); false if it was not
   * pending any more (another terminal was first).
   */
  boolean resolve(long id, QualificationArrival.State state, String by, long atMillis, long visitId, String reason);

  /** Marks an arrival's warning seen; false if it had none or it was already seen. */
  boolean markWarningSeen(long id, String by, long atMillis);

  Token token(long fromMillis, long toMillis);
}
