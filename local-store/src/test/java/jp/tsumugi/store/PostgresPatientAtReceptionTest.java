package jp.tsumugi.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The registration panel's use case and the clinic's departments on a real PostgreSQL server, from the same migrations. */
class PostgresPatientAtReceptionTest extends PatientAtReceptionContractTest {
  private static PostgresServer postgres;

  @BeforeAll
  static void startServer() throws Exception {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  LocalStore openStore() throws Exception {
    return postgres.openFreshStore("regform", CLOCK);
  }
}
