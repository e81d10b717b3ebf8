package jp.tsumugi.app.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.security.UserRepository;

/** Users in a map, with the store's unique-name rule. */
public final class InMemoryUserRepository implements UserRepository {
  private final Map<String, User> users = new LinkedHashMap<>();
  private long nextId = 1;

  @Override
  public Optional<User> findByUsername(String username) {
    return Optional.ofNullable(users.get(username));
  }

  @Override
  public List<User> findAll() {
    return new ArrayList<>(users.values());
  }

  @Override
  public User insert(User u) {
    if (users.containsKey(u.username())) {
      throw new TsumugiException(ErrorCode.USERNAME_TAKEN);
    }
    User stored = new User(nextId++, u.username(), u.displayName(), u.role(), u.passwordHash(), u.totpSecret(), u.active(),
        u.failedAttempts(), u.lockedUntil(), u.createdAt());
    users.put(stored.username(), stored);
    return stored;
  }

  @Override
  public void update(User user) {
    if (!users.containsKey(user.username())) {
      throw new TsumugiException(ErrorCode.USER_NOT_FOUND);
    }
    users.put(user.username(), user);
  }

  @Override
  public long count() {
    return users.size();
  }
}
