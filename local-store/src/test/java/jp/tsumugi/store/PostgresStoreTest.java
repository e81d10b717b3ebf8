package jp.tsumugi.store;

/** The store contract on a real PostgreSQL server (embedded binaries, no Docker), from the same migrations. */
class PostgresStoreTest extends StoreContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("clinic", CLOCK);
  }
}
