package jp.tsumugi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged command line answers without a store, and refuses a folder that holds no clinic. */
class CommandLineScenarioTest {
  @TempDir Path root;

  @Test
  void versionIsMachineReadable() throws Exception {
    PackagedCli.Run run = new PackagedCli(root).run(Map.of(), "version", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"name\":\"tsumugi\"").containsPattern("\"version\":\"\\d+\\.\\d+");
  }

  @Test
  void anEmptyFolderIsNotMistakenForAClinic() throws Exception {
    PackagedCli.Run run = new PackagedCli(root).run(Map.of("TSUMUGI_PASSWORD", "x"), "audit", "verify", "--user", "admin",
        "--data-dir", root.resolve("nothing-here").toString(), "--key-dir", root.resolve("k").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("TSU-1010");
  }

  @Test
  void unknownCommandIsAUsageError() throws Exception {
    PackagedCli.Run run = new PackagedCli(root).run(Map.of(), "frobnicate");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("frobnicate");
  }
}
