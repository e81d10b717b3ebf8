package jp.tsumugi.store;

/** Drug memos and the printed prescription's data on PostgreSQL. */
class PostgresPrescriptionPrintTest extends PrescriptionPrintContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("rxprint", clock);
  }
}
