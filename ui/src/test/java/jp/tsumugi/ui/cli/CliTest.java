package jp.tsumugi.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import jp.tsumugi.app.common.Base32;
import jp.tsumugi.app.demo.DemoClinic;
import jp.tsumugi.app.security.Totp;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.ui.composition.DataLocations;
import jp.tsumugi.ui.support.DemoStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process against a real demo store. */
class CliTest {
  @TempDir Path root;
  private Path data;
  private Path keys;
  private final Map<String, String> env = new HashMap<>();
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void createDemo() {
    data = root.resolve("demo");
    keys = root.resolve("keys");
    assertThat(run("demo", "--no-window", "--no-masters", "--data-dir", data.toString(), "--key-dir", keys.toString())).isZero();
    assertThat(out.toString()).contains("240 synthetic patients").contains("clerk / tsumugi-clerk");
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CliEnvironment environment = new CliEnvironment(new PrintWriter(out), new PrintWriter(err), env, DemoStore.CLOCK,
        label -> null);
    return TsumugiCli.run(environment, new DataLocations(Map.of(), "Linux", root.resolve("home")), args);
  }

  private String[] store(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = data.toString();
    all[args.length + 2] = "--key-dir";
    all[args.length + 3] = keys.toString();
    return all;
  }

  private void asAdmin() {
    env.put("TSUMUGI_PASSWORD", "tsumugi-admin");
    env.put("TSUMUGI_TOTP", Totp.standard().codeAt(Base32.decode(DemoClinic.ADMIN_TOTP_SECRET), DemoStore.CLOCK.instant()));
  }

  @Test
  void auditVerifyReportsAnIntactChainAsJson() {
    asAdmin();
    assertThat(run(store("audit", "verify", "--user", "admin", "--json"))).isZero();
    assertThat(out.toString()).contains("\"intact\":true").contains("\"firstBrokenSequence\":null");
  }

  @Test
  void commandsThatReadDataRefuseAWrongPasswordWithItsCode() {
    env.put("TSUMUGI_PASSWORD", "wrong-password");
    assertThat(run(store("users", "list", "--user", "clerk"))).isEqualTo(1);
    assertThat(err.toString()).startsWith("TSU-2001");
  }

  @Test
  void aClerkMayNotListUsers() {
    env.put("TSUMUGI_PASSWORD", "tsumugi-clerk");
    assertThat(run(store("users", "list", "--user", "clerk"))).isEqualTo(1);
    assertThat(err.toString()).startsWith("TSU-2005");
  }

  @Test
  void adminAddsAUserListsThemAndResetsTheirSecondFactor() {
    asAdmin();
    env.put("TSUMUGI_NEW_PASSWORD", "a-new-password");
    assertThat(run(store("users", "add", "sato", "--role", "doctor", "--display-name", "佐藤 一郎", "--user", "admin", "--json")))
        .as(err.toString()).isZero();
    assertThat(out.toString()).contains("\"username\":\"sato\"").contains("\"role\":\"doctor\"").doesNotContain("totpSecret");
    assertThat(run(store("users", "list", "--user", "admin", "--json"))).isZero();
    assertThat(out.toString()).contains("\"username\":\"sato\"").contains("\"displayName\":\"佐藤 一郎\"");
    assertThat(run(store("users", "reset-2fa", "sato", "--user", "admin", "--json"))).isZero();
    assertThat(out.toString()).containsPattern("\"totpSecret\":\"[A-Z2-7]{32}\"");
    env.put("TSUMUGI_PASSWORD", "a-new-password");
    env.remove("TSUMUGI_TOTP");
    assertThat(run(store("users", "list", "--user", "sato"))).isEqualTo(1);
    assertThat(err.toString()).as("sato now needs a one-time code").startsWith("TSU-2004");
  }

  @Test
  void dbMigrateReportsTheSchemaVersion() {
    asAdmin();
    assertThat(run(store("db", "migrate", "--user", "admin", "--json"))).isZero();
    assertThat(out.toString()).containsPattern("\"schemaVersion\":[1-9]");
  }

  @Test
  void demoRefusesToReplaceAFolderItDidNotMake() throws Exception {
    Path foreign = root.resolve("clinic-data");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("important.txt"), "keep me");
    assertThat(run("demo", "--no-window", "--data-dir", foreign.toString())).isEqualTo(1);
    assertThat(err.toString()).startsWith("TSU-1011");
    assertThat(Files.readString(foreign.resolve("important.txt"))).isEqualTo("keep me");
  }

  @Test
  void demoReplacesAnEarlierDemo() {
    assertThat(run("demo", "--no-window", "--no-masters", "--data-dir", data.toString(), "--key-dir", keys.toString())).isZero();
    assertThat(LocalStore.isInitialised(data)).isTrue();
    asAdmin();
    assertThat(run(store("audit", "verify", "--user", "admin"))).isZero();
    assertThat(out.toString()).startsWith("OK:");
  }

  @Test
  void versionPrintsJson() {
    assertThat(run("version", "--json")).isZero();
    assertThat(out.toString()).contains("\"name\":\"tsumugi\"");
  }

  @Test
  void repeatableOptionsAreAcceptedByTheCommandFactory() {
    // Regression: the injected factory could not create the List behind a repeatable option.
    assertThat(run("bench", "no-such-bench", "--java-option=-Xshare:auto", "--java-option=-Xmx64m")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown benchmark").doesNotContain("IllegalStateException");
  }

  @Test
  void theDesktopRefusesARequestTimeoutOutsideOneSecondToAnHour() {
    assertThat(run("desktop", "--oqs-timeout", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--oqs-timeout must be 1 to 3600 seconds");
    assertThat(run("desktop", "--oqs-timeout", "3601")).isEqualTo(2);
  }
}
