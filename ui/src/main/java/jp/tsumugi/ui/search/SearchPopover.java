package jp.tsumugi.ui.search;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.stage.Popup;
import jp.tsumugi.ui.fx.TaskExecutor;

/**
 * A search list that drops down under a text field, for masters and later for patients: type to
 * search, arrows (or Ctrl+N/Ctrl+P) to move, Enter to choose, Esc to close. The search runs through the
 * task executor; an answer to an older query than the one on screen is dropped.
 *
 * @param <T> the hit type; {@code format} gives the one line shown for it
 */
public final class SearchPopover<T> {
  /** How many rows the list shows before it scrolls. */
  private static final int VISIBLE_ROWS = 12;

  private final TextField field;
  private final Function<String, List<T>> search;
  private final Consumer<T> onChosen;
  private final TaskExecutor executor;
  private final ObservableList<T> hits = FXCollections.observableArrayList();
  private final ListView<T> list = new ListView<>(hits);
  private final Popup popup = new Popup();
  private long generation;
  private boolean choosing;

  public SearchPopover(TextField field, Function<String, List<T>> search, Function<T, String> format, Consumer<T> onChosen,
      TaskExecutor executor) {
    this.field = field;
    this.search = search;
    this.onChosen = onChosen;
    this.executor = executor;
    list.setId(field.getId() == null ? "searchHits" : field.getId() + "Hits");
    list.getStyleClass().add("search-popover");
    list.setFocusTraversable(false);
    list.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : format.apply(item));
      }
    });
    list.setOnMouseClicked(e -> {
      if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
        choose();
      }
    });
    popup.getContent().add(list);
    popup.setAutoHide(true);
    field.textProperty().addListener((obs, old, now) -> {
      if (!choosing) {
        query(now);
      }
    });
    field.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    field.focusedProperty().addListener((obs, was, is) -> {
      if (!is) {
        popup.hide();
      }
    });
  }

  /** The hits on screen (for the view's own status line and for tests). */
  public ObservableList<T> hits() {
    return hits;
  }

  public ListView<T> listView() {
    return list;
  }

  public boolean isShowing() {
    return popup.isShowing();
  }

  /** Runs the current text again (after the data behind the search changed). */
  public void refresh() {
    query(field.getText());
  }

  private void query(String text) {
    long mine = ++generation;
    String q = text == null ? "" : text.strip();
    if (q.isEmpty()) {
      hits.clear();
      popup.hide();
      return;
    }
    executor.submit(() -> search.apply(q), found -> {
      if (mine != generation) {
        return;
      }
      hits.setAll(found);
      if (found.isEmpty()) {
        popup.hide();
      } else {
        list.getSelectionModel().select(0);
        list.scrollTo(0);
        show();
      }
    }, e -> {
      if (mine == generation) {
        hits.clear();
        popup.hide();
      }
    });
  }

  private void show() {
    if (field.getScene() == null || field.getScene().getWindow() == null) {
      return;
    }
    list.setPrefWidth(Math.max(field.getWidth(), 520));
    list.setPrefHeight(Math.min(hits.size(), VISIBLE_ROWS) * 28 + 4);
    if (!popup.isShowing()) {
      Bounds b = field.localToScreen(field.getBoundsInLocal());
      popup.show(field, b.getMinX(), b.getMaxY());
    }
  }

  private void onKey(KeyEvent e) {
    KeyCode code = e.getCode();
    boolean down = code == KeyCode.DOWN || (e.isControlDown() && code == KeyCode.N);
    boolean up = code == KeyCode.UP || (e.isControlDown() && code == KeyCode.P);
    if (down || up) {
      if (hits.isEmpty()) {
        return;
      }
      if (!popup.isShowing()) {
        show();
      }
      int at = list.getSelectionModel().getSelectedIndex();
      int next = down ? Math.min(hits.size() - 1, at + 1) : Math.max(0, at - 1);
      list.getSelectionModel().select(next);
      list.scrollTo(Math.max(0, next - VISIBLE_ROWS / 2));
      e.consume();
    } else if (code == KeyCode.ENTER && !hits.isEmpty() && list.getSelectionModel().getSelectedItem() != null) {
      choose();
      e.consume();
    } else if (code == KeyCode.ESCAPE && popup.isShowing()) {
      popup.hide();
      e.consume();
    }
  }

  private void choose() {
    T chosen = list.getSelectionModel().getSelectedItem();
    if (chosen == null) {
      return;
    }
    popup.hide();
    generation++;
    choosing = true;
    try {
      onChosen.accept(chosen);
    } finally {
      choosing = false;
    }
  }
}
