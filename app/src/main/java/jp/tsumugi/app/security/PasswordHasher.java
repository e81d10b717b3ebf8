package jp.tsumugi.app.security;

/** Port: a slow, salted password hash (Argon2id in the store). The encoded form names its parameters. */
public interface PasswordHasher {
  String hash(char[] password);

  boolean verify(char[] password, String encoded);
}
