package jp.tsumugi.app.prescription;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.tsumugi.app.chart.ChartText;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.DrugRecord;

/**
 * The checks a prescription passes before it is stored (docs/adr/0029). {@link #check} throws the first problem as a
 * TSU-93xx naming the group and item (and the drug code), never free text; it returns the prescription with the master's
 * names, YJ codes, units and 一般名 filled in and the usage texts taken from the usage table.
 */
public final class PrescriptionRules {
  /** Most 剤 in one prescription. */
  public static final int MAX_GROUPS = 30;
  /** Most drugs in one 剤. */
  public static final int MAX_ITEMS_PER_GROUP = 20;
  /** Most drugs in one prescription. */
  public static final int MAX_ITEMS = 100;
  /** Longest 日数 / 回数. */
  public static final int MAX_DAYS = 365;
  /** Most decimal places of a quantity. */
  public static final int MAX_SCALE = 3;
  /** Days a 頓服 or 外用 group without days counts as taken. */
  public static final int DEFAULT_COVERED_DAYS = 14;
  /** y column 14 (麻薬・毒薬・覚醒剤原料・向精神薬) values that exclude refill: 1 麻薬, 3 覚醒剤原料, 5 向精神薬. */
  static final Set<String> NO_REFILL_NARCOTIC_KINDS = Set.of("1", "3", "5");
  /** y column 36: 薬価基準収載年月日. */
  static final int LISTED_ON_COLUMN = 36;

  private PrescriptionRules() {
  }

  /** Checks {@code p} as prescribed on {@code date}; returns it completed from the master and the usage table. */
  public static Prescription check(Prescription p, LocalDate date, DrugLookup drugs, UsageTable usages) {
    if (p.groups().isEmpty()) {
      throw fail(ErrorCode.RX_EMPTY, "no groups");
    }
    if (p.groups().size() > MAX_GROUPS) {
      throw fail(ErrorCode.RX_TOO_MANY_GROUPS, p.groups().size() + " groups");
    }
    if (p.itemCount() > MAX_ITEMS) {
      throw fail(ErrorCode.RX_TOO_MANY_ITEMS, p.itemCount() + " drugs");
    }
    if (p.refills() != 0 && p.refills() != 2 && p.refills() != 3) {
      throw fail(ErrorCode.RX_REFILL_COUNT, "refills " + p.refills());
    }
    if (p.refills() > 0 && p.kind() != DispensingKind.OUTSIDE) {
      throw fail(ErrorCode.RX_REFILL_NOT_ALLOWED, "院内処方");
    }
    ChartText.check("prescription comment", p.comment());
    List<RpGroup> groups = new ArrayList<>();
    for (int g = 0; g < p.groups().size(); g++) {
      groups.add(checkGroup(p, g + 1, p.groups().get(g), date, drugs, usages));
    }
    return p.withGroups(groups);
  }

  private static RpGroup checkGroup(Prescription p, int g, RpGroup group, LocalDate date, DrugLookup drugs, UsageTable usages) {
    String where = "group " + g;
    if (group.items().isEmpty()) {
      throw fail(ErrorCode.RX_EMPTY, where + ": no drugs");
    }
    if (group.items().size() > MAX_ITEMS_PER_GROUP) {
      throw fail(ErrorCode.RX_TOO_MANY_ITEMS, where + ": " + group.items().size() + " drugs");
    }
    Usage usage = usages.usage(group.usageCode())
        .orElseThrow(() -> fail(ErrorCode.RX_USAGE_UNKNOWN, where + ": usage " + safeCode(group.usageCode())));
    boolean timingFits = switch (group.route()) {
      case ORAL -> usage.timing() == UsageTiming.DAILY;
      case AS_NEEDED -> usage.timing() == UsageTiming.AS_NEEDED;
      case TOPICAL, INJECTION -> true;
    };
    if (!timingFits) {
      throw fail(ErrorCode.RX_USAGE_TIMING, where + ": " + group.route() + " with usage " + usage.code());
    }
    if (group.route() == RouteKind.ORAL && group.days() == null) {
      throw fail(ErrorCode.RX_DAYS_RANGE, where + ": days missing");
    }
    if (group.days() != null && (group.days() < 1 || group.days() > MAX_DAYS)) {
      throw fail(ErrorCode.RX_DAYS_RANGE, where + ": days " + group.days());
    }
    if (group.route() == RouteKind.AS_NEEDED && group.times() == null) {
      throw fail(ErrorCode.RX_TIMES_RANGE, where + ": times missing");
    }
    if (group.times() != null && (group.route() != RouteKind.AS_NEEDED || group.times() < 1 || group.times() > MAX_DAYS)) {
      throw fail(ErrorCode.RX_TIMES_RANGE, where + ": times " + group.times());
    }
    ChartText.check(where + " usage note", group.usageNote());
    ChartText.check(where + " comment", group.comment());
    List<RxItem> items = new ArrayList<>();
    for (int i = 0; i < group.items().size(); i++) {
      items.add(checkItem(p, where + " item " + (i + 1), group.route(), group.items().get(i), date, drugs));
    }
    return group.withItems(items).withUsageText(usage.text());
  }

