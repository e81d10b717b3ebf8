package jp.tsumugi.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jp.tsumugi.app.chart.EditLeases;
import jp.tsumugi.app.chart.NoteDraft;
import jp.tsumugi.app.chart.TimelineEntry;
import jp.tsumugi.app.reception.Reception;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;
import jp.tsumugi.ui.support.DemoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart view model on a real demo store: when autosave writes, what switching visits saves, what read-only refuses. */
class ChartViewModelTest {
  @TempDir Path root;
  private AppServices services;
  private long visitId;

  @BeforeEach
  void open() throws Exception {
    services = DemoStore.opener(DemoStore.create(Files.createDirectories(root.resolve("demo")))).open();
    visitId = services.reception().checkIn(session("clerk", "受付"), new Reception.CheckIn(1, null, "doctor", null)).id();
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

  private ChartViewModel viewModel(Session session, TaskExecutor executor) {
    return new ChartViewModel(new ChartViewModel.Services(services.chartOverview(), services.chartNotes(), services.editLeases(),
        services.reception()), executor, I18n.japanese(), session, services.clock());
  }

  private NoteDraft draft(long visit) {
    return services.store().chartStore().draft(visit, "doctor").orElse(null);
  }

  @Test
  void autosaveWritesOnlyWhenSomethingWasTypedAndOpeningTheNoteIsNotTyping() {
    ChartViewModel vm = viewModel(session("doctor", "t1"), TaskExecutor.direct());
    vm.openVisit(visitId);
    assertThat(vm.editorOpenProperty().get()).isTrue();
    assertThat(vm.dirtyProperty().get()).as("loading text is not typing").isFalse();
    vm.autosave();
    assertThat(draft(visitId)).isNull();

    vm.subjectiveProperty().set("咳");
    assertThat(vm.dirtyProperty().get()).isTrue();
    vm.autosave();
    NoteDraft first = draft(visitId);
    assertThat(first.content().subjective()).isEqualTo("咳");
    assertThat(vm.dirtyProperty().get()).isFalse();
    assertThat(vm.timeline().get(0).draft()).isTrue();
  }

  @Test
  void textTypedWhileASaveRunsIsSavedRightAfterIt() {
    List<Runnable> pending = new ArrayList<>();
    TaskExecutor deferred = new TaskExecutor() {
      @Override
      public <T> void submit(Supplier<T> work, Consumer<T> onSuccess, Consumer<RuntimeException> onFailure) {
        pending.add(() -> TaskExecutor.direct().submit(work, onSuccess, onFailure));
      }
    };
    ChartViewModel vm = viewModel(session("doctor", "t1"), deferred);
    vm.openVisit(visitId);
    while (!pending.isEmpty()) {
      pending.remove(0).run();
    }
    vm.subjectiveProperty().set("一");
    vm.autosave();
    assertThat(pending).hasSize(1);
    vm.subjectiveProperty().set("一二");
    vm.autosave();
    assertThat(pending).as("one save in flight at a time").hasSize(1);
    pending.remove(0).run();
    assertThat(draft(visitId).content().subjective()).isEqualTo("一");
    assertThat(pending).as("the text typed meanwhile follows at once").hasSize(1);
    pending.remove(0).run();
    assertThat(draft(visitId).content().subjective()).isEqualTo("一二");
  }

  @Test
  void movingToAnotherVisitSavesTheTypedTextFirstAndGivesTheLeaseBack() {
    ChartViewModel vm = viewModel(session("doctor", "t1"), TaskExecutor.direct());
    vm.openVisit(visitId);
    vm.planProperty().set("Do");
    TimelineEntry older = vm.timeline().get(1);
    vm.selectVisit(older);
    assertThat(draft(visitId).content().plan()).isEqualTo("Do");
    assertThat(services.editLeases().holder(EditLeases.noteSection(visitId))).isEmpty();
    assertThat(vm.visitProperty().get().visitId()).isEqualTo(older.visitId());
    assertThat(vm.baseRevisionProperty().get()).as("the older visit's note is signed").isEqualTo(1);
  }

  @Test
  void readOnlyUnderAnotherTerminalsLeaseNeverWritesADraftAndAmendingNeedsAReason() {
    services.editLeases().acquire(session("doctor", "診察室2"), EditLeases.noteSection(visitId));
    ChartViewModel vm = viewModel(session("doctor", "t1"), TaskExecutor.direct());
    vm.openVisit(visitId);
    assertThat(vm.readOnlyProperty().get()).isTrue();
    assertThat(vm.leaseInfoProperty().get()).contains("診察室2");
    vm.subjectiveProperty().set("x");
    vm.autosave();
    vm.signOff();
    assertThat(draft(visitId)).isNull();
    assertThat(services.store().chartStore().noteRecordOfVisit(visitId)).isEmpty();

    // An older, signed visit is writable; amending it without a reason stores nothing.
    vm.selectVisit(vm.timeline().get(1));
    long older = vm.visitProperty().get().visitId();
    vm.assessmentProperty().set("追記");
    vm.signOff();
    assertThat(vm.messageProperty().get()).contains("理由");
    assertThat(services.chartNotes().history(session("doctor", "t1"), older)).hasSize(1);
  }
}
