package jp.tsumugi.store;

/** The timeline query on PostgreSQL. */
class PostgresChartOverviewStoreTest extends ChartOverviewStoreContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("overview", clock);
  }
}
