package jp.tsumugi.ui.shell;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.chart.ChartView;
import jp.tsumugi.ui.chart.ChartViewModel;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.OqsDesk;
import jp.tsumugi.ui.composition.OqsDeskSettings;
import jp.tsumugi.ui.composition.StoreOpener;
import jp.tsumugi.ui.error.ErrorView;
import jp.tsumugi.ui.fx.BundledFonts;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;
import jp.tsumugi.ui.fx.ViewLoader;
import jp.tsumugi.ui.lock.IdleMonitor;
import jp.tsumugi.ui.lock.LockController;
import jp.tsumugi.ui.lock.LockViewModel;
import jp.tsumugi.ui.login.DemoHint;
import jp.tsumugi.ui.login.LoginController;
import jp.tsumugi.ui.login.LoginViewModel;
import jp.tsumugi.ui.masters.MastersController;
import jp.tsumugi.ui.masters.MastersViewModel;
import jp.tsumugi.ui.reception.ArrivalsController;
import jp.tsumugi.ui.reception.ArrivalsViewModel;
import jp.tsumugi.ui.reception.OqsReceptionPanel;
import jp.tsumugi.ui.reception.OqsReceptionViewModel;
import jp.tsumugi.ui.reception.ReceptionController;
import jp.tsumugi.ui.reception.ReceptionViewModel;
import jp.tsumugi.ui.reception.RegistrationViewModel;
import jp.tsumugi.ui.settings.SettingsController;
import jp.tsumugi.ui.settings.SettingsViewModel;
import jp.tsumugi.ui.setup.SetupController;
import jp.tsumugi.ui.setup.SetupViewModel;

/**
 * The window and its screens: start-up error, first-run setup, login, main window with its lock.
 * One scene whose root changes, so the idle monitor and the style sheet stay in place.
 */
public final class Shell {
  /** How the shell runs: demo mode shows the demo credentials; {@code idleOverride} replaces the clinic's idle minutes. */
  public record Options(boolean demoMode, Duration idleOverride, ShellListener listener, Path oqsFolder, OqsDeskSettings oqsSettings) {
    public Options {
      oqsSettings = oqsSettings == null ? OqsDeskSettings.DEFAULT : oqsSettings;
    }

    /** Without a qualification terminal folder. */
    public Options(boolean demoMode, Duration idleOverride, ShellListener listener) {
      this(demoMode, idleOverride, listener, null, OqsDeskSettings.DEFAULT);
    }

    /** With a qualification terminal folder and the default request timeout. */
    public Options(boolean demoMode, Duration idleOverride, ShellListener listener, Path oqsFolder) {
      this(demoMode, idleOverride, listener, oqsFolder, OqsDeskSettings.DEFAULT);
    }
  }

  private final Stage stage;
  private final I18n i18n;
  private final ViewLoader loader;
  private final TaskExecutor executor;
  private final StoreOpener opener;
  private final Options options;
  private OqsDesk oqsDesk;
  private final Scene scene;
  private AppServices services;
  private IdleMonitor idle;
  private MainView main;
  private ChartView chart;

  public Shell(Stage stage, I18n i18n, TaskExecutor executor, StoreOpener opener, Options options) {
    this.stage = stage;
    this.i18n = i18n;
    this.loader = new ViewLoader(i18n);
    this.executor = executor;
    this.opener = opener;
    this.options = options;
    BundledFonts.load();
    this.scene = new Scene(new StackPane(), 1280, 800);
    String css = Shell.class.getResource("/jp/tsumugi/ui/css/tsumugi.css").toExternalForm();
    scene.getStylesheets().add(css);
    stage.setScene(scene);
    stage.setTitle(i18n.text("app.title"));
  }

  /**
   * Shows the first screen. {@code opening} is the store being opened in the background since
   * before the toolkit started (null when there is no store yet and setup must create one).
   */
  public void start(CompletableFuture<AppServices> opening) {
    if (opening == null) {
      showSetup(opener::create);
    } else {
      opening.whenComplete((opened, failure) -> Platform.runLater(() -> {
        if (failure != null) {
          showError(failure);
        } else {
          services = opened;
          afterOpen();
        }
      }));
    }
    stage.show();
  }

  public AppServices services() {
    return services;
  }

  /** Stops the shell's timers (status refresh, idle countdown); the window may then close. */
  public void dispose() {
    disposeChart();
    stopQualificationInbox();
    if (idle != null) {
      idle.detach();
      idle = null;
    }
    if (main != null) {
      main.dispose();
      main = null;
    }
  }

