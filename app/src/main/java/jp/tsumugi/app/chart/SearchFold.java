package jp.tsumugi.app.chart;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The text folding behind stamp keywords and chart search (docs/adr/0027). {@link #keyword} is NFKC and
 * lower case ("ｶｾﾞ" and "カゼ" are one keyword, "HTN" and "ｈｔｎ" too). {@link #fold} adds katakana to
 * hiragana, so "カロナール", "ｶﾛﾅｰﾙ" and "かろなーる" all match each other, and it keeps, for every folded
 * character, where it came from in the original text, so hits can be highlighted in the original.
 *
 * <p>Folding works on segments: a code point and the code points after it that NFKC turns into combining
 * marks (a half-width ﾞ after ｶ): such a segment is normalised as a whole, so ｶﾞ becomes が, one folded
 * character spanning two original ones. Everything else folds one code point at a time through a table.
 */
public final class SearchFold {
  /** Table mark: this BMP character needs the segment path. */
  private static final char SLOW = '\uFFFF';
  /** For each BMP character: its folded character, or {@link #SLOW}. */
  private static final char[] SIMPLE = new char[0x10000];
  /** For each BMP character: whether NFKC turns it into a combining mark (joins the segment before it). */
  private static final boolean[] JOINS = new boolean[0x10000];

  static {
    for (int c = 0; c < 0x10000; c++) {
      char ch = (char) c;
      if (Character.isSurrogate(ch)) {
        SIMPLE[c] = SLOW;
        continue;
      }
      String n = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFKC);
      JOINS[c] = !n.isEmpty() && isMark(n.charAt(0));
      String lower = n.toLowerCase(Locale.ROOT);
      SIMPLE[c] = lower.length() == 1 && !JOINS[c] && !isMark(lower.charAt(0)) ? kana(lower.charAt(0)) : SLOW;
    }
  }

  /** Folded text with, for each folded char, the original range [start, end) it came from. */
  public record Mapped(String text, int[] start, int[] end) {
    /** The original range of the folded range [from, to), to &gt; from. */
    public int originalStart(int from) {
      return start[from];
    }

    public int originalEnd(int to) {
      return end[to - 1];
    }
  }

  private SearchFold() {
  }

  /** A stamp keyword's key: NFKC, lower case, surrounding white space removed. */
  public static String keyword(String text) {
    return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
  }

  /** The folded text (NFKC, lower case, katakana as hiragana), without the position map. */
  public static String fold(String text) {
    return run(text, false).text();
  }

  /** The folded text and, per folded char, its original range. */
  public static Mapped foldMapped(String text) {
    return run(text, true);
  }

  private static Mapped run(String text, boolean map) {
    int n = text.length();
    StringBuilder out = new StringBuilder(n);
    int[] start = map ? new int[n + 8] : null;
    int[] end = map ? new int[n + 8] : null;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      int next = i + 1;
      if (SIMPLE[c] != SLOW && (next >= n || !joins(text, next))) {
        if (map) {
          start = grow(start, out.length());
          end = grow(end, out.length());
          start[out.length()] = i;
          end[out.length()] = next;
        }
        out.append(SIMPLE[c]);
        i = next;
        continue;
      }
      int j = i + Character.charCount(text.codePointAt(i));
      while (j < n && joins(text, j)) {
        j += Character.charCount(text.codePointAt(j));
      }
      String segment = Normalizer.normalize(text.substring(i, j), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
      for (int k = 0; k < segment.length(); k++) {
        if (map) {
          start = grow(start, out.length());
          end = grow(end, out.length());
          start[out.length()] = i;
          end[out.length()] = j;
        }
        out.append(kana(segment.charAt(k)));
      }
      i = j;
    }
    return new Mapped(out.toString(), start, end);
  }

  private static boolean joins(String text, int at) {
    char c = text.charAt(at);
    if (!Character.isHighSurrogate(c)) {
      return JOINS[c];
    }
    int cp = text.codePointAt(at);
    String n = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
    return !n.isEmpty() && isMark(n.charAt(0));
  }

  private static int[] grow(int[] array, int index) {
    if (index < array.length) {
      return array;
    }
    int[] bigger = new int[array.length * 2 + 8];
    System.arraycopy(array, 0, bigger, 0, array.length);
    return bigger;
  }

  private static boolean isMark(char c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
  }

  /** Katakana ァ..ヶ and ヽヾ to their hiragana; everything else unchanged. */
  private static char kana(char c) {
    if (c >= '\u30A1' && c <= '\u30F6' || c == '\u30FD' || c == '\u30FE') {
      return (char) (c - 0x60);
    }
    return c;
  }
}
