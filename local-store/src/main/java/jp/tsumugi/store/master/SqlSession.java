package jp.tsumugi.store.master;

/**
 * How the master store reaches the database: the store's thread-bound connection inside a
 * transaction, or a connection of its own outside one. Implemented by the store package.
 */
public interface SqlSession {
  <T> T withConnection(SqlWork<T> work);
}
