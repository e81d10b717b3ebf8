package jp.tsumugi.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The prescription contract on the embedded, encrypted H2 file. */
class H2PrescriptionStoreTest extends PrescriptionStoreContractTest {
  @Override
  LocalStore openStore() throws IOException {
    Path root = Files.createTempDirectory("tsumugi-rx");
    return LocalStore.createH2(new StoreLocation(root.resolve("data"), root.resolve("keys")), clock).store();
  }
}
