package jp.tsumugi.ui.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditVerifier;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.DataLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `tsumugi audit verify`: checks the whole hash chain; exits 3 and names the first broken entry. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit log.", subcommands = AuditCommand.Verify.class)
public final class AuditCommand {

  /** `audit verify`. */
  @Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify the audit log's hash chain.")
  public static final class Verify implements Callable<Integer> {
    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;
    @Option(names = "--json", description = "Machine-readable output.") boolean json;

    public Verify(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() {
      try (AppServices services = store.opener(environment, locations, false).open()) {
        Session session = auth.login(services, environment);
        session.require(Permission.VERIFY_AUDIT);
        AuditVerifier.Result result = services.auditVerifier().verify();
        services.audit().record(new AuditEvent(session.username(), session.terminal(), AuditAction.AUDIT_VERIFIED, "",
            result.intact() ? "intact" : "broken-at=" + result.firstBrokenSequence()));
        if (json) {
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("intact", result.intact());
          out.put("entriesChecked", result.entriesChecked());
          out.put("firstBrokenSequence", result.intact() ? null : result.firstBrokenSequence());
          out.put("reason", result.intact() ? null : result.reason());
          environment.out().println(Json.write(out));
        } else if (result.intact()) {
          environment.out().println("OK: " + result.entriesChecked() + " entries, hash chain intact");
        } else {
          environment.out().println("BROKEN: entry " + result.firstBrokenSequence() + ": " + result.reason());
        }
        return result.intact() ? 0 : TsumugiCli.EXIT_CHECK_FAILED;
      }
    }
  }
}
