package jp.tsumugi.store;

/** Chart full-text search on PostgreSQL. */
class PostgresChartSearchTest extends ChartSearchContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("search", clock);
  }
}
