package jp.tsumugi.ui.shell;

import javafx.scene.input.KeyCode;

/** The main window's sections, each on its own function key. */
public enum Section {
  RECEPTION("reception", KeyCode.F1),
  CHART("chart", KeyCode.F2),
  BILLING("billing", KeyCode.F3),
  CLAIMS("claims", KeyCode.F4),
  MASTERS("masters", KeyCode.F5),
  SETTINGS("settings", KeyCode.F6);

  private final String key;
  private final KeyCode functionKey;

  Section(String key, KeyCode functionKey) {
    this.key = key;
    this.functionKey = functionKey;
  }

  /** Bundle key stem, for example {@code section.reception}. */
  public String bundleKey() {
    return "section." + key;
  }

  public KeyCode functionKey() {
    return functionKey;
  }
}
