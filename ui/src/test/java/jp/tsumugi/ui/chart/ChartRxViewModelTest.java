package jp.tsumugi.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.prescription.DispensingKind;
import jp.tsumugi.app.prescription.Prescription;
import jp.tsumugi.app.prescription.PrescriptionRevision;
import jp.tsumugi.app.prescription.RouteKind;
import jp.tsumugi.app.prescription.RpGroup;
import jp.tsumugi.app.prescription.RxItem;
import jp.tsumugi.app.prescription.safety.ExternalSource;
import jp.tsumugi.app.prescription.safety.FindingKind;
import jp.tsumugi.app.prescription.safety.FindingLevel;
import jp.tsumugi.app.reception.Reception;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;
import jp.tsumugi.ui.support.DemoStore;
import jp.tsumugi.ui.support.RxDemoDrugs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prescription pane's view model on a real demo store with real y-master rows: findings appear as drugs are added, 確定 is
 * refused until each is resolved and then stores the overrides, amendments need a reason and do not find their own earlier
 * revision, Do copies the previous prescription, rule errors land beside the field and save nothing.
 */
class ChartRxViewModelTest {
  @TempDir Path root;
  private AppServices services;
  private long visitId;
  private LocalDate today;
  private Session doctor;
  private ChartViewModel chart;
  private ChartRxViewModel vm;

  @BeforeEach
  void open() throws Exception {
    services = DemoStore.opener(DemoStore.create(Files.createDirectories(root.resolve("demo")))).open();
    RxDemoDrugs.importInto(services, root);
    visitId = services.reception().checkIn(session("clerk"), new Reception.CheckIn(1, null, "doctor", null)).id();
    today = LocalDate.now(services.clock());
    doctor = session("doctor");
    chart = new ChartViewModel(new ChartViewModel.Services(services.chartOverview(), services.chartNotes(), services.editLeases(),
        services.reception()), TaskExecutor.direct(), I18n.japanese(), doctor, services.clock());
    vm = viewModel(doctor);
  }

  @AfterEach
  void close() {
    if (services != null) {
      services.close();
    }
  }

  private Session session(String user) {
    return new Session(services.store().users().findByUsername(user).orElseThrow(), "診察室1", DemoStore.CLOCK.instant());
  }

  private ChartRxViewModel viewModel(Session session) {
    ChartRxViewModel model = new ChartRxViewModel(new ChartRxViewModel.Services(services.chartPrescriptions(), services.safetyCheck(),
        services.masterCatalog(), services.interactionTables(), services.stamps()), TaskExecutor.direct(), I18n.japanese(), session,
        chart);
    model.open(1, visitId, today);
    return model;
  }

  private List<PrescriptionRevision> history() {
    return services.chartPrescriptions().history(doctor, visitId);
  }

