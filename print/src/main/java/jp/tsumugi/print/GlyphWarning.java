package jp.tsumugi.print;

import java.util.Locale;

/**
 * A character the bundled font cannot show (outside Noto Sans JP, a private-use character, an unpaired surrogate) that was
 * printed as {@link PdfCanvas#REPLACEMENT} instead. Carries the field and the code point only, never the text around it, so it
 * may be logged and shown.
 *
 * @param field which field (e.g. {@code patient.name}, {@code rp.drug}, {@code remarks})
 * @param location where in the document ({@code Rp2}, a drug number) or '' for a single field
 * @param codePoint the code point replaced (an unpaired surrogate is its own UTF-16 unit)
 */
public record GlyphWarning(String field, String location, int codePoint) {
  public GlyphWarning {
    location = location == null ? "" : location;
  }

  /** {@code U+1F637}. */
  public String codePointLabel() {
    return String.format(Locale.ROOT, "U+%04X", codePoint);
  }

  /** {@code patient.name U+1F637} or {@code rp.drug (Rp2) U+E000}: for logs and the command line. */
  @Override
  public String toString() {
    return field + (location.isEmpty() ? "" : " (" + location + ")") + " " + codePointLabel();
  }
}
