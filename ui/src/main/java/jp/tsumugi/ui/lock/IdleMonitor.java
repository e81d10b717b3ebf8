package jp.tsumugi.ui.lock;

import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.util.Duration;

/**
 * Locks a bedside terminal after a period without keyboard or mouse input. Any input in the scene
 * restarts the countdown; the FX animation timer runs it, so no thread is needed.
 */
public final class IdleMonitor {
  private final PauseTransition countdown;
  private final EventHandler<Event> activity;
  private Scene scene;

  public IdleMonitor(Duration idle, Runnable onIdle) {
    countdown = new PauseTransition(idle);
    countdown.setOnFinished(e -> onIdle.run());
    activity = e -> countdown.playFromStart();
  }

  public void attach(Scene target) {
    detach();
    scene = target;
    scene.addEventFilter(InputEvent.ANY, activity);
    countdown.playFromStart();
  }

  /** Stops counting (while locked or after logout). */
  public void pause() {
    countdown.stop();
  }

  public void resume() {
    countdown.playFromStart();
  }

  public void detach() {
    countdown.stop();
    if (scene != null) {
      scene.removeEventFilter(InputEvent.ANY, activity);
      scene = null;
    }
  }
}
