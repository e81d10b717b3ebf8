package jp.tsumugi.app.security;

import java.time.Instant;
import jp.tsumugi.app.common.ErrorCode;

/** The outcome of a login step. */
public sealed interface LoginResult {
  /** Logged in. */
  record Success(Session session) implements LoginResult {
  }

  /** Password accepted; a one-time code must follow for this pending login. */
  record TotpRequired(PendingLogin pending) implements LoginResult {
  }

  /** Refused; {@code lockedUntil} is set when the account is (now) locked. */
  record Failure(ErrorCode code, Instant lockedUntil) implements LoginResult {
  }

  /** A password-verified login waiting for its second factor; valid for a few minutes. */
  record PendingLogin(String username, String terminal, Instant passwordVerifiedAt) {
  }
}
