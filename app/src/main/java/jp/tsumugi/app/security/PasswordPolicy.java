package jp.tsumugi.app.security;

import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/** Minimum password rules: long enough, not one repeated character, not the user name. */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 8;

  private PasswordPolicy() {
  }

  public static void check(String username, char[] password) {
    if (password == null || password.length < MIN_LENGTH) {
      throw new TsumugiException(ErrorCode.PASSWORD_TOO_WEAK, "shorter than " + MIN_LENGTH);
    }
    boolean allSame = true;
    for (char c : password) {
      allSame &= c == password[0];
    }
    if (allSame || new String(password).equalsIgnoreCase(username)) {
      throw new TsumugiException(ErrorCode.PASSWORD_TOO_WEAK, "trivial");
    }
  }

  public static void checkUsername(String username) {
    if (username == null || !username.matches("[a-z0-9._-]{3,32}")) {
      throw new TsumugiException(ErrorCode.USERNAME_INVALID);
    }
  }

  public static void checkDisplayName(String displayName) {
    if (displayName == null || displayName.isBlank() || displayName.length() > 60) {
      throw new TsumugiException(ErrorCode.DISPLAY_NAME_INVALID);
    }
  }
}
