package jp.tsumugi.print;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The bundled Noto Sans JP regular and bold, read once into memory; each document parses and subsets its own copy. */
final class FontFiles {
  private final byte[] regular;
  private final byte[] bold;

  private FontFiles(byte[] regular, byte[] bold) {
    this.regular = regular;
    this.bold = bold;
  }

  static FontFiles bundled() {
    try (InputStream r = Fonts.openRegular(); InputStream b = Fonts.openBold()) {
      return new FontFiles(r.readAllBytes(), b.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] regular() {
    return regular;
  }

  byte[] bold() {
    return bold;
  }
}
