package jp.tsumugi.sync.qualification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.qualification.InboxSource;

/**
 * The 資格確認端末's shared folder (billing-rules.md §5.3): {@code req/} for requests, {@code res/} for
 * their results, {@code face/} for card-reader results; plus the two folders Tsumugi adds beside them,
 * {@code processed/} and {@code quarantine/} (docs/adr/0018).
 */
public record InboxFolders(Path root) {
  public InboxFolders {
    Objects.requireNonNull(root);
  }

  public Path requests() {
    return root.resolve("req");
  }

  public Path results() {
    return root.resolve("res");
  }

  public Path face() {
    return root.resolve("face");
  }

  public Path processed() {
    return root.resolve("processed");
  }

  public Path quarantine() {
    return root.resolve("quarantine");
  }

  /** The folder a source's files arrive in. */
  public Path incoming(InboxSource source) {
    return switch (source) {
      case RES -> results();
      case FACE -> face();
      case INGEST -> throw new IllegalArgumentException("ingested files do not arrive in a folder");
    };
  }

  /**
   * Checks that the terminal's folders are there and creates Tsumugi's own two. The terminal's
   * folders are never created: a missing one means the share is not mounted.
   */
  public void check() {
    for (Path p : new Path[] {requests(), results(), face()}) {
      if (!Files.isDirectory(p)) {
        throw new TsumugiException(ErrorCode.QUALIFICATION_FOLDER_UNAVAILABLE, "missing subfolder " + p.getFileName());
      }
    }
    try {
      Files.createDirectories(processed());
      Files.createDirectories(quarantine());
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_FOLDER_UNAVAILABLE,
          "cannot create archive folders: " + e.getClass().getSimpleName(), e);
    }
  }
}
