package jp.tsumugi.app.prescription;

import java.util.List;
import java.util.Objects;

/**
 * One 剤 (Rp): drugs taken together with one usage.
 *
 * @param route 内服/外用/頓服/注射
 * @param usageCode code in the clinic usage table
 * @param usageText the usage table text as signed (filled in at signing; later edits of the table do not change it)
 * @param usageNote free text added to the usage (e.g. 痛む時), chart text rules
 * @param days 日数 (null when not given; required for 内服)
 * @param times 回数 for 頓服 (null otherwise)
 * @param comment group comment
 * @param items the drugs, at least one
 */
public record RpGroup(RouteKind route, String usageCode, String usageText, String usageNote, Integer days, Integer times,
    String comment, List<RxItem> items) {
  public RpGroup {
    Objects.requireNonNull(route, "route");
    usageCode = usageCode == null ? "" : usageCode;
    usageText = usageText == null ? "" : usageText;
    usageNote = usageNote == null ? "" : usageNote;
    comment = comment == null ? "" : comment;
    items = List.copyOf(items);
  }

  /** A 内服 group: usage, days and drugs. */
  public static RpGroup oral(String usageCode, int days, RxItem... items) {
    return new RpGroup(RouteKind.ORAL, usageCode, "", "", days, null, "", List.of(items));
  }

  /** A 頓服 group: usage and times. */
  public static RpGroup asNeeded(String usageCode, int times, RxItem... items) {
    return new RpGroup(RouteKind.AS_NEEDED, usageCode, "", "", null, times, "", List.of(items));
  }

  public RpGroup withItems(List<RxItem> newItems) {
    return new RpGroup(route, usageCode, usageText, usageNote, days, times, comment, newItems);
  }

  public RpGroup withUsageText(String text) {
    return new RpGroup(route, usageCode, text, usageNote, days, times, comment, items);
  }

  /**
   * How many days from the start date this group counts as taken (docs/adr/0029, 0033): its days when given; for 頓服 without
   * days its times, but at least 14 (the doses may be at hand for a while; at most one a day is assumed); for 外用 without days
   * 14; for 注射 without days 1.
   */
  public int coveredDays() {
    if (days != null) {
      return days;
    }
    if (route == RouteKind.AS_NEEDED && times != null) {
      return Math.max(PrescriptionRules.DEFAULT_COVERED_DAYS, times);
    }
    return route == RouteKind.INJECTION ? 1 : PrescriptionRules.DEFAULT_COVERED_DAYS;
  }
}
