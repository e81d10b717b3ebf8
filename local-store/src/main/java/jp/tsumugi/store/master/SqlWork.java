package jp.tsumugi.store.master;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on a connection that may throw SQLException. */
@FunctionalInterface
public interface SqlWork<T> {
  T apply(Connection connection) throws SQLException;
}
