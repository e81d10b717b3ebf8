package jp.tsumugi.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.tsumugi.app.common.Base32;
import jp.tsumugi.app.demo.DemoClinic;
import jp.tsumugi.app.security.Totp;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.ui.support.DemoStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process against a real demo store. */
class CliTest {
  @TempDir Path root;
  private CliRun cli;

  @BeforeEach
  void createDemo() {
    cli = CliRun.withDemo(root);
    assertThat(cli.out()).contains("240 synthetic patients").contains("clerk / tsumugi-clerk");
  }

  private void asAdmin() {
    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-admin");
    cli.env.put("TSUMUGI_TOTP", Totp.standard().codeAt(Base32.decode(DemoClinic.ADMIN_TOTP_SECRET), DemoStore.CLOCK.instant()));
  }

  @Test
  void auditVerifyReportsAnIntactChainAsJson() {
    asAdmin();
    assertThat(cli.run(cli.store("audit", "verify", "--user", "admin", "--json"))).isZero();
    assertThat(cli.out()).contains("\"intact\":true").contains("\"firstBrokenSequence\":null");
  }

  @Test
  void commandsThatReadDataRefuseAWrongPasswordWithItsCode() {
    cli.env.put("TSUMUGI_PASSWORD", "wrong-password");
    assertThat(cli.run(cli.store("users", "list", "--user", "clerk"))).isEqualTo(1);
    assertThat(cli.err()).startsWith("TSU-2001");
  }

  @Test
  void aClerkMayNotListUsers() {
    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-clerk");
    assertThat(cli.run(cli.store("users", "list", "--user", "clerk"))).isEqualTo(1);
    assertThat(cli.err()).startsWith("TSU-2005");
  }

  @Test
  void adminAddsAUserListsThemAndResetsTheirSecondFactor() {
    asAdmin();
    cli.env.put("TSUMUGI_NEW_PASSWORD", "a-new-password");
    assertThat(cli.run(cli.store("users", "add", "sato", "--role", "doctor", "--display-name", "佐藤 一郎", "--user", "admin", "--json")))
        .as(cli.err()).isZero();
    assertThat(cli.out()).contains("\"username\":\"sato\"").contains("\"role\":\"doctor\"").doesNotContain("totpSecret");
    assertThat(cli.run(cli.store("users", "list", "--user", "admin", "--json"))).isZero();
    assertThat(cli.out()).contains("\"username\":\"sato\"").contains("\"displayName\":\"佐藤 一郎\"");
    assertThat(cli.run(cli.store("users", "reset-2fa", "sato", "--user", "admin", "--json"))).isZero();
    assertThat(cli.out()).containsPattern("\"totpSecret\":\"[A-Z2-7]{32}\"");
    cli.env.put("TSUMUGI_PASSWORD", "a-new-password");
    cli.env.remove("TSUMUGI_TOTP");
    assertThat(cli.run(cli.store("users", "list", "--user", "sato"))).isEqualTo(1);
    assertThat(cli.err()).as("sato now needs a one-time code").startsWith("TSU-2004");
  }

  @Test
  void dbMigrateReportsTheSchemaVersion() {
    asAdmin();
    assertThat(cli.run(cli.store("db", "migrate", "--user", "admin", "--json"))).isZero();
    assertThat(cli.out()).containsPattern("\"schemaVersion\":[1-9]");
  }

  @Test
  void demoRefusesToReplaceAFolderItDidNotMake() throws Exception {
    Path foreign = root.resolve("clinic-data");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("important.txt"), "keep me");
    assertThat(cli.run("demo", "--no-window", "--data-dir", foreign.toString())).isEqualTo(1);
    assertThat(cli.err()).startsWith("TSU-1011");
    assertThat(Files.readString(foreign.resolve("important.txt"))).isEqualTo("keep me");
  }

  @Test
  void demoReplacesAnEarlierDemo() {
    String[] again = {"demo", "--no-window", "--no-masters", "--data-dir", cli.data.toString(), "--key-dir", cli.keys.toString()};
    assertThat(cli.run(again)).isZero();
    assertThat(LocalStore.isInitialised(cli.data)).isTrue();
    asAdmin();
    assertThat(cli.run(cli.store("audit", "verify", "--user", "admin"))).isZero();
    assertThat(cli.out()).startsWith("OK:");
  }

  @Test
  void versionPrintsJson() {
    assertThat(cli.run("version", "--json")).isZero();
    assertThat(cli.out()).contains("\"name\":\"tsumugi\"");
  }

  @Test
  void repeatableOptionsAreAcceptedByTheCommandFactory() {
    // Regression: the injected factory could not create the List behind a repeatable option.
    assertThat(cli.run("bench", "no-such-bench", "--java-option=-Xshare:auto", "--java-option=-Xmx64m")).isEqualTo(2);
    assertThat(cli.err()).contains("unknown benchmark").doesNotContain("IllegalStateException");
  }

  @Test
  void chartBenchPrintsAutosaveAndOpenLatencies() {
    assertThat(cli.run("bench", "chart", "--notes", "30", "--queries", "20")).isZero();
    assertThat(cli.out()).contains("30 signed notes").contains("| autosave draft").contains("| open latest visit note")
        .contains("| labs: latest result per test (2000 results, 25 tests").contains("| labs: series of one test (80 points")
        .contains("| vitals: latest measurement");
  }

  @Test
  void theDesktopRefusesARequestTimeoutOutsideOneSecondToAnHour() {
    assertThat(cli.run("desktop", "--oqs-timeout", "0")).isEqualTo(2);
    assertThat(cli.err()).contains("--oqs-timeout must be 1 to 3600 seconds");
    assertThat(cli.run("desktop", "--oqs-timeout", "3601")).isEqualTo(2);
  }
}
