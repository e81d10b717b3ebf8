package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.chart.ChartNotes;
import jp.tsumugi.app.chart.ChartSearch;
import jp.tsumugi.app.chart.ChartSearchHit;
import jp.tsumugi.app.chart.EditLeases;
import jp.tsumugi.app.chart.SoapNote;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import org.junit.jupiter.api.Test;

/** Chart full-text search on PostgreSQL, and a search at one application instance seeing what another one wrote. */
class PostgresChartSearchTest extends ChartSearchContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("search", clock);
  }

  @Test
  void aSearchSeesNotesSignedAmendedAndDeletedAtAnotherInstance() throws Exception {
    List<LocalStore> terminals = PostgresServer.shared().openFreshStores("searchtwo", clock, 2);
    try (LocalStore writer = terminals.get(0); LocalStore reader = terminals.get(1)) {
      Session doctor = new Session(new User(0, "doctor", "doctor", Role.DOCTOR, "hash", null, true, 0, null, START), "診察室1", START);
      HashChainedAuditLog writerAudit = new HashChainedAuditLog(writer.auditEntries(), clock);
      ChartNotes writerNotes = new ChartNotes(writer.chartStore(), new EditLeases(writer.chartStore(), clock), writerAudit,
          writer.transactions(), clock, new ChartSearch(writer.chartSearchSource(), writerAudit, writer.transactions()));
      ChartSearch readerSearch = new ChartSearch(reader.chartSearchSource(), new HashChainedAuditLog(reader.auditEntries(), clock),
          reader.transactions());
      long patient = writer.patients().insert(new Patient(0, "000777", "別端", "末", "ベッタン", "スエ", Sex.FEMALE,
          LocalDate.of(1960, 1, 1), null, null, null)).id();
      long visit = writer.visits().insert(new Visit(0, patient, LocalDate.of(2026, 11, 20), 0, "内科", "doctor", null, START)).id();
      writerNotes.signOff(doctor, visit, 0, new SoapNote("めまい", "", "", ""), null);
      assertThat(readerSearch.search(doctor, "めまい").hits()).extracting(ChartSearchHit::visitId).containsExactly(visit);

      // Changes at the other instance after the reader built its index are taken in at the next search.
      long later = writer.visits().insert(new Visit(0, patient, LocalDate.of(2026, 11, 24), 0, "内科", "doctor", null, START)).id();
      writerNotes.signOff(doctor, later, 0, new SoapNote("耳鳴り", "", "", ""), null);
      writerNotes.amend(doctor, visit, 1, new SoapNote("回転性めまい", "", "", ""), "追記");
      assertThat(readerSearch.search(doctor, "耳鳴り").hits()).extracting(ChartSearchHit::visitId).containsExactly(later);
      assertThat(readerSearch.search(doctor, "回転性").hits()).extracting(ChartSearchHit::visitId).containsExactly(visit);
      writerNotes.tombstone(doctor, visit, 2, "別患者");
      assertThat(readerSearch.search(doctor, "めまい").hits()).isEmpty();
    }
  }
}
