package jp.tsumugi.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The lab and vitals contract on the embedded, encrypted H2 file. */
class H2LabVitalStoreTest extends LabVitalStoreContractTest {
  @Override
  LocalStore openStore() throws IOException {
    Path root = Files.createTempDirectory("tsumugi-labs");
    return LocalStore.createH2(new StoreLocation(root.resolve("data"), root.resolve("keys")), clock).store();
  }
}
