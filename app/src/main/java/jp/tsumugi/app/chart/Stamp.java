package jp.tsumugi.app.chart;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A stored stamp (スタンプ): a reusable snippet for one SOAP column. {@code owner} is the user name of a
 * personal (個人) stamp, or {@link #SHARED} for the clinic's shared (共有) ones. {@code keyword} is as typed,
 * {@code key} its normalised form ({@link SearchFold#keyword}), unique per owner. {@code toString} holds no text.
 */
public record Stamp(long id, String owner, StampKind kind, String keyword, String key, String title, String body,
    Instant updatedAt, String updatedBy) {
  /** The owner of the clinic's shared stamps. */
  public static final String SHARED = "";

  public Stamp {
    Objects.requireNonNull(owner);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(keyword);
    Objects.requireNonNull(key);
    Objects.requireNonNull(title);
    Objects.requireNonNull(body);
    Objects.requireNonNull(updatedAt);
    Objects.requireNonNull(updatedBy);
  }

  public boolean shared() {
    return SHARED.equals(owner);
  }

  /** The body's lines (a P stamp's items), without empty ones. */
  public List<String> lines() {
    return Arrays.stream(body.split("\r\n|\r|\n")).filter(l -> !l.isBlank()).toList();
  }

  @Override
  public String toString() {
    return "Stamp[id=" + id + ", shared=" + shared() + ", kind=" + kind + "]";
  }
}
