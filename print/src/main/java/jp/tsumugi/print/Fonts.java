package jp.tsumugi.print;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The bundled Noto Sans JP (SIL Open Font License 1.1), static TrueType, placed on the class path by
 * the build (docs/adr/0006). Used by the UI and embedded in every PDF.
 */
public final class Fonts {
  static final String BASE = "/jp/tsumugi/print/fonts/";
  public static final String FAMILY = "Noto Sans JP";

  private Fonts() {
  }

  public static InputStream openRegular() throws IOException {
    return open("NotoSansJP-Regular.ttf");
  }

  public static InputStream openBold() throws IOException {
    return open("NotoSansJP-Bold.ttf");
  }

  /** The font's licence, shipped beside it. */
  public static String licenceText() {
    try (InputStream in = open("OFL.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = Fonts.class.getResourceAsStream(BASE + name);
    if (in == null) {
      throw new IOException("bundled font resource missing: " + name + " (the build fetches it; see docs/adr/0006)");
    }
    return in;
  }
}
