package jp.tsumugi.store;

/** The safety store contract on PostgreSQL. */
class PostgresSafetyStoreTest extends SafetyStoreContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("safety", clock);
  }
}
