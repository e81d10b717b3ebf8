package jp.tsumugi.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;

/**
 * Transactions bound to the calling thread: work inside {@link #inTransaction} sees one connection,
 * nested calls join the outer transaction, any runtime exception rolls everything back.
 */
final class JdbcTransactions implements Transactions {
  /** Work on a connection that may throw SQLException. */
  interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
  }

  private final ConnectionPool pool;
  private final ThreadLocal<Connection> bound = new ThreadLocal<>();

  JdbcTransactions(ConnectionPool pool) {
    this.pool = pool;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (bound.get() != null) {
      return work.get();
    }
    Connection connection = borrow();
    bound.set(connection);
    try {
      connection.setAutoCommit(false);
      T result = work.get();
      connection.commit();
      return result;
    } catch (SQLException e) {
      rollback(connection);
      throw SqlErrors.translate(e);
    } catch (RuntimeException | Error e) {
      rollback(connection);
      throw e;
    } finally {
      bound.remove();
      pool.giveBack(connection);
    }
  }

  /** Runs one piece of SQL work: on the bound connection, or alone in auto-commit mode. */
  <T> T withConnection(SqlWork<T> work) {
    Connection connection = bound.get();
    try {
      if (connection != null) {
        return work.apply(connection);
      }
      Connection own = borrow();
      try {
        return work.apply(own);
      } finally {
        pool.giveBack(own);
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
  }

  private Connection borrow() {
    try {
      return pool.borrow();
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
  }

  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      throw new TsumugiException(ErrorCode.DB_ERROR, "rollback failed: SQLState " + e.getSQLState(), e);
    }
  }
}
