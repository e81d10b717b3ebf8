package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.reception.ChangeToken;
import jp.tsumugi.app.reception.Departments;
import jp.tsumugi.app.reception.QueueEntry;
import jp.tsumugi.app.reception.Reception;
import jp.tsumugi.app.reception.StatusChange;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.reception.VisitRepository;
import jp.tsumugi.app.reception.VisitStatus;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reception use case on the real H2 store: real rollbacks, terminals racing each other. */
class ReceptionUseCaseOnStoreTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:02:03Z"), ZoneId.of("Asia/Tokyo"));
  @TempDir Path root;
  private LocalStore store;
  private Reception reception;
  private Session clerk;
  private long patientId;

  @BeforeEach
  void open() {
    store = LocalStore.createH2(new StoreLocation(root.resolve("data"), root.resolve("keys")), CLOCK).store();
    User user = store.users().insert(new User(0, "clerk", "事務", Role.CLERK, "h", null, true, 0, null, CLOCK.instant()));
    clerk = new Session(user, "受付1", CLOCK.instant());
    patientId = store.patients().insert(new Patient(0, "000001", "山田", "太郎", "ヤマダ", "タロウ", Sex.MALE,
        LocalDate.of(1966, 5, 26), null, null, null)).id();
    reception = new Reception(store.visits(), store.patients(), store.receptionPatientLookup(), store.users(),
        (p, c, d) -> c == 77L, (p, d) -> List.of(), Departments.DEFAULT,
        new HashChainedAuditLog(store.auditEntries(), CLOCK), store.transactions(),
        CLOCK);
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** The store's visits, but every insert first waits until all terminals have passed the early duplicate check. */
  private static final class Rendezvous implements VisitRepository {
    private final VisitRepository real;
    private final CyclicBarrier barrier;

    Rendezvous(VisitRepository real, int parties) {
      this.real = real;
      this.barrier = new CyclicBarrier(parties);
    }

    @Override
    public Visit insert(Visit visit) {
      try {
        barrier.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
        throw new IllegalStateException("terminals did not meet", e);
      }
      return real.insert(visit);
    }

    @Override
    public boolean appendStatus(StatusChange change) {
      return real.appendStatus(change);
    }

    @Override
    public void appendFlag(long visitId, boolean unverified, String user, String terminal, Instant at) {
      real.appendFlag(visitId, unverified, user, terminal, at);
    }

    @Override
    public Optional<QueueEntry> find(long visitId) {
      return real.find(visitId);
    }

    @Override
    public List<QueueEntry> queue(LocalDate date) {
      return real.queue(date);
    }

    @Override
    public List<StatusChange> history(long visitId) {
      return real.history(visitId);
    }

    @Override
    public ChangeToken changeToken(LocalDate date) {
      return real.changeToken(date);
    }
  }

  @Test
  void theSamePatientCheckedInAtTwoTerminalsAtOnceGetsExactlyOneVisit() throws Exception {
    int terminals = 3;
    Reception racing = new Reception(new Rendezvous(store.visits(), terminals), store.patients(),
        store.receptionPatientLookup(), store.users(), (p, c, d) -> false, (p, d) -> List.of(), Departments.DEFAULT,
        new HashChainedAuditLog(store.auditEntries(), CLOCK),
        store.transactions(), CLOCK);
    ExecutorService pool = Executors.newFixedThreadPool(terminals);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int t = 0; t < terminals; t++) {
        Session session = new Session(clerk.user(), "受付" + t, CLOCK.instant());
        Callable<String> work = () -> {
          go.await();
          try {
            return "number " + racing.checkIn(session, new Reception.CheckIn(patientId, "内科", null, null)).receptionNumber();
          } catch (TsumugiException e) {
            return e.errorCode().name();
          }
        };
        results.add(pool.submit(work));
      }
      go.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : results) {
        outcomes.add(f.get());
      }
      assertThat(outcomes).filteredOn(o -> o.startsWith("number")).hasSize(1);
      assertThat(outcomes).filteredOn(o -> o.equals(ErrorCode.RECEPTION_ALREADY_CHECKED_IN.name())).hasSize(terminals - 1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(reception.todaysQueue(clerk, reception.today())).singleElement()
        .satisfies(r -> assertThat(r.entry().visit().receptionNumber()).isEqualTo(1));
  }

  @Test
  void aRefusedChangeRollsBackAndTheNumberIsNotUsedUp() {
    try {
      reception.checkIn(clerk, new Reception.CheckIn(patientId, "内科", null, 12L));
    } catch (TsumugiException e) {
      assertThat(e.errorCode()).isEqualTo(ErrorCode.RECEPTION_COMBINATION_INVALID);
    }
    long id = reception.checkIn(clerk, new Reception.CheckIn(patientId, "内科", null, 77L)).id();
    QueueEntry entry = reception.advance(clerk, id);
    assertThat(entry.visit().receptionNumber()).isEqualTo(1);
    assertThat(entry.status()).isEqualTo(VisitStatus.IN_CONSULTATION);
    QueueEntry cancelled = reception.cancel(clerk, id, "急用");
    assertThat(cancelled.status()).isEqualTo(VisitStatus.CANCELLED);
    assertThat(reception.history(clerk, id)).hasSize(3);
    List<AuditAction> actions = new ArrayList<>();
    store.auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry e) {
        actions.add(e.entry().action());
      }
    });
    assertThat(actions).containsExactly(AuditAction.RECEPTION_CHECKED_IN, AuditAction.RECEPTION_STATUS_CHANGED,
        AuditAction.RECEPTION_CANCELLED);
  }
}
