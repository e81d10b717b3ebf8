package jp.tsumugi.store;

/** The stamp contract on PostgreSQL. */
class PostgresStampStoreTest extends StampStoreContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("stamps", clock);
  }
}
