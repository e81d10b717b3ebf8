package jp.tsumugi.ui.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import jp.tsumugi.ui.fx.I18n;

/**
 * The main window, built in code (a shell of navigation, content and status bar). It only binds to
 * {@link MainViewModel}; section contents are created on first visit and kept, so typed but unsaved
 * text survives switching sections and the screen lock.
 */
public final class MainView {
  private final MainViewModel viewModel;
  private final I18n i18n;
  private final Map<Section, Supplier<Node>> contentFactories;
  private final Map<Section, Node> contents = new EnumMap<>(Section.class);
  private final StackPane root = new StackPane();
  private final StackPane content = new StackPane();
  private final Timeline statusRefresh;

  public MainView(MainViewModel viewModel, I18n i18n, Map<Section, Supplier<Node>> contentFactories, Node lockOverlay,
      Runnable onLock) {
    this.viewModel = viewModel;
    this.i18n = i18n;
    this.contentFactories = contentFactories;

    BorderPane frame = new BorderPane();
    frame.setTop(header(onLock));
    frame.setLeft(navigation());
    content.getStyleClass().add("content");
    content.setId("content");
    frame.setCenter(content);
    frame.setBottom(statusBar());
    root.getChildren().addAll(frame, lockOverlay);
    root.getStyleClass().add("main-root");

    viewModel.sectionProperty().addListener((obs, old, now) -> show(now));
    show(viewModel.sectionProperty().get());
    statusRefresh = new Timeline(new KeyFrame(Duration.seconds(30), e -> viewModel.refreshStatus()));
    statusRefresh.setCycleCount(Timeline.INDEFINITE);
    statusRefresh.play();
    viewModel.refreshStatus();
  }

  public Parent root() {
    return root;
  }

  public void dispose() {
    statusRefresh.stop();
  }

  private Node header(Runnable onLock) {
    Label title = new Label(i18n.text("app.title"));
    title.getStyleClass().add("app-title-small");
    Label clinic = new Label();
    clinic.setId("headerClinic");
    clinic.textProperty().bind(viewModel.clinicStatusProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Button lock = new Button(i18n.text("main.lock"));
    lock.setId("lockButton");
    lock.setOnAction(e -> onLock.run());
    Button logout = new Button(i18n.text("main.logout"));
    logout.setId("logoutButton");
    logout.setOnAction(e -> viewModel.logout());
    HBox header = new HBox(12, title, clinic, spacer, lock, logout);
    header.setAlignment(Pos.CENTER_LEFT);
    header.getStyleClass().add("header");
    header.setPadding(new Insets(8, 12, 8, 12));
    return header;
  }

  private Node navigation() {
    VBox nav = new VBox(4);
    nav.getStyleClass().add("nav");
    nav.setPadding(new Insets(10));
    ToggleGroup group = new ToggleGroup();
    for (Section section : Section.values()) {
      ToggleButton button = new ToggleButton(section.functionKey().getName() + "  " + i18n.text(section.bundleKey()));
      button.setId("nav-" + section.name().toLowerCase(java.util.Locale.ROOT));
      button.setToggleGroup(group);
      button.setMaxWidth(Double.MAX_VALUE);
      button.setSelected(viewModel.sectionProperty().get() == section);
      button.setOnAction(e -> {
        viewModel.select(section);
        button.setSelected(true);
      });
      viewModel.sectionProperty().addListener((obs, old, now) -> button.setSelected(now == section));
      nav.getChildren().add(button);
    }
    return nav;
  }

  private Node statusBar() {
    Label user = boundLabel("statusUser", viewModel.userStatusProperty());
    Label clinic = boundLabel("statusClinic", viewModel.clinicStatusProperty());
    Label connectivity = boundLabel("statusConnectivity", viewModel.connectivityStatusProperty());
    Label outbox = boundLabel("statusOutbox", viewModel.outboxStatusProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label keys = new Label(i18n.text("status.keys"));
    HBox bar = new HBox(18, user, clinic, connectivity, outbox, spacer, keys);
    bar.getStyleClass().add("status-bar");
    bar.setPadding(new Insets(4, 12, 4, 12));
    return bar;
  }

  private static Label boundLabel(String id, javafx.beans.value.ObservableValue<String> text) {
    Label label = new Label();
    label.setId(id);
    label.textProperty().bind(text);
    return label;
  }

  private void show(Section section) {
    Node node = contents.computeIfAbsent(section, s -> contentFactories.getOrDefault(s, () -> placeholder(s)).get());
    content.getChildren().setAll(node);
  }

  /** A section not built yet says what it will hold; nothing pretends to work. */
  Node placeholder(Section section) {
    Label title = new Label(i18n.text(section.bundleKey()));
    title.getStyleClass().add("page-title");
    Label body = new Label(i18n.text(section.bundleKey() + ".placeholder"));
    body.setWrapText(true);
    body.setId("placeholder-" + section.name().toLowerCase(java.util.Locale.ROOT));
    VBox page = new VBox(12, title, body);
    page.getStyleClass().add("page");
    page.setPadding(new Insets(20, 24, 20, 24));
    return page;
  }
}
