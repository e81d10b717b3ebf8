package jp.tsumugi.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The reception contract on a real PostgreSQL server (embedded binaries), from the same migrations. */
class PostgresReceptionStoreTest extends ReceptionStoreContractTest {
  private static PostgresServer postgres;

  @BeforeAll
  static void startServer() throws Exception {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  LocalStore openStore() throws Exception {
    return postgres.openFreshStore("reception", CLOCK);
  }
}
