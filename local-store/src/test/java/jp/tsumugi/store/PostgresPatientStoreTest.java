package jp.tsumugi.store;

/** The patient and insurance contract on a real PostgreSQL server (embedded binaries), from the same migrations. */
class PostgresPatientStoreTest extends PatientStoreContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("patients", CLOCK);
  }
}
