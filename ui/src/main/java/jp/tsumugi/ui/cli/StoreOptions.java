package jp.tsumugi.ui.cli;

import java.nio.file.Path;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.ui.composition.DataLocations;
import jp.tsumugi.ui.composition.StoreOpener;
import jp.tsumugi.ui.composition.TerminalName;
import picocli.CommandLine.Option;

/** Where the data lives: options shared by every command that opens the store. */
public final class StoreOptions {
  @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: the OS user's application-data folder).")
  Path dataDir;

  @Option(names = "--key-dir", paramLabel = "DIR", description = "Folder holding the database key (default: the OS user's config folder).")
  Path keyDir;

  @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "PostgreSQL clinic server instead of the local H2 file.")
  String dbUrl;

  @Option(names = "--db-user", paramLabel = "USER", description = "PostgreSQL user (password from TSUMUGI_DB_PASSWORD).")
  String dbUser;

  @Option(names = "--terminal", paramLabel = "NAME", description = "Terminal name in the audit log (default: host name).")
  String terminal;

  public StoreLocation location(DataLocations locations) {
    Path data = dataDir != null ? dataDir.toAbsolutePath() : locations.defaultDataDir();
    Path keys = keyDir != null ? keyDir.toAbsolutePath() : locations.defaultKeyDir();
    return new StoreLocation(data, keys);
  }

  public String terminal() {
    return TerminalName.resolve(terminal);
  }

  public StoreOpener opener(CliEnvironment environment, DataLocations locations, boolean demoMode) {
    if (dbUrl != null) {
      String password = environment.env().getOrDefault("TSUMUGI_DB_PASSWORD", "");
      return StoreOpener.postgres(dbUrl, dbUser, password.toCharArray(), environment.clock(), terminal());
    }
    return StoreOpener.h2(location(locations), environment.clock(), terminal(), demoMode);
  }
}
