package jp.tsumugi.app.prescription;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import jp.tsumugi.app.chart.ChartText;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * The text of a prescription stamp (docs/adr/0031): Rp groups as codes and quantities, one line each, under a version line.
 * Names, units and 一般名 are not stored: they come from the drug master on the day the stamp is used.
 *
 * <pre>
 * tsumugi-rx-stamp 1
 * G|ORAL|3A|usage note|7||group comment
 * I|620098801|1|1|3|0|0|0|item comment
 * </pre>
 * G: route, usage code, usage note, days, times, comment. I: drug code, 一般名 (0/1), dose, per day, 変更不可, 患者希望, 選定療養,
 * comment. Free text is percent-escaped ({@code %}, {@code |}, CR, LF). {@link #decode} refuses anything else with
 * {@link ErrorCode#RX_STAMP_INVALID} naming the line, never the text.
 */
public final class PrescriptionStampCodec {
  /** The first line of version 1. */
  public static final String HEADER = "tsumugi-rx-stamp 1";
  /** Longest stamp text (the stamp body's limit). */
  public static final int MAX_LENGTH = 10_000;

  private PrescriptionStampCodec() {
  }

  /** The stamp text of {@code groups}. */
  public static String encode(List<RpGroup> groups) {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (RpGroup g : groups) {
      b.append("G|").append(g.route()).append('|').append(g.usageCode()).append('|').append(escape(g.usageNote())).append('|')
          .append(g.days() == null ? "" : g.days()).append('|').append(g.times() == null ? "" : g.times()).append('|')
          .append(escape(g.comment())).append('\n');
      for (RxItem i : g.items()) {
        b.append("I|").append(i.drugCode()).append('|').append(i.generic() ? '1' : '0').append('|')
            .append(i.dose() == null ? "" : i.dose().toPlainString()).append('|')
            .append(i.perDay() == null ? "" : i.perDay().toPlainString()).append('|').append(i.noSubstitution() ? '1' : '0')
            .append('|').append(i.patientRequest() ? '1' : '0').append('|').append(i.selectedCare() ? '1' : '0').append('|')
            .append(escape(i.comment())).append('\n');
      }
    }
    return b.toString();
  }

  /** The Rp groups of a stamp text; names and units are empty until the master fills them. */
  public static List<RpGroup> decode(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
      throw fail("length " + (text == null ? 0 : text.length()));
    }
    String[] lines = text.split("\r\n|\n", -1);
    if (!lines[0].equals(HEADER)) {
      throw fail("line 1: not a version 1 header");
    }
    List<RpGroup> groups = new ArrayList<>();
    RpGroup current = null;
    List<RxItem> items = new ArrayList<>();
    for (int n = 1; n < lines.length; n++) {
      String line = lines[n];
      String where = "line " + (n + 1);
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\\|", -1);
      if (f[0].equals("G") && f.length == 7) {
        if (current != null) {
          groups.add(finish(current, items, where));
        }
        if (groups.size() >= PrescriptionRules.MAX_GROUPS) {
          throw fail(where + ": too many groups");
        }
        current = new RpGroup(route(f[1], where), usage(f[2], where), "", text(f[3], where), count(f[4], where), count(f[5], where),
            text(f[6], where), List.of());
        items = new ArrayList<>();
      } else if (f[0].equals("I") && f.length == 9 && current != null) {
        if (items.size() >= PrescriptionRules.MAX_ITEMS_PER_GROUP) {
          throw fail(where + ": too many drugs in a group");
        }
        if (!f[1].matches("[0-9]{9}")) {
          throw fail(where + ": drug code");
        }
        RxItem item = new RxItem(f[1], "", "", flag(f[2], where), "", "", quantity(f[3], where), quantity(f[4], where), "",
            flag(f[5], where), flag(f[6], where), flag(f[7], where), text(f[8], where));
        items.add(item);
      } else {
        throw fail(where + ": not a G or I line");
      }
    }
    if (current == null) {
      throw fail("no groups");
    }
    groups.add(finish(current, items, "end"));
    return List.copyOf(groups);
  }

  private static RpGroup finish(RpGroup group, List<RxItem> items, String where) {
    if (items.isEmpty()) {
      throw fail(where + ": a group without drugs");
    }
    return group.withItems(items);
  }

  private static RouteKind route(String s, String where) {
    for (RouteKind k : RouteKind.values()) {
      if (k.name().equals(s)) {
        return k;
      }
    }
    throw fail(where + ": route");
  }

  private static String usage(String s, String where) {
    if (!s.matches("[A-Z0-9-]{0,8}")) {
      throw fail(where + ": usage code");
    }
    return s;
  }

  private static Integer count(String s, String where) {
    if (s.isEmpty()) {
      return null;
    }
    if (!s.matches("[0-9]{1,3}")) {
      throw fail(where + ": days or times");
    }
    int n = Integer.parseInt(s);
    if (n < 1 || n > PrescriptionRules.MAX_DAYS) {
      throw fail(where + ": days or times out of range");
    }
    return n;
  }

  private static BigDecimal quantity(String s, String where) {
    if (s.isEmpty()) {
      return null;
    }
    if (!s.matches("[0-9]{1,8}(\\.[0-9]{1,3})?")) {
      throw fail(where + ": quantity");
    }
    BigDecimal q = new BigDecimal(s);
    if (q.signum() <= 0) {
      throw fail(where + ": quantity not positive");
    }
    return q;
  }

  private static boolean flag(String s, String where) {
    if (s.equals("1")) {
      return true;
    }
    if (s.equals("0")) {
      return false;
    }
    throw fail(where + ": flag");
  }

  private static String text(String s, String where) {
    String t = unescape(s, where);
    try {
      return ChartText.check("stamp", t);
    } catch (TsumugiException e) {
      throw fail(where + ": text " + e.errorCode().code());
    }
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '%' -> b.append("%25");
        case '|' -> b.append("%7C");
        case '\n' -> b.append("%0A");
        case '\r' -> b.append("%0D");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static String unescape(String s, String where) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '%') {
        b.append(c);
        continue;
      }
      String code = i + 3 <= s.length() ? s.substring(i + 1, i + 3) : "";
      switch (code) {
        case "25" -> b.append('%');
        case "7C" -> b.append('|');
        case "0A" -> b.append('\n');
        case "0D" -> b.append('\r');
        default -> throw fail(where + ": escape");
      }
      i += 2;
    }
    return b.toString();
  }

  private static TsumugiException fail(String detail) {
    return new TsumugiException(ErrorCode.RX_STAMP_INVALID, detail);
  }
}
