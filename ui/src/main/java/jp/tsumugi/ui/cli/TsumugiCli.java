package jp.tsumugi.ui.cli;

import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.ui.composition.DataLocations;
import picocli.CommandLine;

/** Builds the picocli command tree with its collaborators injected, and maps errors to exit codes. */
public final class TsumugiCli {
  /** Exit code for a failed check (for example a broken audit log). */
  public static final int EXIT_CHECK_FAILED = 3;
  /** Exit code for an error with a TSU code. */
  public static final int EXIT_ERROR = 1;

  private TsumugiCli() {
  }

  public static CommandLine create(CliEnvironment environment, DataLocations locations) {
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) {
        try {
          return type.getDeclaredConstructor(CliEnvironment.class, DataLocations.class).newInstance(environment, locations);
        } catch (NoSuchMethodException e) {
          // Not a command of ours: mixins, converters and the collections of repeatable options.
          return byDefault(type);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot create command " + type.getName(), e);
        }
      }

      private <K> K byDefault(Class<K> type) {
        try {
          return CommandLine.defaultFactory().create(type);
        } catch (Exception e) {
          throw new IllegalStateException("cannot create " + type.getName(), e);
        }
      }
    };
    CommandLine cli = new CommandLine(TsumugiCommand.class, factory);
    cli.setOut(environment.out());
    cli.setErr(environment.err());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof TsumugiException t) {
        environment.err().println(t.errorCode().code() + " " + t.errorCode().englishText());
        environment.err().flush();
        return EXIT_ERROR;
      }
      throw e;
    });
    return cli;
  }

  public static int run(CliEnvironment environment, DataLocations locations, String... args) {
    int code = create(environment, locations).execute(args);
    environment.out().flush();
    environment.err().flush();
    return code;
  }
}
