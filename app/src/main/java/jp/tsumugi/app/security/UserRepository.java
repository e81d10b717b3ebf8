package jp.tsumugi.app.security;

import java.util.List;
import java.util.Optional;

/** Port: where staff accounts are kept. */
public interface UserRepository {
  Optional<User> findByUsername(String username);

  List<User> findAll();

  /** Inserts and returns the user with its id assigned. */
  User insert(User user);

  /** Replaces the account's mutable fields (role, hashes, lockout counters, activity). */
  void update(User user);

  long count();
}
