package jp.tsumugi.ui;

import jp.tsumugi.ui.cli.CliEnvironment;
import jp.tsumugi.ui.cli.TsumugiCli;
import jp.tsumugi.ui.composition.DataLocations;

/** The `tsumugi` process: the command line, whose default command opens the desktop. */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) {
    int code = TsumugiCli.run(CliEnvironment.ofProcess(), DataLocations.ofThisMachine(), args);
    System.exit(code);
  }
}
