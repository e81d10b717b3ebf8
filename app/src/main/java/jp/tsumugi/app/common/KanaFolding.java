package jp.tsumugi.app.common;

/**
 * The one folding applied to master names, kana and codes when they are indexed, and to what a
 * person types when they search, so that both sides meet in the same form (docs/adr/0011).
 *
 * <ul>
 *   <li>hiragana to katakana; half-width katakana to full-width, a following ﾞ or ﾟ (or ゛ ゜, or the
 *       combining marks U+3099/U+309A) merged into the voiced letter (ｶﾞ to ガ, ﾊﾟ to パ, ｳﾞ to ヴ);</li>
 *   <li>small kana to large (ァ to ア, ッ to ツ, ャ to ヤ, ヮ to ワ, ヵ to カ, ヶ to ケ);</li>
 *   <li>long-vowel marks, dashes and wave dashes dropped (ー ｰ － ‐ ― ～ 〜 and ASCII - ~);</li>
 *   <li>full-width ASCII to ASCII, letters upper-cased; spaces and middle dots (・ ･) dropped.</li>
 * </ul>
 *
 * <p>Every input character yields at most one output character, so the result is never longer than
 * the input; folding is idempotent. Kanji and everything else pass through unchanged. Unicode NFKC
 * is deliberately not used: it turns ㎎ into two letters, keeps ﾞ as a separate mark after some
 * letters and keeps ー, all of which would need undoing.
 */
public final class KanaFolding {
  /** Full-width forms of U+FF61..U+FF9F (half-width punctuation and katakana). */
  private static final String HALF_WIDTH_TO_FULL =
      "。「」、・ヲアイウエオヤユヨツーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜";
  private static final char VOICED_MARK = '゛';
  private static final char SEMI_VOICED_MARK = '゜';

  private KanaFolding() {
  }

  /** Folds {@code text}; {@code null} folds to the empty string. */
  public static String fold(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isDropped(c)) {
        continue;
      }
      char f = foldChar(c);
      if (f == VOICED_MARK || f == SEMI_VOICED_MARK) {
        int last = out.length() - 1;
        char merged = last >= 0 ? voice(out.charAt(last), f == VOICED_MARK) : 0;
        if (merged != 0) {
          out.setCharAt(last, merged);
          continue;
        }
      }
      out.append(f);
    }
    return out.toString();
  }

  private static boolean isDropped(char c) {
    switch (c) {
      case ' ':
      case '\t':
      case '\u3000':
      case 'ー':
      case 'ｰ':
      case '－':
      case '-':
      case '‐':
      case '‑':
      case '–':
      case '—':
      case '―':
      case '～':
      case '~':
      case '〜':
      case '・':
      case '･':
        return true;
      default:
        return false;
    }
  }

  private static char foldChar(char c) {
    if (c >= 'a' && c <= 'z') {
      return (char) (c - 'a' + 'A');
    }
    if (c >= '！' && c <= '～') {
      char ascii = (char) (c - 0xFEE0);
      return ascii >= 'a' && ascii <= 'z' ? (char) (ascii - 'a' + 'A') : ascii;
    }
    if (c >= '\uFF61' && c <= '\uFF9F') {
      return large(HALF_WIDTH_TO_FULL.charAt(c - 0xFF61));
    }
    if (c >= 'ぁ' && c <= 'ゖ') {
      return large((char) (c + 0x60));
    }
    if (c == 'ゝ' || c == 'ゞ') {
      return (char) (c + 0x60);
    }
    if (c == '\u3099') {
      return VOICED_MARK;
    }
    if (c == '\u309A') {
      return SEMI_VOICED_MARK;
    }
    return large(c);
  }

  /** Small katakana to large; anything else unchanged. */
  private static char large(char c) {
    switch (c) {
      case 'ァ':
      case 'ィ':
      case 'ゥ':
      case 'ェ':
      case 'ォ':
      case 'ッ':
      case 'ャ':
      case 'ュ':
      case 'ョ':
      case 'ヮ':
        return (char) (c + 1);
      case 'ヵ':
        return 'カ';
      case 'ヶ':
        return 'ケ';
      default:
        return c;
    }
  }

  /** The voiced (or semi-voiced) form of a full-width katakana letter, or 0 if it has none. */
  private static char voice(char c, boolean voiced) {
    if (voiced) {
      if (c == 'ウ') {
        return 'ヴ';
      }
      if (c == 'ワ') {
        return 'ヷ';
      }
      if (c == 'ヲ') {
        return 'ヺ';
      }
      if (c == 'ヽ') {
        return 'ヾ';
      }
      if (c >= 'カ' && c <= 'ト' && isUnvoicedKToT(c)) {
        return (char) (c + 1);
      }
    }
    if (c >= 'ハ' && c <= 'ホ' && (c - 'ハ') % 3 == 0) {
      return (char) (c + (voiced ? 1 : 2));
    }
    return 0;
  }

  /** カ..ト alternate unvoiced/voiced, except that ツ follows the small ッ (which folding has already enlarged). */
  private static boolean isUnvoicedKToT(char c) {
    if (c <= 'チ') {
      return (c - 'カ') % 2 == 0;
    }
    return c == 'ツ' || c == 'テ' || c == 'ト';
  }
}
