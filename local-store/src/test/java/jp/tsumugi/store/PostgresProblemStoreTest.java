package jp.tsumugi.store;

/** The problem contract on PostgreSQL. */
class PostgresProblemStoreTest extends ProblemStoreContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("problems", clock);
  }
}
