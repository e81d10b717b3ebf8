package jp.tsumugi.store.master;

import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.PostgresServer;

/** The master contract on a real PostgreSQL server (embedded binaries), from the same migrations. */
class PostgresMasterStoreTest extends MasterStoreContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("masters", CLOCK);
  }
}
