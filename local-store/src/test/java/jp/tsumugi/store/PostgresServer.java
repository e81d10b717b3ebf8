package jp.tsumugi.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For tests (exported in the test-jar): a real PostgreSQL server from embedded binaries on 127.0.0.1,
 * handing out a fresh database per store, migrated by the same Flyway migrations as H2.
 */
public final class PostgresServer implements AutoCloseable {
  private static PostgresServer shared;

  private final EmbeddedPostgres postgres;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static PostgresServer start() throws IOException {
    return new PostgresServer(EmbeddedPostgres.builder().start());
  }

  /**
   * The one server of this test JVM, started on first use and stopped when the JVM exits; every store
   * test class takes fresh databases from it instead of paying for a server start of its own.
   */
  public static synchronized PostgresServer shared() throws IOException {
    if (shared == null) {
      PostgresServer server = start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException e) {
          // The JVM is exiting; the embedded server's folder is temporary anyway.
        }
      }, "postgres-test-server-stop"));
      shared = server;
    }
    return shared;
  }

  /** A new, empty database named {@code prefix}N, opened (and migrated) as a store. */
  public LocalStore openFreshStore(String prefix, Clock clock) throws SQLException {
    String name = prefix + databases.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name;
    return LocalStore.openPostgres(url, "postgres", "postgres".toCharArray(), clock);
  }

  /**
   * Several stores on one new, empty database: several application instances (terminals) sharing a
   * clinic server. The first store migrates; the others find the schema current.
   */
  public java.util.List<LocalStore> openFreshStores(String prefix, Clock clock, int count) throws SQLException {
    String name = prefix + databases.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name;
    java.util.List<LocalStore> stores = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      stores.add(LocalStore.openPostgres(url, "postgres", "postgres".toCharArray(), clock));
    }
    return stores;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
