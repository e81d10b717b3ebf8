package jp.tsumugi.store;

/** The reception contract on a real PostgreSQL server (embedded binaries), from the same migrations. */
class PostgresReceptionStoreTest extends ReceptionStoreContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("reception", CLOCK);
  }
}
