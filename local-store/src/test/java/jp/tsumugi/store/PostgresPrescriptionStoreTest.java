package jp.tsumugi.store;

/** The prescription contract on PostgreSQL. */
class PostgresPrescriptionStoreTest extends PrescriptionStoreContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("rx", clock);
  }
}
