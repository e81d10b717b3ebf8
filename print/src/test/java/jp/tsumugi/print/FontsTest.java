package jp.tsumugi.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The bundled font is really Noto Sans JP, TrueType, with Japanese glyphs, and its licence ships with it. */
class FontsTest {
  @Test
  void regularAndBoldAreTrueTypeNotoSansJpWithJapaneseGlyphs() throws Exception {
    for (boolean bold : new boolean[] {false, true}) {
      byte[] bytes;
      try (InputStream in = bold ? Fonts.openBold() : Fonts.openRegular()) {
        bytes = in.readAllBytes();
      }
      assertThat(bytes).startsWith(0x00, 0x01, 0x00, 0x00);
      Font font = Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(bytes));
      assertThat(font.getFamily(java.util.Locale.ENGLISH)).isEqualTo(Fonts.FAMILY);
      assertThat(font.canDisplay('紡')).isTrue();
      assertThat(font.canDisplay('あ')).isTrue();
      assertThat(font.canDisplay('ア')).isTrue();
      assertThat(font.canDisplay('髙')).isTrue();
    }
  }

  @Test
  void theOpenFontLicenceShipsBesideTheFont() {
    assertThat(Fonts.licenceText()).contains("SIL Open Font License").contains("Version 1.1");
  }
}
