package jp.tsumugi.app.chart;

import java.time.Instant;
import java.util.Objects;

/**
 * An author's unsigned work on a visit's note (下書き): one per (visit, author), overwritten by every
 * autosave. {@code baseRevision} is the signed revision the author started from (0: the note had none).
 */
public record NoteDraft(long patientId, long visitId, int baseRevision, String author, String terminal, Instant savedAt,
    SoapNote content) {
  public NoteDraft {
    Objects.requireNonNull(author);
    Objects.requireNonNull(terminal);
    Objects.requireNonNull(savedAt);
    Objects.requireNonNull(content);
  }

  @Override
  public String toString() {
    return "NoteDraft[visit=" + visitId + ", base=" + baseRevision + ", author=" + author + "]";
  }
}
