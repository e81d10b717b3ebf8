package jp.tsumugi.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The timeline query on the embedded, encrypted H2 file. */
class H2ChartOverviewStoreTest extends ChartOverviewStoreContractTest {
  @TempDir Path root;

  @Override
  LocalStore openStore() {
    return LocalStore.createH2(new StoreLocation(root.resolve("data"), root.resolve("keys")), clock).store();
  }
}
