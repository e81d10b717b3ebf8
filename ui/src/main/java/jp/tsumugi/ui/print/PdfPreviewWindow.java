package jp.tsumugi.ui.print;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import jp.tsumugi.ui.fx.I18n;

/**
 * The print preview (docs/adr/0032): the pages as images, page up/down, the warnings banner when characters were printed as 〓,
 * 印刷 (Ctrl+P) and 閉じる (Esc). Binds to a {@link PdfPreviewViewModel}.
 */
public final class PdfPreviewWindow {
  private final PdfPreviewViewModel vm;
  private final List<Image> pages;
  private final BorderPane root = new BorderPane();
  private Runnable onClose = () -> { };

  public PdfPreviewWindow(PdfPreviewViewModel vm, List<Image> pages, I18n i18n) {
    this.vm = vm;
    this.pages = List.copyOf(pages);
    build(i18n);
  }

  /** Page images converted for JavaFX (any thread may call this). */
  public static List<Image> images(List<BufferedImage> rendered) {
    List<Image> out = new ArrayList<>();
    for (BufferedImage b : rendered) {
      int w = b.getWidth();
      int h = b.getHeight();
      int[] argb = b.getRGB(0, 0, w, h, null, 0, w);
      WritableImage image = new WritableImage(w, h);
      image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
      out.add(image);
    }
    return out;
  }

  public Parent root() {
    return root;
  }

  /** Opens the preview as a window over {@code owner} (null for none). */
  public Stage show(Window owner, String title) {
    Stage stage = new Stage();
    if (owner != null) {
      stage.initOwner(owner);
      stage.initModality(Modality.WINDOW_MODAL);
    }
    stage.setTitle(title);
    Scene scene = new Scene(root, 900, 760);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().addAll(owner.getScene().getStylesheets());
    }
    attachKeys(scene);
    onClose = stage::close;
    stage.setScene(scene);
    stage.show();
    return stage;
  }

  /** Esc closes, Page Up/Down turn pages, Ctrl+P prints. */
  public void attachKeys(Scene scene) {
    KeyCombination printKey = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.ESCAPE) {
        onClose.run();
        e.consume();
      } else if (e.getCode() == KeyCode.PAGE_DOWN) {
        vm.next();
        e.consume();
      } else if (e.getCode() == KeyCode.PAGE_UP) {
        vm.previous();
        e.consume();
      } else if (printKey.match(e)) {
        vm.print();
        e.consume();
      }
    });
  }

  /** What Esc does when the root is shown by someone else (tests, an embedding window). */
  public void setOnClose(Runnable action) {
    this.onClose = action;
  }

  private void build(I18n i18n) {
    Label warnings = new Label();
    warnings.setId("printWarnings");
    warnings.setWrapText(true);
    warnings.textProperty().bind(vm.warningTextProperty());
    warnings.visibleProperty().bind(vm.warningTextProperty().isNotEmpty());
    warnings.managedProperty().bind(warnings.visibleProperty());
    warnings.setStyle("-fx-background-color: #fff3cd; -fx-text-fill: #5c4400; -fx-padding: 8; -fx-border-color: #e0c060;");
    warnings.setMaxWidth(Double.MAX_VALUE);

    Button previous = new Button(i18n.text("rx.print.previous"));
    previous.setId("previousPage");
    previous.setOnAction(e -> vm.previous());
    previous.disableProperty().bind(vm.pageProperty().isEqualTo(0));
    Button next = new Button(i18n.text("rx.print.next"));
    next.setId("nextPage");
    next.setOnAction(e -> vm.next());
    next.disableProperty().bind(vm.pageProperty().isEqualTo(vm.pageCount() - 1));
    Label page = new Label();
    page.setId("pageLabel");
    page.textProperty().bind(vm.pageTextProperty());
    Button print = new Button(i18n.text("rx.print.print"));
    print.setId("printButton");
    print.setDefaultButton(true);
    print.disableProperty().bind(vm.busyProperty());
    print.setOnAction(e -> vm.print());
    Button close = new Button(i18n.text("rx.print.close"));
    close.setId("closePreview");
    close.setCancelButton(true);
    close.setOnAction(e -> onClose.run());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(8, previous, page, next, spacer, print, close);
    bar.setAlignment(Pos.CENTER_LEFT);

    Label status = new Label();
    status.setId("printStatus");
    status.textProperty().bind(vm.statusTextProperty());
    Label error = new Label();
    error.setId("printError");
    error.setWrapText(true);
    error.setStyle("-fx-text-fill: #b00020; -fx-font-weight: bold;");
    error.textProperty().bind(vm.errorTextProperty());
    error.visibleProperty().bind(vm.errorTextProperty().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());

    VBox top = new VBox(6, bar, warnings, error, status);
    top.setPadding(new Insets(8));

    ImageView view = new ImageView();
    view.setId("pageImage");
    view.setPreserveRatio(true);
    view.setSmooth(true);
    view.setImage(pages.isEmpty() ? null : pages.get(0));
    vm.pageProperty().addListener((obs, was, now) -> view.setImage(pages.get(now.intValue())));
    StackPane paper = new StackPane(view);
    paper.setStyle("-fx-background-color: #808080; -fx-padding: 16;");
    ScrollPane scroll = new ScrollPane(paper);
    scroll.setFitToWidth(true);
    scroll.setId("pageScroll");
    // An A4 page at preview resolution is wider than the window: shrink to the viewport, never enlarge.
    Runnable fit = () -> {
      Image shown = view.getImage();
      double room = scroll.getViewportBounds().getWidth() - 32;
      view.setFitWidth(shown == null || room <= 0 ? 0 : Math.min(shown.getWidth(), room));
    };
    scroll.viewportBoundsProperty().addListener((obs, was, now) -> fit.run());
    view.imageProperty().addListener((obs, was, now) -> fit.run());
    root.setTop(top);
    root.setCenter(scroll);
  }
}
