package jp.tsumugi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import jp.tsumugi.app.common.Base32;
import jp.tsumugi.app.demo.DemoClinic;
import jp.tsumugi.app.security.Totp;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.store.StoreTestAccess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application end to end: make a demo clinic from the command line, verify its audit
 * log, then play an attacker who edits or deletes one row with the database key in hand.
 */
class AuditTamperScenarioTest {
  @TempDir Path root;
  private PackagedCli cli;
  private Path data;
  private Path keys;

  @BeforeEach
  void demoClinic() throws Exception {
    cli = new PackagedCli(root);
    data = root.resolve("demo");
    keys = root.resolve("demo.keys");
    PackagedCli.Run demo = cli.run(Map.of(), "demo", "--no-window", "--no-masters", "--data-dir", data.toString(), "--key-dir",
        keys.toString());
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(demo.out()).contains("240 synthetic patients");
  }

  private PackagedCli.Run verifyAsAdmin(String... extra) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("TSUMUGI_PASSWORD", "tsumugi-admin");
    env.put("TSUMUGI_TOTP", Totp.standard().codeAt(Base32.decode(DemoClinic.ADMIN_TOTP_SECRET), Clock.systemUTC().instant()));
    String[] args = new String[7 + extra.length];
    String[] base = {"audit", "verify", "--data-dir", data.toString(), "--key-dir", keys.toString(), "--user=admin"};
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return cli.run(env, args);
  }

  private void tamper(String sql) throws Exception {
    try (Connection c = StoreTestAccess.rawConnection(new StoreLocation(data, keys)); Statement s = c.createStatement()) {
      assertThat(s.executeUpdate(sql)).isEqualTo(1);
    }
  }

  @Test
  void untouchedLogVerifiesOk() throws Exception {
    PackagedCli.Run run = verifyAsAdmin();
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("OK: ").contains("hash chain intact");
  }

  @Test
  void editedRowFailsVerificationAndIsNamed() throws Exception {
    tamper("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3");

    PackagedCli.Run run = verifyAsAdmin();
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).startsWith("BROKEN: entry 3:").contains("edited");
  }

  @Test
  void deletedRowFailsVerificationAndIsNamedInJson() throws Exception {
    tamper("DELETE FROM audit_log WHERE seq = 2");

    PackagedCli.Run run = verifyAsAdmin("--json");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).contains("\"intact\":false").contains("\"firstBrokenSequence\":2").contains("missing");
  }

  @Test
  void lostKeyIsACodedErrorAndLeavesTheDatabaseUntouched() throws Exception {
    Path dbFile;
    try (var files = Files.list(data)) {
      dbFile = files.filter(p -> p.getFileName().toString().endsWith(".mv.db")).findFirst().orElseThrow();
    }
    byte[] before = sha256(dbFile);
    Path elsewhere = root.resolve("moved.keys");
    Files.move(keys, elsewhere);

    PackagedCli.Run run = verifyAsAdmin();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("TSU-1003");
    assertThat(sha256(dbFile)).isEqualTo(before);
    try (var files = Files.list(data)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".mv.db")).count()).isEqualTo(1);
    }
  }

  private static byte[] sha256(Path file) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
  }
}
