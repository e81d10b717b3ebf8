package jp.tsumugi.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The card-reader arrival contract on a real PostgreSQL server (embedded binaries, no Docker), from the same migrations. */
class PostgresArrivalStoreTest extends ArrivalStoreContractTest {
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
    return postgres.openFreshStore("arrivals", CLOCK);
  }
}
