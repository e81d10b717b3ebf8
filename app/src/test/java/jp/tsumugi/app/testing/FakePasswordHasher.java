package jp.tsumugi.app.testing;

import jp.tsumugi.app.security.PasswordHasher;

/** Fast and insecure, for use-case tests only: the real Argon2id lives in local-store and has its own tests. */
public final class FakePasswordHasher implements PasswordHasher {
  @Override
  public String hash(char[] password) {
    return "fake:" + new StringBuilder(new String(password)).reverse();
  }

  @Override
  public boolean verify(char[] password, String encoded) {
    return encoded != null && encoded.equals(hash(password));
  }
}
