package jp.tsumugi.app.insurance;

import java.util.List;
import java.util.Map;

/**
 * Per-法別 rules for 公費 numbers (billing-rules.md §4.3, §4.4, §5.1): whether the 受給者番号 is required
 * and carries a check digit, and the priority order in which 公費 apply (第1公費, 第2公費 …).
 *
 * <p>National schemes (法別 10–79) use a 7-digit 受給者番号 with a check digit; this includes 生活保護 (12), whose
 * 医療券 carries a 受給者番号 with 検証番号. 地方単独公費 (法別 80–99) are defined per prefecture and municipality,
 * some without a check digit (the miyako tables flag it per scheme), so their 受給者番号 is optional and, when
 * given, only checked to be 7 digits. The payer number (公費負担者番号) always carries a check digit.
 */
public final class PublicExpenseRules {
  /** The rule for one 法別. */
  public record Rule(boolean recipientRequired, boolean recipientCheckDigit) {
  }

  private static final Rule NATIONAL = new Rule(true, true);
  private static final Rule LOCAL = new Rule(false, false);

  /** §4.4: national 公費 in this order; 地単 (80–99) after them, then anything unknown; 生保 (12) last of all. */
  private static final List<String> PRIORITY = List.of("13", "14", "18", "29", "30", "10", "11", "20", "21", "15", "16", "24",
      "22", "28", "17", "79", "19", "23", "52", "54", "51", "38", "53", "66", "62", "25", "12");

  /** Exceptions to the defaults; empty today, kept as the one place to add a scheme's rule. */
  private static final Map<String, Rule> SPECIAL = Map.of();

  private PublicExpenseRules() {
  }

  /** The rule for the 法別番号 (two digits). */
  public static Rule forLaw(String lawNumber) {
    Rule special = SPECIAL.get(lawNumber);
    if (special != null) {
      return special;
    }
    return isLocal(lawNumber) ? LOCAL : NATIONAL;
  }

  /** 地方単独公費: 法別 80 to 99. */
  public static boolean isLocal(String lawNumber) {
    return lawNumber.compareTo("80") >= 0 && lawNumber.compareTo("99") <= 0;
  }

  /**
   * Sort key for the order in which 公費 apply: lower first. 生活保護 (12) comes last of all (他法優先: every
   * other 公費, 地単 included, pays before it).
   */
  public static int priority(String lawNumber) {
    if ("12".equals(lawNumber)) {
      return 1000;
    }
    int i = PRIORITY.indexOf(lawNumber);
    if (i >= 0) {
      return i;
    }
    return isLocal(lawNumber) ? 100 + Integer.parseInt(lawNumber) : 200;
  }
}
