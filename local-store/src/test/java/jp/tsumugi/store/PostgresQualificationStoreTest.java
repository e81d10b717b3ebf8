package jp.tsumugi.store;

/** The qualification ledger contract on a real PostgreSQL server (embedded binaries, no Docker), from the same migrations. */
class PostgresQualificationStoreTest extends QualificationStoreContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("qualification", CLOCK);
  }
}
