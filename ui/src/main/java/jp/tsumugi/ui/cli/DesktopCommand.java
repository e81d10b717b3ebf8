package jp.tsumugi.ui.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.tsumugi.ui.bench.StartupProbe;
import jp.tsumugi.ui.composition.DataLocations;
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

  @Option(names = "--oqs-folder", paramLabel = "DIR",
      description = "The オンライン資格確認 terminal's shared folder (with req/, res/, face/); watched while logged in.")
  Path oqsFolder;

  public DesktopCommand(CliEnvironment environment, DataLocations locations) {
    this.environment = environment;
    this.locations = locations;
  }

  @Override
  public Integer call() {
    return launch(store.opener(environment, locations, false), false, oqsFolder);
  }

  static int launch(StoreOpener opener, boolean demoMode, Path oqsFolder) {
    return DesktopLauncher.run(opener, new Shell.Options(demoMode, null, probe(),
        oqsFolder == null ? null : oqsFolder.toAbsolutePath()));
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
