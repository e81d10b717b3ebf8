package jp.tsumugi.print;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One PDF being drawn, in millimetres from the top-left corner of the page, with the bundled font embedded as a subset
 * (PDType0Font). Every text goes through {@link #safe}: characters the font cannot show are replaced by {@link #REPLACEMENT} and
 * reported as {@link GlyphWarning}s (docs/adr/0032). Not thread-safe; one per document.
 */
final class PdfCanvas implements Closeable {
  /** Printed in place of a character the font cannot show: U+3013 GETA MARK, the customary mark for a missing kanji. */
  static final String REPLACEMENT = "\u3013";
  static final float MM = 72f / 25.4f;

  private final PDDocument document = new PDDocument();
  private final TrueTypeFont regularFile;
  private final TrueTypeFont boldFile;
  private final PDType0Font regular;
  private final PDType0Font bold;
  private final CmapLookup cmap;
  private final PDRectangle size;
  private final Set<GlyphWarning> warnings = new LinkedHashSet<>();
  private PDPageContentStream stream;
  private int pages;

  PdfCanvas(FontFiles fonts, PDRectangle size, String title) throws IOException {
    this.size = size;
    this.regularFile = new TTFParser().parse(new RandomAccessReadBuffer(fonts.regular()));
    this.boldFile = new TTFParser().parse(new RandomAccessReadBuffer(fonts.bold()));
    this.regular = PDType0Font.load(document, regularFile, true);
    this.bold = PDType0Font.load(document, boldFile, true);
    this.cmap = regularFile.getUnicodeCmapLookup();
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(title);
    info.setCreator("Tsumugi");
  }

  float widthMm() {
    return size.getWidth() / MM;
  }

  float heightMm() {
    return size.getHeight() / MM;
  }

  int pages() {
    return pages;
  }

  void newPage() throws IOException {
    if (stream != null) {
      stream.close();
    }
    PDPage page = new PDPage(size);
    document.addPage(page);
    stream = new PDPageContentStream(document, page);
    stream.setLineWidth(0.6f);
    pages++;
  }

  /**
   * The text with every character the font cannot show replaced by 〓 and reported once per field, location and code point: a
   * code point outside the font, a private-use character (外字: its meaning is vendor-specific), an unpaired surrogate, a control
   * character. Line breaks and tabs become spaces; variation selectors and joiners the font lacks are dropped silently.
   */
  String safe(String text, String field, String location) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int cp;
      int step;
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        cp = Character.toCodePoint(c, text.charAt(i + 1));
        step = 2;
      } else {
        cp = c;
        step = 1;
      }
      i += step;
      if (cp == '\n' || cp == '\r' || cp == '\t') {
        out.append(' ');
      } else if (silentlyDropped(cp) && cmap.getGlyphId(cp) == 0) {
        continue;
      } else if (Character.isSurrogate((char) cp) && step == 1 || Character.isISOControl(cp) || privateUse(cp)
          || cmap.getGlyphId(cp) == 0) {
        warnings.add(new GlyphWarning(field, location, cp));
        out.append(REPLACEMENT);
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  private static boolean silentlyDropped(int cp) {
    return cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF || cp == 0x200D || cp == 0x200C;
  }

  private static boolean privateUse(int cp) {
    return cp >= 0xE000 && cp <= 0xF8FF || cp >= 0xF0000;
  }

  /** Draws already safe text with its baseline at {@code yMm} from the top. */
  void text(float xMm, float yMm, float points, boolean heavy, String safeText) throws IOException {
    if (safeText.isEmpty()) {
      return;
    }
    stream.beginText();
    stream.setFont(heavy ? bold : regular, points);
    stream.newLineAtOffset(xMm * MM, size.getHeight() - yMm * MM);
    stream.showText(safeText);
    stream.endText();
  }

  /** Makes the text safe for {@code field} and draws it. */
  void text(float xMm, float yMm, float points, boolean heavy, String raw, String field, String location) throws IOException {
    text(xMm, yMm, points, heavy, safe(raw, field, location));
  }

  /** Draws safe text centred on {@code centreMm}. */
  void centred(float centreMm, float yMm, float points, boolean heavy, String safeText) throws IOException {
    text(centreMm - width(safeText, points, heavy) / 2, yMm, points, heavy, safeText);
  }

  /** Width of safe text in millimetres. */
  float width(String safeText, float points, boolean heavy) throws IOException {
    return (heavy ? bold : regular).getStringWidth(safeText) / 1000f * points / MM;
  }

  /** Safe text broken into lines no wider than {@code widthMm} (by character: Japanese has no spaces to break at). */
  List<String> wrap(String safeText, float widthMm, float points, boolean heavy) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int i = 0;
    while (i < safeText.length()) {
      int cp = safeText.codePointAt(i);
      String next = line.toString() + new String(Character.toChars(cp));
      if (line.length() > 0 && width(next, points, heavy) > widthMm) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  void rect(float xMm, float yMm, float wMm, float hMm) throws IOException {
    stream.addRect(xMm * MM, size.getHeight() - (yMm + hMm) * MM, wMm * MM, hMm * MM);
    stream.stroke();
  }

  void line(float x1, float y1, float x2, float y2) throws IOException {
    stream.moveTo(x1 * MM, size.getHeight() - y1 * MM);
    stream.lineTo(x2 * MM, size.getHeight() - y2 * MM);
    stream.stroke();
  }

  /** A circle (to mark 男/女 or 被保険者/被扶養者 as on the paper form). */
  void circle(float cxMm, float cyMm, float rMm) throws IOException {
    float cx = cxMm * MM;
    float cy = size.getHeight() - cyMm * MM;
    float r = rMm * MM;
    float k = 0.5523f * r;
    stream.moveTo(cx + r, cy);
    stream.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    stream.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    stream.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    stream.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    stream.stroke();
  }

  /** A row of digit boxes, one character per box (保険者番号, 医療機関コード …); extra characters are not drawn. */
  void digitBoxes(float xMm, float yMm, float boxMm, float hMm, int count, String safeDigits, float points) throws IOException {
    for (int i = 0; i < count; i++) {
      float x = xMm + i * boxMm;
      rect(x, yMm, boxMm, hMm);
      if (i < safeDigits.length()) {
        String d = safeDigits.substring(i, i + 1);
        centred(x + boxMm / 2, yMm + hMm / 2 + points * 0.35f / MM, points, false, d);
      }
    }
  }

  List<GlyphWarning> warnings() {
    return List.copyOf(warnings);
  }

  byte[] finish() throws IOException {
    if (stream != null) {
      stream.close();
      stream = null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    try {
      if (stream != null) {
        stream.close();
      }
      document.close();
    } finally {
      regularFile.close();
      boldFile.close();
    }
  }
}
