package jp.tsumugi.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The patient and insurance contract on a real PostgreSQL server (embedded binaries), from the same migrations. */
class PostgresPatientStoreTest extends PatientStoreContractTest {
  private static EmbeddedPostgres postgres;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @BeforeAll
  static void startServer() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  LocalStore openStore() throws Exception {
    String name = "patients" + DATABASES.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name;
    return LocalStore.openPostgres(url, "postgres", "postgres".toCharArray(), CLOCK);
  }
}
