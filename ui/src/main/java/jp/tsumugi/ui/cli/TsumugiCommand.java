package jp.tsumugi.ui.cli;

import java.util.concurrent.Callable;
import jp.tsumugi.ui.composition.DataLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `tsumugi`: without a subcommand it starts the desktop. */
@Command(name = "tsumugi", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
    description = "紡 Tsumugi: electronic chart and receipt computer for clinics.",
    subcommands = {DesktopCommand.class, DemoCommand.class, UsersCommand.class, AuditCommand.class, DbCommand.class,
        VersionCommand.class, BenchCommand.class, MastersCommand.class, QualificationCommand.class,
        PatientsCommand.class, LabsCommand.class, RxCommand.class})
public final class TsumugiCommand implements Callable<Integer> {
  private final CliEnvironment environment;
  private final DataLocations locations;

  @Mixin
  StoreOptions store;

  public TsumugiCommand(CliEnvironment environment, DataLocations locations) {
    this.environment = environment;
    this.locations = locations;
  }

  @Override
  public Integer call() {
    return DesktopCommand.launch(store.opener(environment, locations, false), false, null);
  }
}
