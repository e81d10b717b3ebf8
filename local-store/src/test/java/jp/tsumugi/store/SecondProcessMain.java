package jp.tsumugi.store;

import java.nio.file.Path;
import java.time.Clock;
import jp.tsumugi.app.common.TsumugiException;

/** Run in a separate JVM by a test: tries to open a store and exits with the error number (0 if it opened). */
public final class SecondProcessMain {
  private SecondProcessMain() {
  }

  public static void main(String[] args) {
    try (LocalStore store = LocalStore.openH2(new StoreLocation(Path.of(args[0]), Path.of(args[1])), Clock.systemUTC())) {
      Runtime.getRuntime().halt(0);
    } catch (TsumugiException e) {
      Runtime.getRuntime().halt(e.errorCode().number() % 256);
    }
  }
}
