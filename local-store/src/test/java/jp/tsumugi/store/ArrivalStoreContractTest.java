package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import jp.tsumugi.app.qualification.ApplyWarning;
import jp.tsumugi.app.qualification.InboxSource;
import jp.tsumugi.app.qualification.QualificationArrival;
import jp.tsumugi.app.qualification.QualificationArrivalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Card-reader arrivals (V10), run on H2 and PostgreSQL by the subclasses. */
abstract class ArrivalStoreContractTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:02:03.456Z"), ZoneId.of("Asia/Tokyo"));
  private static final long DAY_START = Instant.parse("2026-11-24T15:00:00Z").toEpochMilli();
  private static final long DAY_END = DAY_START + 86_400_000L;
  protected LocalStore store;
  private QualificationArrivalStore arrivals;

  abstract LocalStore openStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openStore();
    arrivals = store.qualificationArrivals();
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void anArrivalIsStoredWithItsIdsAndWarningAndAbsentIdsReadBackAsZero() {
    QualificationArrival face = arrivals.insert(QualificationArrival.pending(7, InboxSource.FACE, 0, 12, 0, Optional.empty(),
        DAY_START + 1000));
    QualificationArrival res = arrivals.insert(QualificationArrival.pending(8, InboxSource.RES, 41, 0, 99,
        Optional.of(ApplyWarning.QUALIFICATION_INVALID), DAY_START + 2000));

    assertThat(face.id()).isPositive();
    assertThat(res.id()).isNotEqualTo(face.id());
    QualificationArrival read = arrivals.find(face.id()).orElseThrow();
    assertThat(read).isEqualTo(face);
    assertThat(read.patientId()).isZero();
    assertThat(read.proposalId()).isEqualTo(12);
    assertThat(read.state()).isEqualTo(QualificationArrival.State.PENDING);
    QualificationArrival warned = arrivals.find(res.id()).orElseThrow();
    assertThat(warned.source()).isEqualTo(InboxSource.RES);
    assertThat(warned.patientId()).isEqualTo(41);
    assertThat(warned.insuranceId()).isEqualTo(99);
    assertThat(warned.warning()).contains(ApplyWarning.QUALIFICATION_INVALID);
    assertThat(warned.hasOpenWarning()).isTrue();
    assertThat(arrivals.find(9999)).isEmpty();
  }

  @Test
  void theDaysArrivalsAreThoseCreatedInsideTheWindowOldestFirst() {
    QualificationArrival yesterday = arrivals.insert(QualificationArrival.pending(1, InboxSource.FACE, 5, 0, 0, Optional.empty(),
        DAY_START - 1));
    QualificationArrival late = arrivals.insert(QualificationArrival.pending(2, InboxSource.FACE, 6, 0, 0, Optional.empty(),
        DAY_START + 50_000));
    QualificationArrival early = arrivals.insert(QualificationArrival.pending(3, InboxSource.FACE, 7, 0, 0, Optional.empty(),
        DAY_START));
    arrivals.insert(QualificationArrival.pending(4, InboxSource.FACE, 8, 0, 0, Optional.empty(), DAY_END));

    assertThat(arrivals.createdBetween(DAY_START, DAY_END)).extracting(QualificationArrival::id)
        .containsExactly(early.id(), late.id());
    assertThat(arrivals.createdBetween(DAY_START - 86_400_000L, DAY_START)).extracting(QualificationArrival::id)
        .containsExactly(yesterday.id());
  }

  @Test
  void resolvingEndsAPendingArrivalOnceAndKeepsWhoWhenAndWhy() {
    QualificationArrival a = arrivals.insert(QualificationArrival.pending(1, InboxSource.FACE, 5, 0, 0, Optional.empty(), DAY_START));
    QualificationArrival b = arrivals.insert(QualificationArrival.pending(2, InboxSource.FACE, 6, 0, 0, Optional.empty(), DAY_START));

    assertThat(arrivals.resolve(a.id(), QualificationArrival.State.CHECKED_IN, "clerk", DAY_START + 5, 77, "")).isTrue();
    assertThat(arrivals.resolve(a.id(), QualificationArrival.State.DISMISSED, "nurse", DAY_START + 6, 0, "twice"))
        .as("a second terminal acting on the same arrival").isFalse();
    assertThat(arrivals.resolve(b.id(), QualificationArrival.State.DISMISSED, "nurse", DAY_START + 7, 0, "本人ではない")).isTrue();

    QualificationArrival checkedIn = arrivals.find(a.id()).orElseThrow();
    assertThat(checkedIn.state()).isEqualTo(QualificationArrival.State.CHECKED_IN);
    assertThat(checkedIn.resolvedBy()).isEqualTo("clerk");
    assertThat(checkedIn.resolvedAtMillis()).isEqualTo(DAY_START + 5);
    assertThat(checkedIn.visitId()).isEqualTo(77);
    assertThat(checkedIn.reason()).isEmpty();
    QualificationArrival dismissed = arrivals.find(b.id()).orElseThrow();
    assertThat(dismissed.state()).isEqualTo(QualificationArrival.State.DISMISSED);
    assertThat(dismissed.reason()).isEqualTo("本人ではない");
    assertThat(dismissed.visitId()).isZero();
    assertThatThrownBy(() -> arrivals.resolve(b.id(), QualificationArrival.State.PENDING, "x", 0, 0, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aWarningIsMarkedSeenOnceAndOnlyWhenThereIsOne() {
    QualificationArrival warned = arrivals.insert(QualificationArrival.pending(1, InboxSource.RES, 5, 0, 0,
        Optional.of(ApplyWarning.NEWER_QUALIFICATION_EXISTS), DAY_START));
    QualificationArrival plain = arrivals.insert(QualificationArrival.pending(2, InboxSource.FACE, 6, 0, 0, Optional.empty(),
        DAY_START));

    assertThat(arrivals.markWarningSeen(plain.id(), "clerk", DAY_START + 1)).isFalse();
    assertThat(arrivals.markWarningSeen(warned.id(), "clerk", DAY_START + 2)).isTrue();
    assertThat(arrivals.markWarningSeen(warned.id(), "nurse", DAY_START + 3)).isFalse();
    QualificationArrival seen = arrivals.find(warned.id()).orElseThrow();
    assertThat(seen.warningSeenBy()).isEqualTo("clerk");
    assertThat(seen.warningSeenAtMillis()).isEqualTo(DAY_START + 2);
    assertThat(seen.hasOpenWarning()).isFalse();
  }

  @Test
  void theTokenMovesOnEveryArrivalResolutionAndSeenWarningOfTheDay() {
    QualificationArrivalStore.Token empty = arrivals.token(DAY_START, DAY_END);
    QualificationArrival a = arrivals.insert(QualificationArrival.pending(1, InboxSource.RES, 5, 0, 0,
        Optional.of(ApplyWarning.QUALIFICATION_INVALID), DAY_START));
    QualificationArrivalStore.Token created = arrivals.token(DAY_START, DAY_END);
    arrivals.resolve(a.id(), QualificationArrival.State.CHECKED_IN, "clerk", DAY_START + 1, 3, "");
    QualificationArrivalStore.Token resolved = arrivals.token(DAY_START, DAY_END);
    arrivals.markWarningSeen(a.id(), "clerk", DAY_START + 2);
    QualificationArrivalStore.Token seen = arrivals.token(DAY_START, DAY_END);
    arrivals.insert(QualificationArrival.pending(2, InboxSource.FACE, 5, 0, 0, Optional.empty(), DAY_END + 1));

    assertThat(empty).isEqualTo(new QualificationArrivalStore.Token(0, 0, 0));
    assertThat(created).isEqualTo(new QualificationArrivalStore.Token(1, 0, 0));
    assertThat(resolved).isEqualTo(new QualificationArrivalStore.Token(1, 1, 0));
    assertThat(seen).isEqualTo(new QualificationArrivalStore.Token(1, 1, 1));
    assertThat(arrivals.token(DAY_START, DAY_END)).as("another day's arrival").isEqualTo(seen);
  }

  @Test
  void anArrivalWrittenInARolledBackTransactionIsGone() {
    assertThatThrownBy(() -> store.transactions().run(() -> {
      arrivals.insert(QualificationArrival.pending(1, InboxSource.FACE, 5, 0, 0, Optional.empty(), DAY_START));
      throw new IllegalStateException("handler failed");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(arrivals.createdBetween(DAY_START, DAY_END)).isEmpty();
  }
}
