package jp.tsumugi.ui.shell;

import jp.tsumugi.ui.login.LoginViewModel;

/** Milestones of the shell, observed by the start-up benchmark; the default does nothing. */
public interface ShellListener {
  ShellListener NONE = new ShellListener() {
  };

  default void loginShown(LoginViewModel login) {
  }

  default void mainShown() {
  }
}
