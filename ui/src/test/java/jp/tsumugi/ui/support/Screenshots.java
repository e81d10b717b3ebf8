package jp.tsumugi.ui.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Writes a PNG of a scene to target/screenshots, for a person to look at. */
public final class Screenshots {
  private Screenshots() {
  }

  public static Path write(Scene scene, String name) throws IOException {
    AtomicReference<WritableImage> image = new AtomicReference<>();
    WaitForAsyncUtils.asyncFx(() -> image.set(scene.snapshot(null)));
    WaitForAsyncUtils.waitForFxEvents();
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".png");
    ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile());
    return file.toAbsolutePath();
  }
}
