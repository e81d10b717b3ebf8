package jp.tsumugi.ui.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.tsumugi.app.common.Base32;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.Totp;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.security.UserAdministration;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.DataLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `tsumugi users add|list|reset-2fa`: account administration, for administrators. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage staff accounts.",
    subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.ResetTotp.class})
public final class UsersCommand {

  /** `users add NAME --role ROLE --display-name TEXT`; the new password from TSUMUGI_NEW_PASSWORD or a prompt. */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user.")
  public static final class Add implements Callable<Integer> {
    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;
    @Parameters(index = "0", paramLabel = "USERNAME") String username;
    @Option(names = "--role", required = true, description = "admin, doctor, nurse or clerk") String role;
    @Option(names = "--display-name", required = true, description = "Name shown in the application") String displayName;
    @Option(names = "--json", description = "Machine-readable output.") boolean json;

    public Add(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() {
      Role parsedRole = parseRole(role);
      String fromEnv = environment.env().get("TSUMUGI_NEW_PASSWORD");
      char[] password = fromEnv != null ? fromEnv.toCharArray() : environment.secretPrompt().apply("New user's password");
      if (password == null) {
        throw new TsumugiException(ErrorCode.PASSWORD_MISSING, "TSUMUGI_NEW_PASSWORD");
      }
      var request = new UserAdministration.NewUser(username, displayName, parsedRole, password);
      try (AppServices services = store.opener(environment, locations, false).open()) {
        Session session = auth.login(services, environment);
        UserAdministration.Created created = services.userAdministration().addUser(session, request);
        Map<String, Object> out = describe(created.user());
        if (created.totpSecret() != null) {
          out.put("totpSecret", Base32.encode(created.totpSecret()));
          out.put("totpUri", Totp.otpauthUri("Tsumugi", created.user().username(), created.totpSecret()));
        }
        print(environment, json, out);
      }
      return 0;
    }
  }

  /** `users list`. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
  public static final class ListUsers implements Callable<Integer> {
    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;
    @Option(names = "--json", description = "Machine-readable output.") boolean json;

    public ListUsers(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() {
      try (AppServices services = store.opener(environment, locations, false).open()) {
        Session session = auth.login(services, environment);
        List<Object> rows = new ArrayList<>();
        for (User u : services.userAdministration().list(session)) {
          rows.add(describe(u));
        }
        if (json) {
          environment.out().println(Json.write(rows));
        } else {
          for (Object row : rows) {
            Map<?, ?> r = (Map<?, ?>) row;
            environment.out().printf("%-16s %-8s %-6s %s%n", r.get("username"), r.get("role"),
                Boolean.TRUE.equals(r.get("totp")) ? "2FA" : "-", r.get("displayName"));
          }
        }
      }
      return 0;
    }
  }

  /** `users reset-2fa NAME`: a new TOTP secret for a user who lost their phone. */
  @Command(name = "reset-2fa", mixinStandardHelpOptions = true, description = "Give a user a new TOTP secret.")
  public static final class ResetTotp implements Callable<Integer> {
    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;
    @Parameters(index = "0", paramLabel = "USERNAME") String username;
    @Option(names = "--json", description = "Machine-readable output.") boolean json;

    public ResetTotp(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() {
      try (AppServices services = store.opener(environment, locations, false).open()) {
        Session session = auth.login(services, environment);
        byte[] secret = services.userAdministration().resetTotp(session, username);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", username);
        out.put("totpSecret", Base32.encode(secret));
        out.put("totpUri", Totp.otpauthUri("Tsumugi", username, secret));
        print(environment, json, out);
      }
      return 0;
    }
  }

  static Role parseRole(String text) {
    try {
      return Role.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TsumugiException(ErrorCode.NOT_PERMITTED, "unknown role");
    }
  }

  static Map<String, Object> describe(User u) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("username", u.username());
    out.put("displayName", u.displayName());
    out.put("role", u.role().name().toLowerCase(Locale.ROOT));
    out.put("active", u.active());
    out.put("totp", u.hasTotp());
    return out;
  }

  static void print(CliEnvironment environment, boolean json, Map<String, Object> out) {
    if (json) {
      environment.out().println(Json.write(out));
    } else {
      out.forEach((k, v) -> environment.out().println(k + ": " + v));
    }
  }
}
