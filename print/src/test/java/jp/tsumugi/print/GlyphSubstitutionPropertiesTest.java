package jp.tsumugi.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import jp.tsumugi.app.testing.SampleSlips;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Whatever the text (any UTF-16 units, lone surrogates included), making it safe never throws and leaves only drawable text. */
class GlyphSubstitutionPropertiesTest {
  private static final FontFiles FONTS = FontFiles.bundled();
  private static final CmapLookup CMAP = cmap();

  private static CmapLookup cmap() {
    try (InputStream in = Fonts.openRegular()) {
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
      return ttf.getUnicodeCmapLookup();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().withCharRange('\u3000', '\u9FFF').withCharRange('\uD800', '\uDFFF').withCharRange('\uE000', '\uF8FF')
            .ofMaxLength(40));
  }

  @Property(tries = 500)
  void safeTextIsDrawableAndEveryReplacementIsReported(@ForAll("anyText") String text) throws IOException {
    try (PdfCanvas c = new PdfCanvas(FONTS, PDRectangle.A5, "t")) {
      c.newPage();
      String safe = c.safe(text, "patient.name", "");
      safe.codePoints().forEach(cp -> assertThat(CMAP.getGlyphId(cp)).as("U+%04X", cp).isPositive());
      long marksBefore = text.codePoints().filter(cp -> cp == 0x3013).count();
      long marksAfter = safe.codePoints().filter(cp -> cp == 0x3013).count();
      assertThat(marksAfter - marksBefore).isGreaterThanOrEqualTo(c.warnings().size());
      assertThat(c.warnings().isEmpty()).isEqualTo(marksAfter == marksBefore);
      c.text(10, 10, 8, false, safe);
      c.wrap(safe, 40, 8, false);
      assertThat(c.finish()).isNotEmpty();
    }
  }

  @Property(tries = 15)
  void aWholeSlipRendersWhateverThePatientsName(@ForAll("anyText") String name) {
    RenderedDocument doc = new PrescriptionPdf().slip(SampleSlips.withPatientName(name, SampleSlips.groups()));
    assertThat(doc.pages()).isEqualTo(1);
    List<GlyphWarning> warnings = doc.warnings();
    assertThat(warnings).allSatisfy(w -> assertThat(w.field()).isEqualTo("patient.name"));
  }
}
