package jp.tsumugi.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.chart.Stamp;
import jp.tsumugi.app.chart.StampKind;
import jp.tsumugi.app.chart.Stamps;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.ui.support.DemoStore;
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

  @Test
  void theDemoClinicHasSharedStampsForTheDoctor() {
    CliRun cli = CliRun.withDemo(root);
    try (LocalStore store = LocalStore.openH2(new StoreLocation(cli.data, cli.keys), DemoStore.CLOCK)) {
      Stamps stamps = new Stamps(store.stampStore(), new HashChainedAuditLog(store.auditEntries(), DemoStore.CLOCK),
          store.transactions(), DemoStore.CLOCK);
      Session nurse = new Session(new User(0, "nurse", "看護 次郎", Role.NURSE, "-", null, true, 0, null, DemoStore.CLOCK.instant()),
          "test", DemoStore.CLOCK.instant());
      assertThat(stamps.forUser(nurse)).allMatch(Stamp::shared).extracting(Stamp::kind).contains(StampKind.SUBJECTIVE,
          StampKind.OBJECTIVE, StampKind.ASSESSMENT, StampKind.PLAN);
      assertThat(stamps.complete(nurse, "ｶｾﾞ")).extracting(Stamp::title).containsExactly("かぜ症状");
      assertThat(stamps.lookup(nurse, "HTN")).map(s -> s.lines().size()).contains(2);
    }
  }
}
