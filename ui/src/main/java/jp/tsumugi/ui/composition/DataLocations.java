package jp.tsumugi.ui.composition;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Default folders per operating system. Data and keys are deliberately apart (docs/adr/0002): a
 * copy of the data folder alone must not open the database.
 */
public final class DataLocations {
  private final Map<String, String> env;
  private final String osName;
  private final Path home;

  public DataLocations(Map<String, String> env, String osName, Path home) {
    this.env = env;
    this.osName = osName.toLowerCase(Locale.ROOT);
    this.home = home;
  }

  public static DataLocations ofThisMachine() {
    return new DataLocations(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
  }

  public Path defaultDataDir() {
    if (osName.contains("win")) {
      return Path.of(env.getOrDefault("LOCALAPPDATA", home.resolve("AppData/Local").toString()), "Tsumugi", "data");
    }
    if (osName.contains("mac")) {
      return home.resolve("Library/Application Support/Tsumugi/data");
    }
    String xdg = env.get("XDG_DATA_HOME");
    return (xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg)).resolve("tsumugi");
  }

  public Path defaultKeyDir() {
    if (osName.contains("win")) {
      return Path.of(env.getOrDefault("APPDATA", home.resolve("AppData/Roaming").toString()), "Tsumugi", "keys");
    }
    if (osName.contains("mac")) {
      return home.resolve("Library/Preferences/Tsumugi/keys");
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    return (xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg)).resolve("tsumugi").resolve("keys");
  }

  /** The demo clinic's default folder; recreated on every `tsumugi demo`. */
  public Path defaultDemoDir() {
    return defaultDataDir().resolveSibling("tsumugi-demo");
  }

  /** The demo keeps its key beside its data: demo data is synthetic, and a demo folder must stay self-contained. */
  public static Path demoKeyDir(Path demoDataDir) {
    return demoDataDir.resolveSibling(demoDataDir.getFileName() + ".keys");
  }
}
