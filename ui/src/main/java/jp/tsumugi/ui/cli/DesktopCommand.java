package jp.tsumugi.ui.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.tsumugi.ui.bench.StartupProbe;
import jp.tsumugi.ui.composition.DataLocations;
import jp.tsumugi.ui.composition.OqsDeskSettings;
import jp.tsumugi.ui.composition.StoreOpener;
import jp.tsumugi.ui.desktop.DesktopLauncher;
import jp.tsumugi.ui.shell.Shell;
import jp.tsumugi.ui.shell.ShellListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `tsumugi desktop`: the application window on the configured store. */
@Command(name = "desktop", mixinStandardHelpOptions = true, description = "Start the desktop application (default).")
public final class DesktopCommand implements Callable<Integer> {
  private final CliEnvironment environment;
  private final DataLocations locations;

  @Mixin
  StoreOptions store;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--oqs-folder", paramLabel = "DIR",
      description = "The オンライン資格確認 terminal's shared folder (with req/, res/, face/); watched while logged in.")
  Path oqsFolder;

  @Option(names = "--oqs-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Seconds a 資格確認 request may wait for its answer before the visit is flagged 資格未確認 (default: ${DEFAULT-VALUE}).")
  long oqsTimeoutSeconds;

  @Option(names = "--oqs-limit-consent",
      description = "Requests say the patient consents to 限度額適用認定証 information (the clinic's default; off unless given).")
  boolean oqsLimitConsent;

  public DesktopCommand(CliEnvironment environment, DataLocations locations) {
    this.environment = environment;
    this.locations = locations;
  }

  @Override
  public Integer call() {
    if (oqsTimeoutSeconds < 1 || oqsTimeoutSeconds > 3600) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--oqs-timeout must be 1 to 3600 seconds");
    }
    return launch(store.opener(environment, locations, false), false, oqsFolder,
        new OqsDeskSettings(java.time.Duration.ofSeconds(oqsTimeoutSeconds), oqsLimitConsent));
  }

  static int launch(StoreOpener opener, boolean demoMode, Path oqsFolder) {
    return launch(opener, demoMode, oqsFolder, OqsDeskSettings.DEFAULT);
  }

  static int launch(StoreOpener opener, boolean demoMode, Path oqsFolder, OqsDeskSettings oqsSettings) {
    return DesktopLauncher.run(opener, new Shell.Options(demoMode, null, probe(),
        oqsFolder == null ? null : oqsFolder.toAbsolutePath(), oqsSettings));
  }

  /** The start-up benchmark's probe, when the benchmark started this process. */
  private static ShellListener probe() {
    String file = System.getProperty("tsumugi.probe.file");
    if (file == null) {
      return ShellListener.NONE;
    }
    String[] login = System.getProperty("tsumugi.probe.login", "clerk:tsumugi-clerk").split(":", 2);
    return new StartupProbe(Path.of(file), login[0], login[1]);
  }
}
