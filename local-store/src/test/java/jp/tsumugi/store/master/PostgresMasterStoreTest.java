package jp.tsumugi.store.master;

import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The master contract on a real PostgreSQL server (embedded binaries), from the same migrations. */
class PostgresMasterStoreTest extends MasterStoreContractTest {
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
    return postgres.openFreshStore("masters", CLOCK);
  }
}
