package jp.tsumugi.store;

/** The card-reader arrival contract on a real PostgreSQL server (embedded binaries, no Docker), from the same migrations. */
class PostgresArrivalStoreTest extends ArrivalStoreContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("arrivals", CLOCK);
  }
}
