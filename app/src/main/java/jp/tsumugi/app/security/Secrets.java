package jp.tsumugi.app.security;

import java.security.SecureRandom;

/** Port-free source of random secrets (TOTP seeds, keys). Injected so tests can fix it. */
public interface Secrets {
  byte[] randomBytes(int length);

  static Secrets secureRandom() {
    SecureRandom random = new SecureRandom();
    return length -> {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      return bytes;
    };
  }
}