  private void afterOpen() {
    executor.submit(() -> services.clinicService().needsSetup(), needsSetup -> {
      if (needsSetup) {
        AppServices existing = services;
        showSetup(() -> new StoreOpener.Opened(existing, ""));
      } else {
        showLogin();
      }
    }, this::showError);
  }

  private void showError(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    ErrorCode code = cause instanceof TsumugiException t ? t.errorCode() : ErrorCode.DB_ERROR;
    scene.setRoot(ErrorView.create(i18n, code, stage::close));
  }

  private void showSetup(Supplier<StoreOpener.Opened> storeForSetup) {
    SetupViewModel vm = new SetupViewModel(storeForSetup, executor, i18n, terminal(), opened -> {
      services = opened;
      showLogin();
    });
    scene.setRoot(loader.load("Setup.fxml", SetupController.class, () -> new SetupController(vm)).root());
  }

  private String terminal() {
    return services != null ? services.terminal() : opener.terminal();
  }

  private void showLogin() {
    LoginViewModel vm = new LoginViewModel(services.authentication(), executor, i18n, services.terminal(),
        services.clock(), this::showMain);
    DemoHint hint = options.demoMode() ? new DemoHint(services.clock()) : null;
    ViewLoader.Loaded<LoginController> view = loader.load("Login.fxml", LoginController.class,
        () -> new LoginController(vm, hint));
    executor.submit(() -> services.clinicService().clinic(), clinic -> clinic.ifPresent(c -> {
      vm.clinicNameProperty().set(c.name());
      stage.setTitle(i18n.text("app.title") + " — " + c.name());
    }), e -> { });
    scene.setRoot(view.root());
    view.controller().focus();
    options.listener().loginShown(vm);
  }

  private void showMain(Session session) {
    services.warmUpMasterSearch();
    services.warmUpPatientSearch();
    if (session.role().may(jp.tsumugi.app.security.Permission.SIGN_CHART)) {
      services.warmUpChartSearch();
    }
    startQualificationInbox();
    MainViewModel vm = new MainViewModel(services, executor, i18n, session, this::afterLogout);
    LockViewModel lock = new LockViewModel(services.authentication(), executor, i18n, session, unlocked -> idle.resume());
    Parent lockOverlay = loader.load("Lock.fxml", LockController.class, () -> new LockController(lock, vm::logout))
        .root();
    lockOverlay.visibleProperty().bind(lock.lockedProperty());
    Map<Section, Supplier<Node>> sections = new EnumMap<>(Section.class);
    sections.put(Section.SETTINGS, () -> {
      SettingsViewModel settings = new SettingsViewModel(services.clinicService(), services.receptionSettings(), executor, i18n, session,
          clinic -> {
            vm.clinicChanged(clinic);
            idle.detach();
            idle = newIdleMonitor(lock, clinic.idleLockMinutes());
            idle.attach(scene);
          });
      return loader.load("Settings.fxml", SettingsController.class, () -> new SettingsController(settings)).root();
    });
    sections.put(Section.RECEPTION, () -> {
      ReceptionViewModel reception = new ReceptionViewModel(services.reception(), executor, i18n, session,
          services.clock());
      RegistrationViewModel registration = new RegistrationViewModel(services.patientAtReception(), executor, i18n, session,
          services.clock());
      ArrivalsViewModel arrivals = new ArrivalsViewModel(services.cardReaderArrivals(), executor, i18n, session, services.clock(),
          () -> new ArrivalsViewModel.CheckInChoice(reception.departmentProperty().get(),
              reception.doctorProperty().get() == null ? null : reception.doctorProperty().get().username()));
      arrivals.setOnCheckedIn(reception::reload);
      arrivals.infoProperty().addListener((obs, was, now) -> reception.infoProperty().set(now));
      ArrivalsController arrivalsPart = loader.load("ReceptionArrivals.fxml", ArrivalsController.class,
          () -> new ArrivalsController(arrivals, i18n)).controller();
      Parent receptionView = loader.load("Reception.fxml", ReceptionController.class,
          () -> new ReceptionController(reception, registration, executor, List.of(arrivalsPart))).root();
      installOqs(receptionView, reception, session);
      reception.setOnOpenChart(visitId -> {
        vm.select(Section.CHART);
        if (chart != null) {
          chart.viewModel().openVisit(visitId);
        }
      });
      return receptionView;
    });
    sections.put(Section.MASTERS, () -> {
      MastersViewModel masters = new MastersViewModel(services.masterImport(), services.masterCatalog(), executor, i18n,
          session, services.clock());
      return loader.load("Masters.fxml", MastersController.class, () -> new MastersController(masters, i18n, executor))
          .root();
    });
    sections.put(Section.CHART, () -> {
      ChartViewModel chartVm = new ChartViewModel(new ChartViewModel.Services(services.chartOverview(), services.chartNotes(),
          services.editLeases(), services.reception()), executor, i18n, session, services.clock());
      chart = new ChartView(chartVm, new jp.tsumugi.ui.chart.ChartRecordsViewModel(services.chartProblems(), services.patientFacts(),
          services.masterCatalog(), executor, i18n, session, services.clock(), chartVm),
          new jp.tsumugi.ui.chart.ChartToolsViewModel(services.stamps(), services.chartSearch(), executor, i18n, session),
          new jp.tsumugi.ui.chart.ChartLabsViewModel(services.chartLabs(), services.chartVitals(), services.labCsvImport(), executor, i18n,
              session, services.clock(), chartVm),
          new jp.tsumugi.ui.chart.ChartRxViewModel(new jp.tsumugi.ui.chart.ChartRxViewModel.Services(services.chartPrescriptions(),
              services.safetyCheck(), services.masterCatalog(), services.interactionTables(), services.stamps()), executor, i18n, session,
              chartVm),
          executor, i18n);
      jp.tsumugi.ui.print.PrescriptionPrintActions printing = new jp.tsumugi.ui.print.PrescriptionPrintActions(services, session,
          executor, i18n, new jp.tsumugi.print.PdfPrinting());
      chart.setPrescriptionPrinter(printing::preview);
      return chart.root();
    });
    vm.sectionProperty().addListener((obs, was, now) -> {
      if (now == Section.CHART) {
        Platform.runLater(() -> {
          if (chart != null) {
            chart.shown();
          }
        });
      }
    });
    main = new MainView(vm, i18n, sections, lockOverlay, () -> lockNow(lock));
    scene.setRoot(main.root());
    installShortcuts(vm, lock);
    executor.submit(() -> services.clinicService().clinic(), clinic -> {
      idle = newIdleMonitor(lock, clinic.map(c -> c.idleLockMinutes()).orElse(5));
      idle.attach(scene);
    }, e -> { });
    options.listener().mainShown();
  }

