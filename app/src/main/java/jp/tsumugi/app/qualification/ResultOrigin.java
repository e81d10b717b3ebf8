package jp.tsumugi.app.qualification;

import java.util.Objects;

/** Which file a result came from, handed to the handler with the result. */
public record ResultOrigin(long ledgerId, String fileName, InboxSource source) {
  public ResultOrigin {
    Objects.requireNonNull(fileName);
    Objects.requireNonNull(source);
  }
}
