package jp.tsumugi.ui.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.demo.DemoClinic;
import jp.tsumugi.app.demo.DemoStamps;
import jp.tsumugi.app.master.MasterImportProgress;
import jp.tsumugi.app.master.MasterImportReport;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.DataLocations;
import jp.tsumugi.ui.composition.OqsDeskSettings;
import jp.tsumugi.ui.composition.StoreOpener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `tsumugi demo`: a fresh demo clinic (synthetic patients, published credentials), then the desktop
 * on it. It only ever replaces a folder that an earlier demo made (it carries a marker file); any
 * other non-empty folder is refused.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Create a fresh demo clinic and open it.")
public final class DemoCommand implements Callable<Integer> {
  /** Marks a folder as made by `tsumugi demo`, so a later demo may replace it. */
  public static final String MARKER = "tsumugi-demo.marker";

  private final CliEnvironment environment;
  private final DataLocations locations;

  @Mixin
  StoreOptions store;

  @Option(names = "--no-window", description = "Create the demo clinic without opening a window.")
  boolean noWindow;

  @Option(names = "--no-masters", description = "Do not load the bundled official masters (faster, for scripts and tests).")
  boolean noMasters;

  public DemoCommand(CliEnvironment environment, DataLocations locations) {
    this.environment = environment;
    this.locations = locations;
  }

  @Override
  public Integer call() {
    Path data = store.dataDir != null ? store.dataDir.toAbsolutePath() : locations.defaultDemoDir();
    Path keys = store.keyDir != null ? store.keyDir.toAbsolutePath() : DataLocations.demoKeyDir(data);
    StoreLocation location = new StoreLocation(data, keys);
    clearEarlierDemo(location);
    String terminal = store.terminal();
    LocalStore.Created created = LocalStore.createH2(location, environment.clock());
    int patients;
    try (AppServices services = new AppServices(created.store(), environment.clock(), terminal, true)) {
      patients = services.demoClinic().create(terminal);
      DemoStamps.create(services.stamps(), terminal, environment.clock().instant());
      services.demoLabs().seed(terminal);
      services.seedDemoDrugMemos();
      if (!noMasters) {
        environment.err().print("Loading the bundled official masters…");
        environment.err().flush();
        MasterImportReport report = services.masterImport().importBundledIntoEmptyStore(terminal, MasterImportProgress.NONE);
        environment.err().println(" " + report.kinds().stream().mapToInt(MasterImportReport.KindReport::total).sum()
            + " master records.");
      }
      services.demoCharts().seed(terminal);
      services.demoPrescriptions().seed(terminal);
      write(data.resolve(MARKER), created.store().databaseId());
    }
    environment.out().println("Demo clinic created in " + data + " (" + patients + " synthetic patients).");
    for (DemoClinic.Credential c : DemoClinic.CREDENTIALS) {
      environment.out().println("  " + c.role().name().toLowerCase(java.util.Locale.ROOT) + ": " + c.username() + " / "
          + c.password());
    }
    environment.out().println("  admin one-time code secret (TOTP): " + DemoClinic.ADMIN_TOTP_SECRET);
    environment.out().flush();
    if (noWindow) {
      return 0;
    }
    // The demo's simulated 資格確認端末: it answers the requests written at check-in from the demo patients,
    // and a result XML dropped into face/ is applied as a My Number card check-in.
    Path oqs = data.resolve("oqs");
    try {
      for (String sub : new String[] {"req", "res", "face"}) {
        Files.createDirectories(oqs.resolve(sub));
      }
    } catch (java.io.IOException e) {
      throw new TsumugiException(ErrorCode.DATA_DIR_NOT_WRITABLE, "cannot create the demo qualification folder", e);
    }
    environment.out().println("  qualification terminal folder (simulated): " + oqs);
    environment.out().flush();
    return DesktopCommand.launch(StoreOpener.h2(location, environment.clock(), terminal, true), true, oqs, OqsDeskSettings.DEMO);
  }

  private static void clearEarlierDemo(StoreLocation location) {
    Path data = location.dataDir();
    if (!Files.exists(data) || isEmpty(data)) {
      return;
    }
    Path marker = data.resolve(MARKER);
    if (!Files.isRegularFile(marker)) {
      throw new TsumugiException(ErrorCode.DATA_DIR_ALREADY_INITIALISED, "not a demo folder and not empty");
    }
    try {
      String oldId = Files.readString(marker, StandardCharsets.UTF_8).strip();
      if (oldId.matches("[0-9a-fA-F-]{36}")) {
        Files.deleteIfExists(location.keyDir().resolve(oldId + ".key"));
      }
      try (Stream<Path> walk = Files.walk(data)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.DATA_DIR_NOT_WRITABLE, "cannot clear the earlier demo", e);
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.DATA_DIR_NOT_WRITABLE, "demo marker", e);
    }
  }
}