  private IdleMonitor newIdleMonitor(LockViewModel lock, int minutes) {
    Duration idleTime = options.idleOverride() != null ? options.idleOverride() : Duration.minutes(minutes);
    return new IdleMonitor(idleTime, () -> {
      if (!lock.lockedProperty().get()) {
        lock.lock("idle");
        idle.pause();
      }
    });
  }

  private void lockNow(LockViewModel lock) {
    lock.lock("manual");
    if (idle != null) {
      idle.pause();
    }
  }

  private void installShortcuts(MainViewModel vm, LockViewModel lock) {
    scene.getAccelerators().clear();
    for (Section section : Section.values()) {
      scene.getAccelerators().put(new KeyCodeCombination(section.functionKey()), () -> {
        if (!lock.lockedProperty().get()) {
          vm.select(section);
        }
      });
    }
    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> lockNow(lock));
  }

  /**
   * Watches the 資格確認端末's shared folder while somebody is logged in, when one is configured: results
   * dropped into {@code face/} or {@code res/} are applied at once (docs/adr/0018).
   */
  private void startQualificationInbox() {
    if (options.oqsFolder() == null || oqsDesk != null) {
      return;
    }
    oqsDesk = new OqsDesk(services, options.oqsFolder(), options.oqsSettings());
    oqsDesk.start();
  }

  /**
   * With a terminal folder, the 受付 screen sends a 資格確認 request after each check-in and gets the
   * 資格再確認 key and the quarantine list (docs/adr/0023).
   */
  private void installOqs(Parent receptionView, ReceptionViewModel reception, Session session) {
    OqsDesk desk = oqsDesk;
    if (desk == null || !(receptionView instanceof javafx.scene.layout.VBox root)) {
      return;
    }
    reception.setOnCheckedIn(desk::afterCheckIn);
    OqsReceptionPanel.install(root, new OqsReceptionViewModel(desk, executor, i18n, session, services.clock(), reception::reload), i18n);
  }

  /** The connection to the 資格確認端末 while logged in, if a folder is configured (tests use it). */
  public OqsDesk oqsDesk() {
    return oqsDesk;
  }

  private void stopQualificationInbox() {
    if (oqsDesk != null) {
      oqsDesk.close();
      oqsDesk = null;
    }
  }

  private void disposeChart() {
    if (chart != null) {
      chart.dispose();
      chart = null;
    }
  }

  private void afterLogout() {
    disposeChart();
    stopQualificationInbox();
    if (idle != null) {
      idle.detach();
      idle = null;
    }
    scene.getAccelerators().clear();
    if (main != null) {
      main.dispose();
      main = null;
    }
    showLogin();
  }
}
