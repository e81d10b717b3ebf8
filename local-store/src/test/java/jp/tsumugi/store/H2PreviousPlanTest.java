package jp.tsumugi.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Do (前回処方) on the embedded, encrypted H2 file. */
class H2PreviousPlanTest extends PreviousPlanContractTest {
  @Override
  LocalStore openStore() throws IOException {
    Path root = Files.createTempDirectory("tsumugi-do");
    return LocalStore.createH2(new StoreLocation(root.resolve("data"), root.resolve("keys")), clock).store();
  }
}
