package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Future;
import jp.tsumugi.app.chart.ChartNotes;
import jp.tsumugi.app.chart.SoapNote;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import org.junit.jupiter.api.Test;

/** The chart contract on PostgreSQL, plus two application instances (two stores) on one database. */
class PostgresChartStoreTest extends ChartStoreContractTest {
  @Override
  LocalStore openStore() throws Exception {
    return PostgresServer.shared().openFreshStore("chart", clock);
  }

  @Test
  void twoApplicationInstancesSavingTheSameNoteNeverLoseEitherText() throws Exception {
    List<LocalStore> terminals = PostgresServer.shared().openFreshStores("charttwo", clock, 2);
    try (LocalStore one = terminals.get(0); LocalStore two = terminals.get(1)) {
      long patient = one.patients().insert(new jp.tsumugi.app.patient.Patient(0, "000009", "佐藤", "一郎", "サトウ", "イチロウ",
          jp.tsumugi.app.patient.Sex.MALE, java.time.LocalDate.of(1950, 1, 1), null, null, null)).id();
      long visit = newVisit(one, patient);
      visitId = visit;
      ChartNotes atOne = notes(one);
      ChartNotes atTwo = notes(two);
      Session d1 = session("doctor1", Role.DOCTOR, "診察室1");
      Session d2 = session("doctor2", Role.DOCTOR, "診察室2");
      // Both start a new note for the visit (base 0): record creation itself races.
      assertThat(atOne.open(d1, visit).baseRevision()).isZero();
      assertThat(atTwo.open(d2, visit).baseRevision()).isZero();
      List<Future<Object>> first = race(List.of(
          () -> atOne.signOff(d1, visit, 0, new SoapNote("一", "", "", ""), null),
          () -> atTwo.signOff(d2, visit, 0, new SoapNote("二", "", "", ""), null)));
      int winners = 0;
      for (Future<Object> f : first) {
        winners += f.get() instanceof jp.tsumugi.app.chart.NoteRevision ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
      // The loser merges on top of revision 1; then both amend revision 2 from different instances.
      String loser = atOne.history(d1, visit).get(0).author().equals("doctor1") ? "doctor2" : "doctor1";
      Session merging = loser.equals("doctor1") ? d1 : d2;
      ChartNotes mergingAt = loser.equals("doctor1") ? atOne : atTwo;
      assertThat(mergingAt.open(merging, visit).draft()).isPresent();
      mergingAt.amend(merging, visit, 1, new SoapNote("一\n二", "", "", ""), "統合");
      List<Future<Object>> second = race(List.of(
          () -> atOne.amend(d1, visit, 2, new SoapNote("一\n二\n三", "", "", ""), "追記"),
          () -> atTwo.amend(d2, visit, 2, new SoapNote("一\n二\n四", "", "", ""), "追記")));
      assertExactlyOneWonAndNothingLost(atOne, one, second, d1, d2, 2);
    }
  }
}
