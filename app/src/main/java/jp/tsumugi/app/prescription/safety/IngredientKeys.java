package jp.tsumugi.app.prescription.safety;

import java.util.regex.Pattern;

/** The ingredient key of a drug: the first 7 characters of its YJ code (same ingredient and route, billing-rules §6). */
public final class IngredientKeys {
  private static final Pattern KEY = Pattern.compile("[0-9]{4}[0-9A-Z]{3}");

  private IngredientKeys() {
  }

  /** YJ first 7 of a YJ code or 一般名コード, or "" when the code is too short or malformed. */
  public static String of(String yjOrGenericCode) {
    if (yjOrGenericCode == null || yjOrGenericCode.length() < 7) {
      return "";
    }
    String key = yjOrGenericCode.substring(0, 7);
    return KEY.matcher(key).matches() ? key : "";
  }

  /** Whether {@code key} has the form of an ingredient key (4 digits, 3 digits or capitals). */
  public static boolean isKey(String key) {
    return key != null && KEY.matcher(key).matches();
  }
}
