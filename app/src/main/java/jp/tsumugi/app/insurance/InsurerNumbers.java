package jp.tsumugi.app.insurance;

/**
 * Check digits (検証番号) of 保険者番号 (8 digits; 国保 6), 公費負担者番号 (8) and 公費受給者番号 (7).
 * From the rightmost digit before the check digit, weights 2, 1, 2, 1 …; two-digit products add
 * their digits; check digit = (10 − sum mod 10) mod 10. Source: billing-rules.md §5.1 (confirmed
 * against 01130012 協会けんぽ東京, 12143210, 85144004, 83123067 and 受給者 1111111).
 */
public final class InsurerNumbers {
  private InsurerNumbers() {
  }

  /** The check digit for the given digits (without the check digit). */
  public static int checkDigit(String body) {
    if (body == null || body.isEmpty() || !body.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("digits expected");
    }
    int sum = 0;
    int weight = 2;
    for (int i = body.length() - 1; i >= 0; i--) {
      int product = (body.charAt(i) - '0') * weight;
      sum += product / 10 + product % 10;
      weight = weight == 2 ? 1 : 2;
    }
    return (10 - sum % 10) % 10;
  }

  /** True for a 6- or 8-digit 保険者番号 whose last digit is its check digit. */
  public static boolean isValidInsurerNumber(String number) {
    return number != null && (number.length() == 6 || number.length() == 8) && hasValidCheckDigit(number);
  }

  /** True for an 8-digit 公費負担者番号 with a valid check digit. */
  public static boolean isValidPublicPayerNumber(String number) {
    return number != null && number.length() == 8 && hasValidCheckDigit(number);
  }

  /** True for a 7-digit 公費受給者番号 with a valid check digit. */
  public static boolean isValidRecipientNumber(String number) {
    return number != null && number.length() == 7 && hasValidCheckDigit(number);
  }

  /** Appends the check digit to the body. */
  public static String withCheckDigit(String body) {
    return body + checkDigit(body);
  }

  private static boolean hasValidCheckDigit(String number) {
    if (!number.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    String body = number.substring(0, number.length() - 1);
    return checkDigit(body) == number.charAt(number.length() - 1) - '0';
  }
}
