package jp.tsumugi.app.security;

import java.time.Instant;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/** A logged-in user at a terminal. Every use case that acts for somebody takes one. */
public record Session(User user, String terminal, Instant startedAt) {

  public String username() {
    return user.username();
  }

  public Role role() {
    return user.role();
  }

  /** Throws {@link ErrorCode#NOT_PERMITTED} unless the session's role grants the permission. */
  public void require(Permission permission) {
    if (!user.role().may(permission)) {
      throw new TsumugiException(ErrorCode.NOT_PERMITTED, permission.name() + " for role " + user.role());
    }
  }
}
