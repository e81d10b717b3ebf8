package jp.tsumugi.store;

/** The lab and vitals contract on PostgreSQL. */
class PostgresLabVitalStoreTest extends LabVitalStoreContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("labs", clock);
  }
}
