package jp.tsumugi.print;

import java.util.List;

/**
 * A rendered PDF: its bytes, its page count and the characters the font could not show (replaced by 〓).
 *
 * @param pdf the PDF file
 * @param pages number of pages
 * @param warnings one entry per field and code point replaced, in document order
 */
public record RenderedDocument(byte[] pdf, int pages, List<GlyphWarning> warnings) {
  public RenderedDocument {
    pdf = pdf.clone();
    warnings = List.copyOf(warnings);
  }

  @Override
  public byte[] pdf() {
    return pdf.clone();
  }
}
