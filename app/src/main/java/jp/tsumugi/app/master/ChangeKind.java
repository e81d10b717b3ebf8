package jp.tsumugi.app.master;

import java.util.Optional;

/** 変更区分, column 1 of every master row. */
public enum ChangeKind {
  /** 0 継続. */
  CONTINUED(0),
  /** 1 抹消: the record is erased, as if it had never been published. */
  ERASED(1),
  /** 2 復活. */
  RESTORED(2),
  /** 3 新規. */
  NEW(3),
  /** 5 変更. */
  CHANGED(5),
  /** 9 廃止: 廃止年月日 is set. */
  ABOLISHED(9);

  private final int code;

  ChangeKind(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Optional<ChangeKind> ofCode(String text) {
    for (ChangeKind kind : values()) {
      if (text.equals(String.valueOf(kind.code))) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
