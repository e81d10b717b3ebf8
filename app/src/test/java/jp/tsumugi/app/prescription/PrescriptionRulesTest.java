package jp.tsumugi.app.prescription;

import static jp.tsumugi.app.testing.RealDrugs.CALONAL_200;
import static jp.tsumugi.app.testing.RealDrugs.LOXONIN_60;
import static jp.tsumugi.app.testing.RealDrugs.LOXONIN_PAP;
import static jp.tsumugi.app.testing.RealDrugs.MUCOSTA_100;
import static jp.tsumugi.app.testing.RealDrugs.NORVASC_5;
import static jp.tsumugi.app.testing.RealDrugs.TRIAZOLAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.ChangeKind;
import jp.tsumugi.app.master.DrugRecord;
import jp.tsumugi.app.master.RawRow;
import jp.tsumugi.app.master.Validity;
import jp.tsumugi.app.testing.RealDrugs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The checks before a prescription is stored, against real y master rows and the seeded usages. */
class PrescriptionRulesTest {
  static final LocalDate DATE = LocalDate.of(2024, 6, 3);

  /** The seeded usages that matter here. */
  static final class Usages implements UsageTable {
    private final Map<String, Usage> rows = new LinkedHashMap<>();

    Usages() {
      save(new Usage("1A", "1日1回朝食後", UsageTiming.DAILY, 1, 10));
      save(new Usage("3A", "1日3回毎食後", UsageTiming.DAILY, 3, 80));
      save(new Usage("PAIN", "疼痛時", UsageTiming.AS_NEEDED, 0, 210));
      save(new Usage("TOP1", "1日1回患部に貼付", UsageTiming.NONE, 0, 310));
    }

    @Override
    public List<Usage> usages() {
      return List.copyOf(rows.values());
    }

    @Override
    public Optional<Usage> usage(String code) {
      return Optional.ofNullable(rows.get(code));
    }

    @Override
    public void save(Usage usage) {
      rows.put(usage.code(), usage);
    }
  }

  static Prescription valid() {
    return new Prescription(1, DispensingKind.OUTSIDE, List.of(
        RpGroup.oral("3A", 14, RxItem.of(LOXONIN_60, "1", "3"), RxItem.of(MUCOSTA_100, "1", "3")),
        RpGroup.oral("1A", 28, RxItem.of(NORVASC_5, null, "1").asGeneric()),
        RpGroup.asNeeded("PAIN", 10, RxItem.of(CALONAL_200, "2", null)),
        new RpGroup(RouteKind.TOPICAL, "TOP1", "", "腰部", null, null, "", List.of(RxItem.of(LOXONIN_PAP, null, "1")))), 0, "");
  }

  private static Prescription change(int group, int item, RxItem replacement) {
    Prescription p = valid();
    List<RpGroup> groups = new ArrayList<>(p.groups());
    List<RxItem> items = new ArrayList<>(groups.get(group).items());
    items.set(item, replacement);
    groups.set(group, groups.get(group).withItems(items));
    return p.withGroups(groups);
  }

  private static Prescription group(int group, RpGroup replacement) {
    Prescription p = valid();
    List<RpGroup> groups = new ArrayList<>(p.groups());
    groups.set(group, replacement);
    return p.withGroups(groups);
  }

  private static Prescription refills(DispensingKind kind, int refills, Prescription base) {
    return new Prescription(base.visitId(), kind, base.groups(), refills, base.comment());
  }

