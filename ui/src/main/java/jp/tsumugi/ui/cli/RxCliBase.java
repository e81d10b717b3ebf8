package jp.tsumugi.ui.cli;

import java.util.concurrent.Callable;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.DataLocations;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Common shape of the `rx` table and external-record commands (docs/adr/0033): open the store, log in, run, print. */
abstract class RxCliBase implements Callable<Integer> {
  protected final CliEnvironment environment;
  private final DataLocations locations;
  @Mixin StoreOptions store;
  @Mixin AuthOptions auth;
  @Option(names = "--json", description = "Machine-readable output.") boolean json;

  RxCliBase(CliEnvironment environment, DataLocations locations) {
    this.environment = environment;
    this.locations = locations;
  }

  @Override
  public final Integer call() {
    try (AppServices services = store.opener(environment, locations, false).open()) {
      Session session = auth.login(services, environment);
      return run(services, session);
    }
  }

  abstract int run(AppServices services, Session session);

  /**
   * Prints {@code rows} as a JSON array with --json, else as a tab-separated table under {@code header} with a count line
   * ("N {@code noun}").
   */
  <T> void printRows(java.util.List<T> rows, String header, java.util.function.Function<T, Object> json,
      java.util.function.Function<T, String> line, String noun) {
    java.util.StringJoiner text = new java.util.StringJoiner("\n");
    text.add(header);
    rows.forEach(r -> text.add(line.apply(r)));
    text.add(rows.size() + " " + noun);
    print(rows.stream().map(json).collect(java.util.stream.Collectors.toList()), text.toString());
  }

  /** Prints {@code value} as JSON with --json, else {@code text}. */
  void print(Object value, String text) {
    environment.out().println(json ? Json.write(value) : text);
  }
}
