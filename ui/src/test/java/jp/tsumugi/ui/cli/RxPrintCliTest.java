package jp.tsumugi.ui.cli;

import static jp.tsumugi.app.testing.RealDrugs.CALONAL_200;
import static jp.tsumugi.app.testing.RealDrugs.LOXONIN_60;
import static jp.tsumugi.app.testing.RealDrugs.NORVASC_5;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.prescription.ChartPrescriptions;
import jp.tsumugi.app.prescription.DispensingKind;
import jp.tsumugi.app.prescription.Prescription;
import jp.tsumugi.app.prescription.RouteKind;
import jp.tsumugi.app.prescription.RpGroup;
import jp.tsumugi.app.prescription.RxItem;
import jp.tsumugi.app.reception.StatusChange;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.reception.VisitStatus;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.testing.RealDrugs;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.ui.support.DemoStore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tsumugi rx print` and `tsumugi rx memo`, in-process against the demo clinic with a signed prescription. */
class RxPrintCliTest {
  @TempDir Path root;
  private CliRun cli;
  private long visitId;

  @BeforeEach
  void demoWithASignedPrescription() {
    cli = CliRun.withDemo(root);
    try (LocalStore store = LocalStore.openH2(new StoreLocation(cli.data, cli.keys), DemoStore.CLOCK)) {
      Session doctor = new Session(store.users().findByUsername("doctor").orElseThrow(), "test", DemoStore.CLOCK.instant());
      Long combination = store.insuranceStore().combinationsOfPatient(1).stream().findFirst().map(c -> c.id()).orElse(null);
      visitId = store.transactions().inTransaction(() -> {
        long id = store.visits().insert(new Visit(0, 1, java.time.LocalDate.of(2026, 11, 20), 0, "内科", "doctor", combination,
            DemoStore.CLOCK.instant())).id();
        store.visits().appendStatus(new StatusChange(0, id, 1, VisitStatus.CHECKED_IN, "", "clerk", "受付", DemoStore.CLOCK.instant()));
        return id;
      });
      ChartPrescriptions rx = new ChartPrescriptions(store.prescriptionStore(), new RealDrugs(),
          new HashChainedAuditLog(store.auditEntries(), DemoStore.CLOCK), store.transactions(), DemoStore.CLOCK);
      rx.sign(doctor, visitId, 0, new Prescription(visitId, DispensingKind.OUTSIDE, List.of(
          RpGroup.oral("3A", 14, RxItem.of(LOXONIN_60, "1", "3")),
          RpGroup.oral("1A", 28, RxItem.of(NORVASC_5, null, "1").asGeneric()),
          new RpGroup(RouteKind.AS_NEEDED, "PAIN", "", "熱が出たら😷", null, 5, "", List.of(RxItem.of(CALONAL_200, "1", null)))),
          0, "残薬確認"), List.of(), null);
    }
    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-doctor");
  }

  private static String text(Path pdf) throws IOException {
    try (PDDocument d = Loader.loadPDF(Files.readAllBytes(pdf))) {
      return new PDFTextStripper().getText(d).replaceAll("[\\s\u3000]", "");
    }
  }

  @Test
  void eachKindIsWrittenAsPdfWithSubstitutionsOnStderrAndTheOutputAudited() throws IOException {
    Path slip = root.resolve("slip.pdf");
    assertThat(cli.run(cli.store("rx", "print", "--visit", Long.toString(visitId), "--kind", "slip", "--out", slip.toString(),
        "--user", "doctor"))).as(cli.err()).isZero();
    assertThat(cli.out()).contains("slip: 1 page(s) written to", "(1 character(s) substituted)");
    assertThat(cli.err()).contains("rp.usage (Rp3) U+1F637");
    assertThat(Files.readAllBytes(slip)).startsWith('%', 'P', 'D', 'F');
    assertThat(text(slip)).contains("処方箋", "Rp1)ロキソニン錠６０ｍｇ1回1錠1日3錠", "Rp2)【般】アムロジピン", "熱が出たら〓", "残薬確認",
        "1234567");

    Path copy = root.resolve("copy.pdf");
    assertThat(cli.run(cli.store("rx", "print", "--visit", Long.toString(visitId), "--kind", "copy", "--out", copy.toString(),
        "--user", "doctor"))).as(cli.err()).isZero();
    assertThat(text(copy)).contains("処方内容（控え）", "これは処方箋ではありません");

    Path info = root.resolve("info.pdf");
    assertThat(cli.run(cli.store("rx", "print", "--visit", Long.toString(visitId), "--kind", "info", "--out", info.toString(),
        "--user", "doctor"))).as(cli.err()).isZero();
    // the demo memos: ロキソニン by drug code, amlodipine by ingredient key (the generic name prescribed)
    assertThat(text(info)).contains("薬剤情報提供書", "痛みや炎症、熱をおさえるお薬です", "血圧を下げるお薬です", "熱を下げ、痛みをやわらげるお薬です");

    assertThat(cli.run(cli.store("rx", "print", "--visit", Long.toString(visitId), "--kind", "label", "--out", copy.toString(),
        "--user", "doctor"))).isEqualTo(TsumugiCli.EXIT_ERROR);
    assertThat(cli.err()).contains("TSU-9437");
    assertThat(cli.run(cli.store("rx", "print", "--visit", "999999", "--kind", "slip", "--out", copy.toString(),
        "--user", "doctor"))).isEqualTo(TsumugiCli.EXIT_ERROR);
    assertThat(cli.err()).contains("TSU-8006");

    List<AuditEntry> outputs = new ArrayList<>();
    try (LocalStore store = LocalStore.openH2(new StoreLocation(cli.data, cli.keys), DemoStore.CLOCK)) {
      store.auditEntries().forEachInOrder(row -> {
        if (row instanceof AuditEntryStore.ReadableEntry r && r.entry().action() == AuditAction.RX_PRINT_OUTPUT) {
          outputs.add(r.entry());
        }
      });
    }
    assertThat(outputs).hasSize(3).allSatisfy(e -> assertThat(e.target()).isEqualTo("1"));
    assertThat(outputs.get(0).detail()).isEqualTo("visit=" + visitId + ",kind=slip,target=file,pages=1,substituted=1");
  }

  @Test
  void memosAreSetAndListedAndBadInputExitsWithItsCode() {
    assertThat(cli.run(cli.store("rx", "memo", "set", "--drug", "1141007", "--effects", "熱や痛みをおさえます。", "--cautions",
        "飲みすぎに注意。", "--user", "doctor"))).as(cli.err()).isZero();
    assertThat(cli.out()).contains("saved memo 1141007 (ingredient)");
    assertThat(cli.run(cli.store("rx", "memo", "list", "--user", "doctor"))).as(cli.err()).isZero();
    assertThat(cli.out()).contains("1141007\t\t熱や痛みをおさえます。\t飲みすぎに注意。", "620098801\tロキソニン錠６０ｍｇ", "6 memo(s)");
    assertThat(cli.run(cli.store("rx", "memo", "set", "--drug", "12", "--effects", "x", "--user", "doctor")))
        .isEqualTo(TsumugiCli.EXIT_ERROR);
    assertThat(cli.err()).contains("TSU-9440");
    assertThat(cli.run(cli.store("rx", "memo", "set", "--drug", "1141007", "--user", "doctor"))).isEqualTo(TsumugiCli.EXIT_ERROR);
    assertThat(cli.err()).contains("TSU-9441");
    // the demo has no masters loaded: a drug code cannot be confirmed
    assertThat(cli.run(cli.store("rx", "memo", "set", "--drug", "620098801", "--effects", "x", "--user", "doctor")))
        .isEqualTo(TsumugiCli.EXIT_ERROR);
    assertThat(cli.err()).contains("TSU-9443");
  }
}
