package jp.tsumugi.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Drug memos and the printed prescription's data on the embedded, encrypted H2 file. */
class H2PrescriptionPrintTest extends PrescriptionPrintContractTest {
  @Override
  LocalStore openStore() throws IOException {
    Path root = Files.createTempDirectory("tsumugi-rxprint");
    return LocalStore.createH2(new StoreLocation(root.resolve("data"), root.resolve("keys")), clock).store();
  }
}
