package jp.tsumugi.store;

/** The registration panel's use case and the clinic's departments on a real PostgreSQL server, from the same migrations. */
class PostgresPatientAtReceptionTest extends PatientAtReceptionContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("regform", CLOCK);
  }
}