  private static RxItem checkItem(Prescription p, String where, RouteKind route, RxItem item, LocalDate date, DrugLookup drugs) {
    String code = item.drugCode();
    if (!code.matches("[0-9]{9}")) {
      throw fail(ErrorCode.RX_DRUG_UNKNOWN, where + ": not a 9-digit code");
    }
    DrugRecord drug = drugs.drug(code, date).orElseThrow(() -> fail(ErrorCode.RX_DRUG_UNKNOWN, where + ": " + code));
    if (!drug.validity().inForceOn(date)) {
      throw fail(ErrorCode.RX_DRUG_ABOLISHED, where + ": " + code + " on " + date);
    }
    checkQuantity(where + " dose", item.dose());
    checkQuantity(where + " per day", item.perDay());
    if (route == RouteKind.ORAL && item.perDay() == null || route == RouteKind.AS_NEEDED && item.dose() == null
        || item.dose() == null && item.perDay() == null) {
      throw fail(ErrorCode.RX_QUANTITY_MISSING, where + ": " + code);
    }
    if (item.generic() && blank(drug.genericNameCode())) {
      throw fail(ErrorCode.RX_GENERIC_UNAVAILABLE, where + ": " + code);
    }
    if (p.refills() > 0) {
      if (NO_REFILL_NARCOTIC_KINDS.contains(nullToEmpty(drug.narcoticKind()))) {
        throw fail(ErrorCode.RX_REFILL_NOT_ALLOWED, where + ": " + code + " narcotic kind " + drug.narcoticKind());
      }
      if (isNewDrug(drug, date)) {
        throw fail(ErrorCode.RX_REFILL_NOT_ALLOWED, where + ": " + code + " listed less than a year ago");
      }
    }
    ChartText.check(where + " comment", item.comment());
    return item.fromMaster(drug.name(), nullToEmpty(drug.yjCode()), nullToEmpty(drug.unit()), nullToEmpty(drug.genericNameCode()),
        nullToEmpty(drug.genericPrescriptionName()));
  }

  /**
   * 新薬: listed (y column 36, 薬価基準収載年月日) less than one year before {@code date}; 投与期間制限 applies until the end of
   * the month a year after listing, so refill is refused for them. A drug without a readable listing date is not new.
   */
  static boolean isNewDrug(DrugRecord drug, LocalDate date) {
    Optional<LocalDate> listed = listedOn(drug);
    return listed.isPresent() && date.isBefore(listed.get().plusYears(1).withDayOfMonth(1).plusMonths(1));
  }

  private static Optional<LocalDate> listedOn(DrugRecord drug) {
    if (drug.raw() == null || drug.raw().size() < LISTED_ON_COLUMN) {
      return Optional.empty();
    }
    String text = drug.raw().column(LISTED_ON_COLUMN).strip();
    if (!text.matches("[0-9]{8}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static void checkQuantity(String where, BigDecimal q) {
    if (q == null) {
      return;
    }
    if (q.signum() <= 0) {
      throw fail(ErrorCode.RX_QUANTITY_NOT_POSITIVE, where);
    }
    if (q.stripTrailingZeros().scale() > MAX_SCALE || q.compareTo(new BigDecimal("99999999")) > 0) {
      throw fail(ErrorCode.RX_QUANTITY_SCALE, where);
    }
  }

  /** The reason an override needs: 1-500 characters, chart text rules. */
  public static List<SafetyOverride> checkOverrides(List<SafetyOverride> overrides) {
    for (int i = 0; i < overrides.size(); i++) {
      SafetyOverride o = overrides.get(i);
      String reason = o.reason().strip();
      if (reason.isEmpty() || reason.length() > 500 || o.findingCode().isBlank() || o.findingCode().length() > 40
          || o.level().length() > 20 || o.drugCode().length() > 9) {
        throw fail(ErrorCode.RX_OVERRIDE_REASON_REQUIRED, "override " + (i + 1));
      }
      ChartText.check("override " + (i + 1) + " reason", reason);
    }
    return List.copyOf(overrides);
  }

  private static String safeCode(String code) {
    return code.matches("[A-Za-z0-9-]{0,8}") ? code : "(invalid)";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static TsumugiException fail(ErrorCode code, String detail) {
    return new TsumugiException(code, detail);
  }
}
