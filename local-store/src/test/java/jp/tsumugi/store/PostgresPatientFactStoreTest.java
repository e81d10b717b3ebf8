package jp.tsumugi.store;

/** The patient-fact contract on PostgreSQL. */
class PostgresPatientFactStoreTest extends PatientFactStoreContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("facts", clock);
  }
}
