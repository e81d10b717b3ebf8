package jp.tsumugi.store.master;

import java.nio.file.Path;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;
import org.junit.jupiter.api.io.TempDir;

/** The master contract on the embedded, encrypted H2 file. */
class H2MasterStoreTest extends MasterStoreContractTest {
  @TempDir Path root;

  @Override
  LocalStore openStore() {
    return LocalStore.createH2(new StoreLocation(root.resolve("data"), root.resolve("keys")), CLOCK).store();
  }
}
