package jp.tsumugi.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small pool of JDBC connections (a desktop needs a handful). Connections come back in
 * auto-commit mode; a broken one is closed instead of reused.
 */
final class ConnectionPool implements AutoCloseable {
  /** Opens a new physical connection. */
  interface Opener {
    Connection open() throws SQLException;
  }

  private static final int MAX_IDLE = 4;
  private final Opener opener;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  ConnectionPool(Opener opener) {
    this.opener = opener;
  }

  synchronized Connection borrow() throws SQLException {
    if (closed) {
      throw new SQLException("store closed");
    }
    while (!idle.isEmpty()) {
      Connection c = idle.pop();
      if (!c.isClosed()) {
        return c;
      }
    }
    return opener.open();
  }

  synchronized void giveBack(Connection connection) {
    try {
      if (closed || connection.isClosed() || idle.size() >= MAX_IDLE) {
        connection.close();
        return;
      }
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
      idle.push(connection);
    } catch (SQLException e) {
      closeQuietly(connection);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    while (!idle.isEmpty()) {
      closeQuietly(idle.pop());
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Closing a broken connection: nothing more to do.
    }
  }
}
