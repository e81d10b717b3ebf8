package jp.tsumugi.ui.fx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * The one FXML loader. Controllers are created by the composition root and registered here; an
 * FXML naming a controller nobody registered fails at once instead of being reflectively made.
 */
public final class ViewLoader {
  private final I18n i18n;

  public ViewLoader(I18n i18n) {
    this.i18n = i18n;
  }

  /** A loaded view: its root node and the controller that binds it. */
  public record Loaded<C>(Parent root, C controller) {
  }

  public <C> Loaded<C> load(String fxml, Class<C> controllerType, Supplier<C> controllerFactory) {
    URL url = ViewLoader.class.getResource("/jp/tsumugi/ui/view/" + fxml);
    if (url == null) {
      throw new IllegalStateException("missing view " + fxml);
    }
    C controller = controllerFactory.get();
    Map<Class<?>, Object> registered = Map.of(controllerType, controller);
    FXMLLoader loader = new FXMLLoader(url, i18n.bundle());
    loader.setControllerFactory(type -> {
      Object c = registered.get(type);
      if (c == null) {
        throw new IllegalStateException("controller " + type.getName() + " not registered for " + fxml);
      }
      return c;
    });
    try {
      Parent root = loader.load();
      return new Loaded<>(root, controller);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load view " + fxml, e);
    }
  }
}
