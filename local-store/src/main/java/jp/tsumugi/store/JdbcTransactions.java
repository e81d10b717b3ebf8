package jp.tsumugi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;

/**
 * Transactions bound to the calling thread: work inside {@link #inTransaction} sees one connection,
 * nested calls join the outer transaction, any runtime exception rolls everything back.
 */
final class JdbcTransactions implements Transactions {
  private static final Logger LOG = Logger.getLogger(JdbcTransactions.class.getName());

  /** Work on a connection that may throw SQLException. */
  interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
  }

  /** Sets a statement's parameters. */
  interface Parameters {
    void set(PreparedStatement statement) throws SQLException;
  }

  /** Reads the current row of a result. */
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final ConnectionPool pool;
  private final ThreadLocal<Connection> bound = new ThreadLocal<>();
  private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

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
    List<Runnable> actions = new ArrayList<>();
    afterCommit.set(actions);
    T result;
    try {
      connection.setAutoCommit(false);
      result = work.get();
      connection.commit();
    } catch (SQLException e) {
      rollback(connection);
      throw SqlErrors.translate(e);
    } catch (RuntimeException | Error e) {
      rollback(connection);
      throw e;
    } finally {
      bound.remove();
      afterCommit.remove();
      pool.giveBack(connection);
    }
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        // The data is committed; a failed follow-up (an index refresh) must not report the work as failed.
        LOG.log(Level.WARNING, "after-commit action failed: {0}", e.getClass().getName());
      }
    }
    return result;
  }

  @Override
  public void afterCommit(Runnable action) {
    List<Runnable> actions = afterCommit.get();
    if (actions == null) {
      action.run();
    } else {
      actions.add(action);
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

  /** Every row a query returns, in its order. */
  <T> List<T> list(String sql, Parameters parameters, RowReader<T> reader) {
    return withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        parameters.set(ps);
        try (ResultSet rs = ps.executeQuery()) {
          List<T> out = new ArrayList<>();
          while (rs.next()) {
            out.add(reader.read(rs));
          }
          return out;
        }
      }
    });
  }

  /** The first row a query returns, if any. */
  <T> Optional<T> first(String sql, Parameters parameters, RowReader<T> reader) {
    return withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        parameters.set(ps);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
        }
      }
    });
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
