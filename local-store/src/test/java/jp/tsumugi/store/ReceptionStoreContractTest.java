package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.reception.ChangeToken;
import jp.tsumugi.app.reception.PatientSummary;
import jp.tsumugi.app.reception.QueueEntry;
import jp.tsumugi.app.reception.StatusChange;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.reception.VisitRepository;
import jp.tsumugi.app.reception.VisitStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reception tables (V7) on H2 and PostgreSQL: numbers, append-only history, flags, change token. */
abstract class ReceptionStoreContractTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:02:03Z"), ZoneId.of("Asia/Tokyo"));
  static final LocalDate DAY = LocalDate.of(2026, 11, 25);
  protected LocalStore store;
  private VisitRepository visits;
  private long yamada;
  private long suzuki;

  abstract LocalStore openStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openStore();
    visits = store.visits();
    yamada = store.patients().insert(new Patient(0, "000001", "山田", "太郎", "ヤマダ", "タロウ", Sex.MALE,
        LocalDate.of(1966, 5, 26), null, null, null)).id();
    suzuki = store.patients().insert(new Patient(0, "000002", "鈴木", "花子", "スズキ", "ハナコ", Sex.FEMALE,
        LocalDate.of(2019, 1, 2), null, null, null)).id();
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private Visit checkIn(long patientId, LocalDate date, Long combination) {
    return store.transactions().inTransaction(() -> {
      Visit v = visits.insert(new Visit(0, patientId, date, 0, "内科", "doctor", combination, CLOCK.instant()));
      assertThat(visits.appendStatus(new StatusChange(0, v.id(), 1, VisitStatus.CHECKED_IN, "", "clerk", "t1",
          CLOCK.instant()))).isTrue();
      return v;
    });
  }

  @Test
  void receptionNumbersCountPerDayFromOne() {
    assertThat(checkIn(yamada, DAY, 7L).receptionNumber()).isEqualTo(1);
    assertThat(checkIn(suzuki, DAY, null).receptionNumber()).isEqualTo(2);
    assertThat(checkIn(yamada, DAY.plusDays(1), null).receptionNumber()).isEqualTo(1);
    assertThat(checkIn(suzuki, DAY, null).receptionNumber()).isEqualTo(3);
  }

  @Test
  void concurrentCheckInsFromSeveralTerminalsGetDistinctNumbers() throws Exception {
    int terminals = 6;
    int each = 5;
    ExecutorService pool = Executors.newFixedThreadPool(terminals);
    try {
      List<Future<List<Integer>>> futures = new ArrayList<>();
      for (int t = 0; t < terminals; t++) {
        Callable<List<Integer>> work = () -> {
          List<Integer> mine = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            mine.add(checkIn(yamada, DAY, null).receptionNumber());
          }
          return mine;
        };
        futures.add(pool.submit(work));
      }
      Set<Integer> numbers = new TreeSet<>();
      for (Future<List<Integer>> f : futures) {
        numbers.addAll(f.get());
      }
      Set<Integer> expected = new TreeSet<>();
      for (int i = 1; i <= terminals * each; i++) {
        expected.add(i);
      }
      assertThat(numbers).isEqualTo(expected);
    } finally {
      pool.shutdownNow();
    }
    assertThat(visits.queue(DAY)).extracting(e -> e.visit().receptionNumber()).isSorted().hasSize(terminals * each);
  }

  @Test
  void theQueueShowsEachVisitWithItsLatestStatusAndKeepsTheHistory() {
    Visit first = checkIn(yamada, DAY, 7L);
    Visit second = checkIn(suzuki, DAY, null);
    checkIn(suzuki, DAY.minusDays(1), null);
    Instant later = CLOCK.instant().plusSeconds(60);
    assertThat(visits.appendStatus(new StatusChange(0, first.id(), 2, VisitStatus.IN_CONSULTATION, "", "doctor", "診察室",
        later))).isTrue();
    assertThat(visits.appendStatus(new StatusChange(0, second.id(), 2, VisitStatus.CANCELLED, "急用", "clerk", "t2",
        later))).isTrue();

    List<QueueEntry> queue = visits.queue(DAY);
    assertThat(queue).extracting(e -> e.visit().id()).containsExactly(first.id(), second.id());
    QueueEntry a = queue.get(0);
    assertThat(a.status()).isEqualTo(VisitStatus.IN_CONSULTATION);
    assertThat(a.latest().user()).isEqualTo("doctor");
    assertThat(a.latest().terminal()).isEqualTo("診察室");
    assertThat(a.latest().at()).isEqualTo(later);
    assertThat(a.visit().combinationId()).isEqualTo(7L);
    assertThat(a.visit().department()).isEqualTo("内科");
    assertThat(a.visit().checkedInAt()).isEqualTo(CLOCK.instant());
    assertThat(queue.get(1).status()).isEqualTo(VisitStatus.CANCELLED);
    assertThat(queue.get(1).latest().reason()).isEqualTo("急用");
    assertThat(queue.get(1).visit().selfPay()).isTrue();
    assertThat(visits.history(first.id())).extracting(StatusChange::status)
        .containsExactly(VisitStatus.CHECKED_IN, VisitStatus.IN_CONSULTATION);
  }

  @Test
  void aSecondWriterOfTheSameStepIsRefusedEvenInsideATransaction() {
    Visit v = checkIn(yamada, DAY, null);
    boolean second = store.transactions().inTransaction(() -> {
      boolean ok = visits.appendStatus(new StatusChange(0, v.id(), 2, VisitStatus.IN_CONSULTATION, "", "a", "t1",
          CLOCK.instant()));
      boolean clash = visits.appendStatus(new StatusChange(0, v.id(), 2, VisitStatus.CANCELLED, "x", "b", "t2",
          CLOCK.instant()));
      // The transaction must still be usable after the refused row (PostgreSQL aborts it without a savepoint).
      visits.appendFlag(v.id(), true, "a", "t1", CLOCK.instant());
      return ok && !clash;
    });
    assertThat(second).isTrue();
    assertThat(visits.history(v.id())).extracting(StatusChange::status)
        .containsExactly(VisitStatus.CHECKED_IN, VisitStatus.IN_CONSULTATION);
    assertThat(visits.find(v.id()).orElseThrow().qualificationUnverified()).isTrue();
  }

  @Test
  void aFailedCheckInLeavesNeitherVisitNorNumberBehind() {
    assertThatThrownBy(() -> store.transactions().run(() -> {
      visits.insert(new Visit(0, yamada, DAY, 0, "内科", null, null, CLOCK.instant()));
      throw new TsumugiException(ErrorCode.RECEPTION_COMBINATION_INVALID);
    })).isInstanceOf(TsumugiException.class);
    assertThat(visits.queue(DAY)).isEmpty();
    assertThat(checkIn(yamada, DAY, null).receptionNumber()).isEqualTo(1);
  }

  @Test
  void theFlagsLatestRowCountsAndEveryChangeMovesTheToken() {
    ChangeToken empty = visits.changeToken(DAY);
    Visit v = checkIn(yamada, DAY, null);
    ChangeToken afterCheckIn = visits.changeToken(DAY);
    assertThat(afterCheckIn).isNotEqualTo(empty);
    assertThat(visits.find(v.id()).orElseThrow().qualificationUnverified()).isFalse();
    visits.appendFlag(v.id(), true, "clerk", "t1", CLOCK.instant());
    ChangeToken afterFlag = visits.changeToken(DAY);
    assertThat(afterFlag).isNotEqualTo(afterCheckIn);
    assertThat(visits.find(v.id()).orElseThrow().qualificationUnverified()).isTrue();
    visits.appendFlag(v.id(), false, "clerk", "t1", CLOCK.instant());
    assertThat(visits.find(v.id()).orElseThrow().qualificationUnverified()).isFalse();
    visits.appendStatus(new StatusChange(0, v.id(), 2, VisitStatus.IN_CONSULTATION, "", "doctor", "t2", CLOCK.instant()));
    assertThat(visits.changeToken(DAY)).isNotEqualTo(afterFlag);
    assertThat(visits.changeToken(DAY.plusDays(1))).isEqualTo(new ChangeToken(0, 0, 0));
    assertThat(visits.find(424242)).isEmpty();
  }

  @Test
  void patientLookupFindsByKanaAsTypedInHiraganaByNameAndByNumber() {
    assertThat(store.receptionPatientLookup().search("やまだ", 10)).extracting(PatientSummary::id).containsExactly(yamada);
    assertThat(store.receptionPatientLookup().search("スズキ ハ", 10)).extracting(PatientSummary::id).containsExactly(suzuki);
    assertThat(store.receptionPatientLookup().search("鈴木", 10)).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("鈴木 花子");
      assertThat(p.kana()).isEqualTo("スズキ ハナコ");
      assertThat(p.sex()).isEqualTo(Sex.FEMALE);
      assertThat(p.birthDate()).isEqualTo(LocalDate.of(2019, 1, 2));
    });
    assertThat(store.receptionPatientLookup().search("000001", 10)).extracting(PatientSummary::id).containsExactly(yamada);
    assertThat(store.receptionPatientLookup().search("%", 10)).isEmpty();
    assertThat(store.receptionPatientLookup().byIds(List.of(yamada, suzuki, 999L))).containsOnlyKeys(yamada, suzuki);
  }
}
