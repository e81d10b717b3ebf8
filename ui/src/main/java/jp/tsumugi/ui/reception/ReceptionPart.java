package jp.tsumugi.ui.reception;

import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/**
 * A self-contained part of the 受付 screen (its own FXML, view model and controller) that the screen's
 * controller places above the queue, polls with the queue and reloads when the screen shows.
 */
public interface ReceptionPart {
  /** Puts the part into the screen: its node above the queue, key filters on the root, columns on the queue. */
  void attach(VBox root, TableView<ReceptionViewModel.Row> queue);

  /** The screen is showing: load now. */
  void reload();

  /** Called with the queue's poll every few seconds. */
  void poll();
}
