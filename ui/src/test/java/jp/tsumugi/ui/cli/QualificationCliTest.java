package jp.tsumugi.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tsumugi qualification ingest|quarantined`, in-process against a demo store. */
class QualificationCliTest {
  @TempDir Path root;
  private CliRun cli;

  @BeforeEach
  void createDemo() {
    cli = CliRun.withDemo(root);
    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-clerk");
  }

  /** A store command run as the demo clerk. */
  private String[] store(String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--user";
    all[args.length + 1] = "clerk";
    return cli.store(all);
  }

  private Path fixture(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/qualification/" + name)) {
      Path file = root.resolve(name);
      Files.write(file, in.readAllBytes());
      return file;
    }
  }

  @Test
  void ingestAppliesAResultOnceAndSaysSoTheSecondTime() throws IOException {
    Path file = fixture("face-new-patient-utf8.xml");
    assertThat(cli.run(store("qualification", "ingest", file.toString(), "--json"))).isZero();
    assertThat(cli.out()).startsWith("{\"outcome\":\"APPLIED\",\"file\":\"face-new-patient-utf8.xml\"")
        .contains("\"state\":\"APPLIED\"").contains("\"validity\":\"VALID\"").contains("\"patientKeyPresent\":true")
        .contains("\"warnings\":[]").containsPattern("\"proposalId\":[0-9]+").contains("\"patientId\":null");
    assertThat(file).exists();
    assertThat(cli.run(store("qualification", "ingest", file.toString()))).isZero();
    assertThat(cli.out()).startsWith("ALREADY_APPLIED: face-new-patient-utf8.xml").contains("processed before");
  }

  @Test
  void ingestQuarantinesAnAttackWithItsCodeAndListsIt() throws IOException {
    Path file = fixture("attack-billion-laughs.xml");
    assertThat(cli.run(store("qualification", "ingest", file.toString(), "--json"))).isEqualTo(QualificationCommand.EXIT_NOT_APPLIED);
    assertThat(cli.out()).contains("\"outcome\":\"QUARANTINED\"").contains("\"reasonCode\":\"TSU-7051\"").contains("\"report\":null");
    assertThat(cli.run(store("qualification", "quarantined", "--json"))).isZero();
    assertThat(cli.out()).contains("\"file\":\"attack-billion-laughs.xml\"").contains("\"reasonCode\":\"TSU-7051\"");
  }

  @Test
  void ingestOfAMissingFileFailsWithTheUnreadableCode() {
    assertThat(cli.run(store("qualification", "ingest", root.resolve("nope.xml").toString()))).isEqualTo(TsumugiCli.EXIT_ERROR);
  }
}
