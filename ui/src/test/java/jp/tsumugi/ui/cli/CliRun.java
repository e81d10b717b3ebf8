package jp.tsumugi.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import jp.tsumugi.ui.composition.DataLocations;
import jp.tsumugi.ui.support.DemoStore;

/**
 * Runs {@code tsumugi} in-process, on the test clock, against a demo clinic created in a temporary folder:
 * what each command wrote is kept until the next run.
 */
final class CliRun {
  final Path root;
  final Path data;
  final Path keys;
  final Map<String, String> env = new HashMap<>();
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private CliRun(Path root) {
    this.root = root;
    this.data = root.resolve("demo");
    this.keys = root.resolve("keys");
  }

  /** A demo clinic (no masters, for speed) in {@code root/demo}, keys in {@code root/keys}. */
  static CliRun withDemo(Path root) {
    CliRun cli = new CliRun(root);
    assertThat(cli.run("demo", "--no-window", "--no-masters", "--data-dir", cli.data.toString(), "--key-dir", cli.keys.toString()))
        .as("demo creation: %s", cli.err()).isZero();
    return cli;
  }

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CliEnvironment environment = new CliEnvironment(new PrintWriter(out), new PrintWriter(err), env, DemoStore.CLOCK, label -> null);
    return TsumugiCli.run(environment, new DataLocations(Map.of(), "Linux", root.resolve("home")), args);
  }

  /** The arguments followed by the demo store's {@code --data-dir} and {@code --key-dir}. */
  String[] store(String... args) {
    String[] all = Arrays.copyOf(args, args.length + 4);
    all[args.length] = "--data-dir";
    all[args.length + 1] = data.toString();
    all[args.length + 2] = "--key-dir";
    all[args.length + 3] = keys.toString();
    return all;
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }
}
