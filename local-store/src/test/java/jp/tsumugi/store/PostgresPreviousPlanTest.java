package jp.tsumugi.store;

/** Do (前回処方) on PostgreSQL. */
class PostgresPreviousPlanTest extends PreviousPlanContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("previousplan", clock);
  }
}
