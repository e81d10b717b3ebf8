package jp.tsumugi.ui.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.reception.PatientSummary;
import jp.tsumugi.app.reception.Reception;
import jp.tsumugi.app.reception.VisitStatus;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;
import jp.tsumugi.ui.support.DemoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 受付 view model on a real demo store with a same-thread executor: polling, errors, roles. */
class ReceptionViewModelTest {
  @TempDir Path root;
  private AppServices services;

  @BeforeEach
  void open() throws Exception {
    StoreLocation location = DemoStore.create(Files.createDirectories(root.resolve("demo")));
    services = DemoStore.opener(location).open();
  }

  @AfterEach
  void close() {
    if (services != null) {
      services.close();
    }
  }

  private Session session(String user, String terminal) {
    return new Session(services.store().users().findByUsername(user).orElseThrow(), terminal, DemoStore.CLOCK.instant());
  }

  private ReceptionViewModel viewModel(Session session) {
    ReceptionViewModel vm = new ReceptionViewModel(services.reception(), TaskExecutor.direct(), I18n.japanese(), session,
        services.clock());
    vm.start();
    return vm;
  }

  private int queueReads() {
    AtomicInteger reads = new AtomicInteger();
    services.store().auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry e && e.entry().action() == AuditAction.RECEPTION_QUEUE_READ) {
        reads.incrementAndGet();
      }
    });
    return reads.get();
  }

  @Test
  void pollingReloadsOnlyWhenAnotherTerminalChangedTheQueue() {
    ReceptionViewModel vm = viewModel(session("clerk", "受付1"));
    int reads = queueReads();
    vm.poll();
    vm.poll();
    assertThat(queueReads()).isEqualTo(reads);

    services.reception().checkIn(session("nurse", "処置室"), new Reception.CheckIn(5, "内科", null, null));
    vm.poll();
    assertThat(queueReads()).isEqualTo(reads + 1);
    assertThat(vm.rows()).singleElement().satisfies(r -> {
      assertThat(r.number()).isEqualTo(1);
      assertThat(r.status()).isEqualTo("受付済");
      assertThat(r.insurance()).isEqualTo("自費");
    });
    assertThat(vm.summaryProperty().get()).isEqualTo("本日 1 件（受付済 1 件）");
  }

  @Test
  void choosingAPatientOffersTheirValidCombinationsThenSelfPay() {
    ReceptionViewModel vm = viewModel(session("clerk", "受付1"));
    PatientSummary patient = vm.search("000007").get(0);
    vm.choose(patient);
    assertThat(vm.checkInOpenProperty().get()).isTrue();
    assertThat(vm.combinationChoices()).last().extracting(ReceptionViewModel.CombinationChoice::combinationId).isNull();
    assertThat(vm.doctorProperty().get().username()).isEqualTo("doctor");
    vm.confirmCheckIn();
    assertThat(vm.checkInOpenProperty().get()).isFalse();
    assertThat(vm.rows()).singleElement().satisfies(r -> assertThat(r.patientNumber()).isEqualTo("000007"));
    assertThat(vm.infoProperty().get()).startsWith("受付番号 1");
  }

  @Test
  void aDoctorBringsAVisitToPaymentButTheCashierTakesIt() {
    ReceptionViewModel clerk = viewModel(session("clerk", "受付1"));
    clerk.choose(clerk.search("000003").get(0));
    clerk.confirmCheckIn();
    ReceptionViewModel doctor = viewModel(session("doctor", "診察室"));
    ReceptionViewModel.Row row = doctor.rows().get(0);
    doctor.advance(row);
    doctor.moveTo(doctor.rows().get(0), VisitStatus.AWAITING_PAYMENT);
    assertThat(doctor.rows().get(0).status()).isEqualTo("会計待ち");
    doctor.advance(doctor.rows().get(0));
    assertThat(doctor.messageProperty().get()).startsWith("TSU-");
    assertThat(doctor.rows().get(0).status()).isEqualTo("会計待ち");
    clerk.poll();
    clerk.advance(clerk.rows().get(0));
    assertThat(clerk.rows().get(0).status()).isEqualTo("会計済");
  }

  @Test
  void cancellingWithoutAReasonKeepsThePanelOpenWithTheError() {
    ReceptionViewModel vm = viewModel(session("clerk", "受付1"));
    vm.choose(vm.search("000004").get(0));
    vm.confirmCheckIn();
    vm.startCancel(vm.rows().get(0));
    vm.cancelReasonProperty().set("   ");
    vm.confirmCancel();
    assertThat(vm.cancelOpenProperty().get()).isTrue();
    assertThat(vm.messageProperty().get()).startsWith("TSU-8008");
    vm.cancelReasonProperty().set("受付間違い");
    vm.confirmCancel();
    assertThat(vm.cancelOpenProperty().get()).isFalse();
    assertThat(vm.rows().get(0).status()).isEqualTo("取消");
  }
}
