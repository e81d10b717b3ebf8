package jp.tsumugi.app.chart;

import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * What a chart text field accepts: any Unicode text (emoji, 外字 as surrogate pairs, line breaks, tabs)
 * up to {@link #MAX_LENGTH} UTF-16 units; other control characters are refused, never stored.
 */
public final class ChartText {
  /** Longest field, in UTF-16 units (so also at most this many code points on PostgreSQL). */
  public static final int MAX_LENGTH = 200_000;

  private ChartText() {
  }

  /** Returns the text ({@code null} as empty) or throws TSU-9001 / TSU-9002 naming the field, never the text. */
  public static String check(String field, String text) {
    if (text == null) {
      return "";
    }
    if (text.length() > MAX_LENGTH) {
      throw new TsumugiException(ErrorCode.CHART_TEXT_TOO_LONG, field + ": " + text.length() + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isRefused(c)) {
        throw new TsumugiException(ErrorCode.CHART_TEXT_CONTROL_CHARACTER,
            field + ": U+" + String.format("%04X", (int) c) + " at index " + i);
      }
    }
    return text;
  }

  /** C0 and C1 controls except tab, line feed and carriage return; DEL. */
  static boolean isRefused(char c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
  }
}
