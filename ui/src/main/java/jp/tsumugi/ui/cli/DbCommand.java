package jp.tsumugi.ui.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.DataLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `tsumugi db migrate|recover-key`. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database maintenance.",
    subcommands = {DbCommand.Migrate.class, DbCommand.RecoverKey.class})
public final class DbCommand {

  /** `db migrate`: brings the schema up to date (opening does the same) and reports the version. */
  @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Migrate the database schema.")
  public static final class Migrate implements Callable<Integer> {
    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;
    @Option(names = "--json", description = "Machine-readable output.") boolean json;

    public Migrate(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() {
      try (AppServices services = store.opener(environment, locations, false).open()) {
        Session session = auth.login(services, environment);
        session.require(Permission.MANAGE_USERS);
        int version = services.store().schemaVersion();
        services.audit().record(new AuditEvent(session.username(), session.terminal(), AuditAction.DB_MIGRATED, "",
            "schema=" + version));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schemaVersion", version);
        out.put("databaseId", services.store().databaseId());
        UsersCommand.print(environment, json, out);
      }
      return 0;
    }
  }

  /** `db recover-key`: writes a lost key file back from the recovery key printed at setup. */
  @Command(name = "recover-key", mixinStandardHelpOptions = true, description = "Restore the database key from the recovery key.")
  public static final class RecoverKey implements Callable<Integer> {
    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Option(names = "--recovery-key", description = "The recovery key (default: TSUMUGI_RECOVERY_KEY or a prompt).")
    String recoveryKey;

    public RecoverKey(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() {
      String key = recoveryKey != null ? recoveryKey : environment.env().get("TSUMUGI_RECOVERY_KEY");
      if (key == null) {
        char[] typed = environment.secretPrompt().apply("Recovery key");
        key = typed == null ? "" : new String(typed);
      }
      LocalStore.restoreKey(store.location(locations), key);
      environment.out().println("The database key was restored.");
      return 0;
    }
  }
}
