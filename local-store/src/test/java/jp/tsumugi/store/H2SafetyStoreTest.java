package jp.tsumugi.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The safety store contract on the embedded, encrypted H2 file. */
class H2SafetyStoreTest extends SafetyStoreContractTest {
  @Override
  LocalStore openStore() throws IOException {
    Path root = Files.createTempDirectory("tsumugi-safety");
    return LocalStore.createH2(new StoreLocation(root.resolve("data"), root.resolve("keys")), clock).store();
  }
}