  private List<AuditEntry> audit(AuditAction action) {
    List<AuditEntry> out = new ArrayList<>();
    services.store().auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry e && e.entry().action() == action) {
        out.add(e.entry());
      }
    });
    return out;
  }

  @Test
  void aContraindicatedPairNeedsAReasonBeforeSigningAndTheOverrideIsStoredAndAuditedWithoutItsText() {
    assertThat(vm.demoTableProperty().get()).as("the shipped table is the demo one").isTrue();
    vm.addDrug(RxDemoDrugs.HALCION);
    vm.setPerDay("1");
    assertThat(vm.findings()).isEmpty();
    vm.addDrug(RxDemoDrugs.ITRIZOLE);
    vm.setPerDay("1");
    assertThat(vm.groups()).hasSize(1);
    assertThat(vm.findings()).extracting(r -> r.finding().kind()).containsExactly(FindingKind.CONTRAINDICATED_COMBINATION);
    ChartRxViewModel.FindingRow row = vm.findings().get(0);
    assertThat(row.text()).contains("併用禁忌").contains("ハルシオン", "イトリゾール").contains("この処方").contains("出典：添付文書")
        .contains("interaction:1124007+6290004");
    assertThat(row.resolved()).isFalse();

    vm.sign();
    assertThat(vm.messageProperty().get()).contains("1 番が未対応");
    assertThat(history()).isEmpty();

    vm.setReason(row.key(), "短期のみ、専門医と相談済み");
    assertThat(vm.findings().get(0).resolved()).isTrue();
    vm.sign();
    assertThat(vm.messageProperty().get()).isEmpty();
    List<PrescriptionRevision> stored = history();
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).overrides()).singleElement().satisfies(o -> {
      assertThat(o.findingCode()).isEqualTo("CONTRAINDICATED_COMBINATION");
      assertThat(o.level()).isEqualTo("CONTRAINDICATED");
      assertThat(o.drugCode()).isEqualTo(row.finding().drugCode());
      assertThat(o.reason()).isEqualTo("短期のみ、専門医と相談済み");
    });
    AuditEntry signed = audit(AuditAction.CHART_RX_SIGNED).get(0);
    assertThat(signed.detail()).contains("overrides=CONTRAINDICATED_COMBINATION/CONTRAINDICATED/" + row.finding().drugCode())
        .doesNotContain("専門医");
    assertThat(vm.stateProperty().get()).contains("確定");
    assertThat(vm.signedPrescriptionVisit()).contains(visitId);
    assertThat(chart.signedPrescriptionVisit()).contains(visitId);
  }

  @Test
  void aCautionNeedsAnAcknowledgementAndEditingHidesTheSignedState() {
    vm.addDrug(RxDemoDrugs.NORVASC);
    vm.setPerDay("1");
    vm.addDrug(RxDemoDrugs.NORVASC);
    vm.setPerDay("1");
    assertThat(vm.findings()).extracting(r -> r.finding().kind(), r -> r.finding().level())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingKind.DUPLICATE, FindingLevel.CAUTION));
    vm.sign();
    assertThat(history()).isEmpty();
    vm.acknowledge(vm.findings().get(0).key(), true);
    vm.sign();
    assertThat(history()).singleElement().satisfies(r -> assertThat(r.overrides()).as("only 禁忌 is an override").isEmpty());
    assertThat(vm.signedPrescriptionVisit()).contains(visitId);
    vm.setDays("14");
    assertThat(vm.signedPrescriptionVisit()).as("edited: not what was signed").isEmpty();
  }

  @Test
  void aChartContraindicationIsFoundWhenTheDrugIsAdded() {
    vm.addDrug(RxDemoDrugs.LOXONIN);
    assertThat(vm.findings()).extracting(r -> r.finding().kind()).containsExactly(FindingKind.CONTRAINDICATION);
    assertThat(vm.findings().get(0).text()).contains("薬剤禁忌").contains("ロキソプロフェン");
    vm.removeSelected();
    assertThat(vm.findings()).isEmpty();
    assertThat(vm.lines()).isEmpty();
  }

  @Test
  void anAmendmentNeedsAReasonAndDoesNotFindItsOwnEarlierRevision() {
    vm.addDrug(RxDemoDrugs.NORVASC);
    vm.setPerDay("1");
    vm.setDays("28");
    vm.sign();
    assertThat(history()).hasSize(1);

    // Opened again (as after switching visits): the signed revision is this visit's own, not a drug "still being taken".
    ChartRxViewModel again = viewModel(doctor);
    assertThat(again.groups()).hasSize(1);
    assertThat(again.findings()).isEmpty();
    again.select(0, 0);
    again.setPerDay("2");
    again.sign();
    assertThat(again.messageProperty().get()).contains("理由");
    again.amendReasonProperty().set("血圧高値のため増量");
    again.sign();
    assertThat(history()).extracting(PrescriptionRevision::revision).containsExactly(1, 2);
    assertThat(history().get(1).reason()).isEqualTo("血圧高値のため増量");
    assertThat(again.stateProperty().get()).contains("第2版");
  }

  @Test
  void aRuleErrorIsShownBesideTheGroupAndNothingIsSaved() {
    vm.addDrug(RxDemoDrugs.NORVASC);
    vm.setPerDay("1");
    vm.setDays("");
    vm.sign();
    assertThat(vm.groupErrorProperty().get()).startsWith("TSU-9304");
    assertThat(history()).isEmpty();
    assertThat(vm.setDose("abc")).isFalse();
    assertThat(vm.itemErrorProperty().get()).isNotEmpty();
  }

  @Test
  void drugsAndGroupsMoveAndAFlagOrRouteChangeKeepsTheRestOfTheGroup() {
    vm.addDrug(RxDemoDrugs.NORVASC);
    vm.addDrug(RxDemoDrugs.HALCION);
    assertThat(vm.groups().get(0).items()).extracting(RxItem::drugCode).containsExactly(RxDemoDrugs.NORVASC, RxDemoDrugs.HALCION);
    vm.move(-1);
    assertThat(vm.groups().get(0).items()).extracting(RxItem::drugCode).containsExactly(RxDemoDrugs.HALCION, RxDemoDrugs.NORVASC);
    assertThat(vm.selectedItem().orElseThrow().drugCode()).isEqualTo(RxDemoDrugs.HALCION);
    vm.toggleNoSubstitution();
    vm.togglePatientRequest();
    assertThat(vm.selectedItem().orElseThrow().noSubstitution()).isTrue();
    assertThat(vm.lines().get(1).text()).contains("変更不可").contains("患者希望");

    vm.newGroup();
    vm.addDrug(RxDemoDrugs.CALONAL);
    vm.setRoute(RouteKind.AS_NEEDED);
    RpGroup asNeeded = vm.groups().get(1);
    assertThat(asNeeded.route()).isEqualTo(RouteKind.AS_NEEDED);
    assertThat(asNeeded.days()).isNull();
    assertThat(asNeeded.times()).isNotNull();
    assertThat(vm.usages().stream().filter(u -> u.code().equals(asNeeded.usageCode())).findFirst().orElseThrow().timing())
        .isEqualTo(jp.tsumugi.app.prescription.UsageTiming.AS_NEEDED);
    vm.select(1, -1);
    vm.move(-1);
    assertThat(vm.groups()).extracting(RpGroup::route).containsExactly(RouteKind.AS_NEEDED, RouteKind.ORAL);
    vm.setKind(DispensingKind.INSIDE);
    vm.setRefills(2);
    assertThat(vm.refillsProperty().get()).as("refill only for 院外").isZero();
  }

  @Test
  void genericNameIsOfferedWithTheStandardNotation() {
    vm.addDrug(RxDemoDrugs.NORVASC);
    vm.toggleGeneric();
    RxItem item = vm.selectedItem().orElseThrow();
    assertThat(item.generic()).isTrue();
    assertThat(item.genericName()).isEqualTo("【般】アムロジピン錠５ｍｇ");
    assertThat(vm.lines().get(1).text()).contains("【般】アムロジピン錠５ｍｇ");
    vm.toggleGeneric();
    assertThat(vm.selectedItem().orElseThrow().generic()).isFalse();
  }

  @Test
  void theRpGroupsSavedAsAStampComeBackWithTheMastersNamesWhenTheStampIsInserted() {
    vm.addDrug(RxDemoDrugs.NORVASC);
    vm.setPerDay("1");
    vm.toggleGeneric();
    vm.setDays("28");
    List<String> reloaded = new ArrayList<>();
    vm.saveAsStamp("bp28", () -> reloaded.add("yes"));
    assertThat(reloaded).containsExactly("yes");
    jp.tsumugi.app.chart.Stamp stamp = services.stamps().lookup(doctor, "bp28").orElseThrow();
    assertThat(stamp.kind()).isEqualTo(jp.tsumugi.app.chart.StampKind.PRESCRIPTION);
    assertThat(stamp.shared()).isFalse();
    assertThat(stamp.body()).startsWith("tsumugi-rx-stamp 1\n").contains(RxDemoDrugs.NORVASC);
    assertThat(stamp.title()).contains("ノルバスク");

    vm.select(0, -1);
    vm.removeSelected();
    assertThat(vm.groups()).isEmpty();
    vm.insertStamp(stamp);
    assertThat(vm.groups()).singleElement().satisfies(g -> {
      assertThat(g.days()).isEqualTo(28);
      assertThat(g.items().get(0).generic()).isTrue();
    });
    assertThat(vm.lines().get(1).text()).contains("【般】アムロジピン錠５ｍｇ").contains("1日1錠");

    jp.tsumugi.app.chart.Stamp broken = services.stamps().create(doctor, false, jp.tsumugi.app.chart.StampKind.PRESCRIPTION, "bad",
        "bad", "アムロジピン 1錠");
    vm.insertStamp(broken);
    assertThat(vm.messageProperty().get()).startsWith("TSU-9400");
    assertThat(vm.groups()).hasSize(1);
  }

  @Test
  void doFlagsADrugAbolishedSinceThePreviousVisitInsteadOfDroppingItAndRefusesToSignUntilItIsRemoved() {
    long earlier = services.chartOverview().open(doctor, 1).timeline().stream().filter(e -> e.visitId() != visitId)
        .findFirst().orElseThrow().visitId();
    services.chartPrescriptions().sign(doctor, earlier, 0, new Prescription(earlier, DispensingKind.OUTSIDE, List.of(
        RpGroup.oral("1A", 28, RxItem.of(RxDemoDrugs.NORVASC, null, "1"), RxItem.of(RxDemoDrugs.CALONAL, null, "3"))), 0, ""),
        List.of(), null);
    RxDemoDrugs.abolish(services, root, RxDemoDrugs.CALONAL, today.minusDays(1));
    vm.copyPrevious();
    assertThat(vm.groups().get(0).items()).extracting(RxItem::drugCode).containsExactly(RxDemoDrugs.NORVASC, RxDemoDrugs.CALONAL);
    assertThat(vm.lines()).filteredOn(ChartRxViewModel.Line::flagged).singleElement()
        .satisfies(l -> assertThat(l.text()).contains("カロナール").contains("処方日に使用できない"));
    assertThat(vm.messageProperty().get()).contains("処方日に使用できない薬剤");
    vm.sign();
    assertThat(history()).isEmpty();
    vm.select(0, 1);
    vm.removeSelected();
    vm.sign();
    assertThat(history()).singleElement().satisfies(r -> assertThat(r.content().itemCount()).isEqualTo(1));
  }

  @Test
  void theDemoSeedGivesPatientOneAPrescriptionToCopyAndLoxoninShowsTheChartContraindication() {
    assertThat(services.demoPrescriptions().seed("t")).isEqualTo(1);
    vm.copyPrevious();
    assertThat(vm.lines()).extracting(ChartRxViewModel.Line::text).anyMatch(t -> t.contains("【般】アムロジピン錠５ｍｇ"))
        .anyMatch(t -> t.contains("カロナール"));
    vm.addDrug(RxDemoDrugs.LOXONIN);
    assertThat(vm.findings()).extracting(r -> r.finding().kind()).contains(FindingKind.CONTRAINDICATION);
  }

  @Test
  void doCopiesThePreviousVisitsPrescriptionForReview() {
    long earlier = services.chartOverview().open(doctor, 1).timeline().stream().filter(e -> e.visitId() != visitId)
        .findFirst().orElseThrow().visitId();
    services.chartPrescriptions().sign(doctor, earlier, 0, new Prescription(earlier, DispensingKind.OUTSIDE, List.of(
        RpGroup.oral("1A", 28, RxItem.of(RxDemoDrugs.NORVASC, null, "1")),
        new RpGroup(RouteKind.AS_NEEDED, "FEVER", "", "", null, 5, "", List.of(RxItem.of(RxDemoDrugs.CALONAL, "1", null)))), 0, ""),
        List.of(), null);
    vm.copyPrevious();
    assertThat(vm.infoProperty().get()).contains("前回処方");
    assertThat(vm.groups()).extracting(RpGroup::route).containsExactly(RouteKind.ORAL, RouteKind.AS_NEEDED);
    assertThat(vm.lines()).extracting(ChartRxViewModel.Line::text).anyMatch(t -> t.contains("ノルバスク"))
        .anyMatch(t -> t.contains("カロナール"));
    assertThat(history()).as("Do signs nothing").isEmpty();
    assertThat(vm.prescription().visitId()).isEqualTo(visitId);
    vm.sign();
    assertThat(history()).hasSize(1);
    assertThat(Optional.ofNullable(history().get(0).content()).map(Prescription::itemCount)).contains(2);
  }

  @Test
  void anAsNeededDuplicateAndARecordThatCouldNotBeCheckedAreShownInWordsAndNeedAnAcknowledgement() {
    // Another clinic's カロナール taken regularly (from the お薬手帳), and a notebook entry with no code at all.
    services.externalMedications().addFromMaster(doctor, 1, RxDemoDrugs.CALONAL, today.minusDays(3), 14, ExternalSource.NOTEBOOK,
        today.minusDays(3), "みなと内科");
    services.externalMedications().add(doctor, 1, "", "", "手帳の手書き薬名", today.minusDays(2), 30, ExternalSource.NOTEBOOK,
        today.minusDays(2));
    vm = viewModel(doctor);
    vm.addDrug(RxDemoDrugs.CALONAL);
    vm.setRoute(RouteKind.AS_NEEDED);
    vm.setDose("1");
    vm.setDays("5");

    assertThat(vm.findings()).extracting(r -> r.finding().kind(), r -> r.finding().level()).containsExactly(
        org.assertj.core.groups.Tuple.tuple(FindingKind.DUPLICATE, FindingLevel.CAUTION),
        org.assertj.core.groups.Tuple.tuple(FindingKind.UNCHECKED_RECORD, FindingLevel.INFO));
    assertThat(vm.findings().get(0).text()).contains("頓用").contains("頓用の側：今回の処方").contains("他院処方")
        .doesNotContain("PROPOSED");
    assertThat(vm.findings().get(1).text()).contains("確認できない記録").contains("手帳の手書き薬名");
    assertThat(vm.findings()).noneMatch(ChartRxViewModel.FindingRow::resolved);

    vm.sign();
    assertThat(vm.messageProperty().get()).contains("未対応");
    assertThat(history()).isEmpty();
    vm.findings().forEach(r -> vm.acknowledge(r.key(), true));
    vm.sign();
    assertThat(history()).singleElement().satisfies(r -> assertThat(r.overrides()).isEmpty());
  }
}