  static Stream<Arguments> refused() {
    Prescription ordinaryOnly = new Prescription(1, DispensingKind.OUTSIDE, List.of(RpGroup.oral("1A", 28,
        RxItem.of(NORVASC_5, null, "1"))), 0, "");
    Prescription psychotropic = new Prescription(1, DispensingKind.OUTSIDE, List.of(RpGroup.oral("1A", 14,
        RxItem.of(NORVASC_5, null, "1")), RpGroup.oral("1A", 14, RxItem.of(TRIAZOLAM, null, "1"))), 0, "");
    List<RpGroup> thirtyOne = Collections.nCopies(31, RpGroup.oral("1A", 7, RxItem.of(NORVASC_5, null, "1")));
    RxItem[] twentyOne = Collections.nCopies(21, RxItem.of(NORVASC_5, null, "1")).toArray(RxItem[]::new);
    return Stream.of(
        Arguments.of("unknown drug code", change(0, 0, RxItem.of("699999999", "1", "3")), ErrorCode.RX_DRUG_UNKNOWN),
        Arguments.of("not a 9-digit code", change(0, 0, RxItem.of("12345", "1", "3")), ErrorCode.RX_DRUG_UNKNOWN),
        Arguments.of("zero per day", change(0, 0, RxItem.of(LOXONIN_60, "1", "0")), ErrorCode.RX_QUANTITY_NOT_POSITIVE),
        Arguments.of("negative dose", change(0, 0, RxItem.of(LOXONIN_60, "-1", "3")), ErrorCode.RX_QUANTITY_NOT_POSITIVE),
        Arguments.of("four decimals", change(0, 0, RxItem.of(LOXONIN_60, "1", "0.3333")), ErrorCode.RX_QUANTITY_SCALE),
        Arguments.of("oral without per day", change(0, 0, RxItem.of(LOXONIN_60, "1", null)), ErrorCode.RX_QUANTITY_MISSING),
        Arguments.of("as needed without dose", change(2, 0, RxItem.of(CALONAL_200, null, "2")), ErrorCode.RX_QUANTITY_MISSING),
        Arguments.of("days 0", group(0, RpGroup.oral("3A", 0, RxItem.of(LOXONIN_60, "1", "3"))), ErrorCode.RX_DAYS_RANGE),
        Arguments.of("days 366", group(0, RpGroup.oral("3A", 366, RxItem.of(LOXONIN_60, "1", "3"))), ErrorCode.RX_DAYS_RANGE),
        Arguments.of("oral without days", group(0, new RpGroup(RouteKind.ORAL, "3A", "", "", null, null, "",
            List.of(RxItem.of(LOXONIN_60, "1", "3")))), ErrorCode.RX_DAYS_RANGE),
        Arguments.of("as needed times 0", group(2, RpGroup.asNeeded("PAIN", 0, RxItem.of(CALONAL_200, "2", null))),
            ErrorCode.RX_TIMES_RANGE),
        Arguments.of("times on an oral group", group(0, new RpGroup(RouteKind.ORAL, "3A", "", "", 14, 3, "",
            List.of(RxItem.of(LOXONIN_60, "1", "3")))), ErrorCode.RX_TIMES_RANGE),
        Arguments.of("unknown usage", group(0, RpGroup.oral("ZZ", 14, RxItem.of(LOXONIN_60, "1", "3"))), ErrorCode.RX_USAGE_UNKNOWN),
        Arguments.of("oral with an as-needed usage", group(0, RpGroup.oral("PAIN", 14, RxItem.of(LOXONIN_60, "1", "3"))),
            ErrorCode.RX_USAGE_TIMING),
        Arguments.of("oral with a usage without timing", group(0, RpGroup.oral("TOP1", 14, RxItem.of(LOXONIN_60, "1", "3"))),
            ErrorCode.RX_USAGE_TIMING),
        Arguments.of("as needed with a daily usage", group(2, RpGroup.asNeeded("3A", 10, RxItem.of(CALONAL_200, "2", null))),
            ErrorCode.RX_USAGE_TIMING),
        Arguments.of("generic for a drug without 一般名コード", change(0, 1, RxItem.of(MUCOSTA_100, "1", "3").asGeneric()),
            ErrorCode.RX_GENERIC_UNAVAILABLE),
        Arguments.of("refill count 1", refills(DispensingKind.OUTSIDE, 1, ordinaryOnly), ErrorCode.RX_REFILL_COUNT),
        Arguments.of("refill count 4", refills(DispensingKind.OUTSIDE, 4, ordinaryOnly), ErrorCode.RX_REFILL_COUNT),
        Arguments.of("refill on 院内処方", refills(DispensingKind.INSIDE, 2, ordinaryOnly), ErrorCode.RX_REFILL_NOT_ALLOWED),
        Arguments.of("refill with a psychotropic", refills(DispensingKind.OUTSIDE, 3, psychotropic), ErrorCode.RX_REFILL_NOT_ALLOWED),
        Arguments.of("no groups", new Prescription(1, DispensingKind.OUTSIDE, List.of(), 0, ""), ErrorCode.RX_EMPTY),
        Arguments.of("a group without drugs", group(0, RpGroup.oral("3A", 14)), ErrorCode.RX_EMPTY),
        Arguments.of("31 groups", new Prescription(1, DispensingKind.OUTSIDE, thirtyOne, 0, ""), ErrorCode.RX_TOO_MANY_GROUPS),
        Arguments.of("21 drugs in a group", group(0, RpGroup.oral("1A", 7, twentyOne)), ErrorCode.RX_TOO_MANY_ITEMS),
        Arguments.of("control character in a comment", change(0, 0, RxItem.of(LOXONIN_60, "1", "3").withComment("a\u0007")),
            ErrorCode.CHART_TEXT_CONTROL_CHARACTER));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void aFaultyPrescriptionIsRefusedWithItsOwnCode(String name, Prescription p, ErrorCode expected) {
    assertThatThrownBy(() -> PrescriptionRules.check(p, DATE, new RealDrugs(), new Usages())).as(name)
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(expected));
  }

