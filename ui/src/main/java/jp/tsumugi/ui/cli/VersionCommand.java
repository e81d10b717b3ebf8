package jp.tsumugi.ui.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.tsumugi.ui.composition.DataLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** `tsumugi version`. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version.")
public final class VersionCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Option(names = "--json", description = "Machine-readable output.")
  boolean json;

  public VersionCommand(CliEnvironment environment, DataLocations locations) {
    this.environment = environment;
  }

  static String version() {
    String v = VersionCommand.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  @Override
  public Integer call() {
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("name", "tsumugi");
      out.put("version", version());
      out.put("java", System.getProperty("java.version"));
      environment.out().println(Json.write(out));
    } else {
      environment.out().println("tsumugi " + version() + " (Java " + System.getProperty("java.version") + ")");
    }
    return 0;
  }

  /** Version for `--version`. */
  public static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tsumugi " + version()};
    }
  }
}
