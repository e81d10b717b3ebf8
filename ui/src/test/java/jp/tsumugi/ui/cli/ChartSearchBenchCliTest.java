package jp.tsumugi.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartSearchBenchCliTest {
  @TempDir Path root;

  @Test
  void chartSearchBenchSeedsIndexesAndPrintsTheLatencyTable() {
    CliRun cli = CliRun.withDemo(root);
    assertThat(cli.run("bench", "chart-search", "--notes", "300", "--patients", "20", "--queries", "30")).as(cli.err()).isZero();
    assertThat(cli.out()).contains("300 signed notes").contains("index: 300 notes").contains("| 1 rare term")
        .contains("| all | 30 |");
  }
}