  @Test
  void aValidPrescriptionIsCompletedFromTheMasterAndTheUsageTable() {
    Prescription checked = PrescriptionRules.check(valid(), DATE, new RealDrugs(), new Usages());
    RxItem loxonin = checked.groups().get(0).items().get(0);
    assertThat(loxonin.name()).isEqualTo("ロキソニン錠６０ｍｇ");
    assertThat(loxonin.unit()).isEqualTo("錠");
    assertThat(loxonin.genericCode()).isEmpty();
    RxItem amlodipine = checked.groups().get(1).items().get(0);
    assertThat(amlodipine.genericCode()).isEqualTo("2171022F2ZZZ");
    assertThat(amlodipine.genericName()).isEqualTo("【般】アムロジピン錠５ｍｇ");
    assertThat(amlodipine.yjCode()).isEqualTo("2171022F2025");
    assertThat(checked.groups()).extracting(RpGroup::usageText).containsExactly("1日3回毎食後", "1日1回朝食後", "疼痛時", "1日1回患部に貼付");
    assertThat(checked.groups()).extracting(RpGroup::coveredDays).containsExactly(14, 28, 14, 14);
  }

  @Test
  void threeDecimalsAndTrailingZerosAreAccepted() {
    Prescription p = change(0, 0, RxItem.of(LOXONIN_60, "0.125", "0.37500"));
    RxItem item = PrescriptionRules.check(p, DATE, new RealDrugs(), new Usages()).groups().get(0).items().get(0);
    assertThat(item.perDay()).isEqualTo(new BigDecimal("0.37500"));
  }

  @Test
  void refillOf2Or3OnAnOutsidePrescriptionOfOrdinaryDrugsIsAccepted() {
    for (int n : new int[] {2, 3}) {
      Prescription p = new Prescription(1, DispensingKind.OUTSIDE, List.of(RpGroup.oral("1A", 28, RxItem.of(NORVASC_5, null, "1"))),
          n, "");
      assertThat(PrescriptionRules.check(p, DATE, new RealDrugs(), new Usages()).refills()).isEqualTo(n);
    }
  }

  @Test
  void aDrugAbolishedBeforeThePrescribingDateOrNotYetListedIsRefused() {
    DrugRecord norvasc = new RealDrugs().get(NORVASC_5);
    DrugRecord abolished = copy(norvasc, new Validity(LocalDate.of(2020, 4, 1), DATE.minusDays(1), ChangeKind.ABOLISHED), norvasc.raw());
    Prescription p = new Prescription(1, DispensingKind.OUTSIDE, List.of(RpGroup.oral("1A", 28, RxItem.of(NORVASC_5, null, "1"))),
        0, "");
    assertThatThrownBy(() -> PrescriptionRules.check(p, DATE, new RealDrugs().with(abolished), new Usages()))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.RX_DRUG_ABOLISHED));
    DrugRecord lastDay = copy(norvasc, new Validity(LocalDate.of(2020, 4, 1), DATE, ChangeKind.ABOLISHED), norvasc.raw());
    assertThat(PrescriptionRules.check(p, DATE, new RealDrugs().with(lastDay), new Usages()).groups()).hasSize(1);
    DrugRecord future = copy(norvasc, new Validity(DATE.plusDays(1), null, ChangeKind.NEW), norvasc.raw());
    assertThatThrownBy(() -> PrescriptionRules.check(p, DATE, new RealDrugs().with(future), new Usages()))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.RX_DRUG_ABOLISHED));
  }

  @Test
  void refillIsRefusedForADrugListedLessThanAYearAgo() {
    DrugRecord norvasc = new RealDrugs().get(NORVASC_5);
    List<String> columns = new ArrayList<>(norvasc.raw().columns());
    columns.set(PrescriptionRules.LISTED_ON_COLUMN - 1, "20230520");
    DrugRecord recent = copy(norvasc, norvasc.validity(), new RawRow(columns));
    Prescription p = new Prescription(1, DispensingKind.OUTSIDE, List.of(RpGroup.oral("1A", 28, RxItem.of(NORVASC_5, null, "1"))),
        2, "");
    // listed 2023-05-20: new until the end of May 2024; 2024-06-03 is past it
    assertThat(PrescriptionRules.check(p, DATE, new RealDrugs().with(recent), new Usages()).refills()).isEqualTo(2);
    assertThatThrownBy(() -> PrescriptionRules.check(p, LocalDate.of(2024, 5, 31), new RealDrugs().with(recent), new Usages()))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.RX_REFILL_NOT_ALLOWED));
  }

  @Test
  void anOverrideNeedsAReason() {
    assertThat(PrescriptionRules.checkOverrides(List.of(new SafetyOverride("DUPLICATE", "CAUTION", NORVASC_5, "他院処方終了済み"))))
        .hasSize(1);
    for (String reason : new String[] {"", "  ", "x".repeat(501)}) {
      assertThatThrownBy(() -> PrescriptionRules.checkOverrides(List.of(new SafetyOverride("DUPLICATE", "CAUTION", NORVASC_5, reason))))
          .isInstanceOfSatisfying(TsumugiException.class,
              e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.RX_OVERRIDE_REASON_REQUIRED));
    }
  }

  private static DrugRecord copy(DrugRecord d, Validity validity, RawRow raw) {
    return new DrugRecord(d.code(), d.name(), d.basicName(), d.kana(), d.unit(), d.price(), d.narcoticKind(), d.genericKind(),
        d.dosageForm(), d.yjCode(), d.genericNameCode(), d.genericPrescriptionName(), d.genericAdditionKind(), validity, raw);
  }
}
