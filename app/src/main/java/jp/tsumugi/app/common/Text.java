package jp.tsumugi.app.common;

/** Small text normalisations used by input fields. */
public final class Text {
  private Text() {
  }

  /** Full-width digits (０-９) and the full-width hyphen to ASCII. */
  public static String toHalfWidthDigits(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '０' && c <= '９') {
        out.append((char) (c - '０' + '0'));
      } else if (c == '－' || c == '‐') {
        out.append('-');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
