package jp.tsumugi.app.chart;

import java.time.Instant;
import java.util.Objects;

/**
 * One immutable, stored state of a visit's note. {@code reason} is empty for revision 1 and required
 * from revision 2 on; a {@link RevisionState#TOMBSTONE} carries empty content.
 */
public record NoteRevision(long recordId, long patientId, long visitId, int revision, RevisionState state, String author,
    Instant at, String terminal, String reason, SoapNote content) {
  public NoteRevision {
    Objects.requireNonNull(state);
    Objects.requireNonNull(author);
    Objects.requireNonNull(at);
    Objects.requireNonNull(terminal);
    reason = reason == null ? "" : reason;
    content = content == null ? SoapNote.EMPTY : content;
  }

  public boolean isTombstone() {
    return state == RevisionState.TOMBSTONE;
  }

  @Override
  public String toString() {
    return "NoteRevision[record=" + recordId + ", revision=" + revision + ", state=" + state + "]";
  }
}
