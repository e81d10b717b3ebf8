package jp.tsumugi.ui.fx;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.text.Font;
import jp.tsumugi.print.Fonts;

/**
 * Registers the bundled Noto Sans JP with JavaFX, so every terminal (and the headless test
 * machine, which has no Japanese font at all) shows the same glyphs. Registering is global to the
 * toolkit, hence the once-only guard.
 */
public final class BundledFonts {
  private static final Logger LOG = Logger.getLogger(BundledFonts.class.getName());
  private static final AtomicBoolean LOADED = new AtomicBoolean();

  private BundledFonts() {
  }

  public static void load() {
    if (!LOADED.compareAndSet(false, true)) {
      return;
    }
    try (InputStream regular = Fonts.openRegular(); InputStream bold = Fonts.openBold()) {
      Font.loadFont(regular, 14);
      Font.loadFont(bold, 14);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "bundled font not loaded; falling back to system fonts: {0}", e.getClass().getSimpleName());
    }
  }
}
