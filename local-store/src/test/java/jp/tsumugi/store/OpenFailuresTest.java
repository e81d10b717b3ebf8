package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import jp.tsumugi.app.clinic.Clinic;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Hex;
import jp.tsumugi.app.common.TsumugiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way opening can fail ends in its own code, and leaves the data directory byte for byte as
 * it was: no repair, no new empty database in place of the old one.
 */
class OpenFailuresTest {
  private static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Tokyo"));
  @TempDir Path root;
  private StoreLocation location;

  @BeforeEach
  void createStoreWithData() {
    location = new StoreLocation(root.resolve("data"), root.resolve("keys"));
    try (LocalStore store = LocalStore.createH2(location, CLOCK).store()) {
      store.clinics().save(new Clinic("1234567", "13", "紡クリニック", "160-0022", "東京都", "03-1234-5678", "1", 5));
    }
  }

  private void assertOpenFails(ErrorCode expected) throws Exception {
    assertOpenFails(expected, DiskProbe.REAL);
  }

  private void assertOpenFails(ErrorCode expected, DiskProbe disk) throws Exception {
    Map<String, String> before = fingerprint(location.dataDir());
    assertThatThrownBy(() -> LocalStore.openH2(location, CLOCK, disk).close())
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(expected));
    assertThat(fingerprint(location.dataDir())).as("data directory unchanged").isEqualTo(before);
  }

  @Test
  void opensAgainWithItsDataAfterAClose() {
    try (LocalStore store = LocalStore.openH2(location, CLOCK)) {
      assertThat(store.clinics().find()).map(Clinic::name).contains("紡クリニック");
      assertThat(store.schemaVersion()).isEqualTo(StoreTestAccess.latestMigrationVersion());
    }
  }

  @Test
  void missingKeyFile() throws Exception {
    deleteKeys();
    assertOpenFails(ErrorCode.DB_KEY_MISSING);
  }

  @Test
  void wrongKey() throws Exception {
    Path keyFile = onlyKeyFile();
    Files.writeString(keyFile, Hex.encode(new byte[32]) + "\n");
    assertOpenFails(ErrorCode.DB_KEY_WRONG);
  }

  @Test
  void keyFileThatIsNotAKey() throws Exception {
    Files.writeString(onlyKeyFile(), "not a key\n");
    assertOpenFails(ErrorCode.DB_KEY_WRONG);
  }

  @Test
  void corruptDatabaseFile() throws Exception {
    Path db = location.dataDir().resolve(LocalStore.DB_FILE);
    try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
      byte[] junk = new byte[8192];
      new java.util.Random(7).nextBytes(junk);
      file.seek(0);
      file.write(junk);
    }
    assertOpenFails(ErrorCode.DB_CORRUPT);
  }

  /**
   * Cutting a database file at any 4 KiB boundary either is refused as corrupt, leaving the folder as
   * it was, or cut only free space at the end and opens with all the data: never a silent loss.
   */
  @Test
  void truncatedDatabaseFileIsRefusedOrLosesNothing() throws Exception {
    byte[] original = Files.readAllBytes(location.dataDir().resolve(LocalStore.DB_FILE));
    int refused = 0;
    for (int len = 3 * 4096; len < original.length; len += 4096) {
      StoreLocation copy = copyOfStore("cut" + len);
      Files.write(copy.dataDir().resolve(LocalStore.DB_FILE), java.util.Arrays.copyOf(original, len));
      Map<String, String> before = fingerprint(copy.dataDir());
      try (LocalStore store = LocalStore.openH2(copy, CLOCK)) {
        assertThat(store.clinics().find()).as("opened after a cut at %d: all data there", len).isPresent();
      } catch (TsumugiException e) {
        assertThat(e.errorCode()).as("cut at %d", len).isEqualTo(ErrorCode.DB_CORRUPT);
        assertThat(fingerprint(copy.dataDir())).as("cut at %d: folder unchanged", len).isEqualTo(before);
        refused++;
      }
    }
    assertThat(refused).as("cuts into the data are refused").isPositive();
  }

  @Test
  void anOlderCopyOfTheDatabasePutBackIsRefused() throws Exception {
    Path db = location.dataDir().resolve(LocalStore.DB_FILE);
    byte[] older = Files.readAllBytes(db);
    try (LocalStore store = LocalStore.openH2(location, CLOCK)) {
      store.clinics().save(new Clinic("7654321", "13", "紡クリニック本院", "160-0022", "東京都", "03-1234-5678", "1", 5));
    }
    Files.write(db, older);
    assertOpenFails(ErrorCode.DB_CORRUPT);
  }

  private StoreLocation copyOfStore(String name) throws IOException {
    Path data = root.resolve(name);
    Files.createDirectories(data);
    try (var files = Files.list(location.dataDir())) {
      for (Path f : files.toList()) {
        Files.copy(f, data.resolve(f.getFileName()));
      }
    }
    return new StoreLocation(data, location.keyDir());
  }

  @Test
  void emptyDatabaseFile() throws Exception {
    Files.write(location.dataDir().resolve(LocalStore.DB_FILE), new byte[0]);
    assertOpenFails(ErrorCode.DB_CORRUPT);
  }

  @Test
  void databaseFileMissingWhileTheFolderSaysItIsAStore() throws Exception {
    Files.delete(location.dataDir().resolve(LocalStore.DB_FILE));
    assertOpenFails(ErrorCode.DB_FILE_MISSING);
    assertThat(location.dataDir().resolve(LocalStore.DB_FILE)).doesNotExist();
  }

  @Test
  void schemaWrittenByANewerVersion() throws Exception {
    try (Connection c = StoreTestAccess.rawConnection(location); Statement s = c.createStatement()) {
      s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\", "
          + "\"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (99, '99', 'future', 'SQL', "
          + "'V99__future.sql', 0, 'tsumugi', 1, TRUE)");
    }
    assertOpenFails(ErrorCode.DB_SCHEMA_NEWER);
  }

  @Test
  void readOnlyDataDirectory() throws Exception {
    assertOpenFails(ErrorCode.DATA_DIR_NOT_WRITABLE, probe(false, Long.MAX_VALUE));
  }

  @Test
  void fullDisk() throws Exception {
    assertOpenFails(ErrorCode.DATA_DIR_FULL, probe(true, 1024));
  }

  @Test
  void databaseAlreadyOpenInAnotherProcess() throws Exception {
    try (LocalStore first = LocalStore.openH2(location, CLOCK)) {
      String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process second = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), SecondProcessMain.class.getName(),
          location.dataDir().toString(), location.keyDir().toString()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      assertThat(second.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).isEqualTo(ErrorCode.DB_IN_USE.number() % 256);
      assertThat(first.clinics().find()).isPresent();
    }
  }

  @Test
  void folderThatIsNotAStore() throws Exception {
    Path other = root.resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve("notes.txt"), "keep");
    assertThatThrownBy(() -> LocalStore.openH2(new StoreLocation(other, location.keyDir()), CLOCK))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DATA_DIR_INVALID));
    assertThat(other.resolve(LocalStore.DB_FILE)).doesNotExist();
  }

  @Test
  void emptyFolderIsNotInitialisedAndStaysEmpty() throws Exception {
    Path empty = Files.createDirectories(root.resolve("empty"));
    assertThatThrownBy(() -> LocalStore.openH2(new StoreLocation(empty, location.keyDir()), CLOCK))
        .isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DATA_DIR_NOT_INITIALISED));
    try (Stream<Path> files = Files.list(empty)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void creatingOverAnExistingStoreIsRefused() throws Exception {
    Map<String, String> before = fingerprint(location.dataDir());
    assertThatThrownBy(() -> LocalStore.createH2(location, CLOCK)).isInstanceOfSatisfying(TsumugiException.class,
        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DATA_DIR_ALREADY_INITIALISED));
    assertThat(fingerprint(location.dataDir())).isEqualTo(before);
  }

  @Test
  void creatingOnAFullDiskLeavesNoHalfMadeStore() {
    Path fresh = root.resolve("fresh");
    StoreLocation target = new StoreLocation(fresh, root.resolve("fresh-keys"));
    assertThatThrownBy(() -> LocalStore.createH2(target, CLOCK, probe(true, 10)))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DATA_DIR_FULL));
    assertThat(LocalStore.isInitialised(fresh)).isFalse();
    assertThat(fresh.resolve(LocalStore.DB_FILE)).doesNotExist();
  }

  private static DiskProbe probe(boolean writable, long free) {
    return new DiskProbe() {
      @Override
      public boolean canWrite(Path dir) {
        return writable;
      }

      @Override
      public long usableSpace(Path dir) {
        return free;
      }
    };
  }

  private Path onlyKeyFile() throws IOException {
    try (Stream<Path> keys = Files.list(location.keyDir())) {
      return keys.filter(p -> p.toString().endsWith(".key")).findFirst().orElseThrow();
    }
  }

  private void deleteKeys() throws IOException {
    Files.delete(onlyKeyFile());
  }

  /** File name to SHA-256 of its content, for every file in the folder. */
  static Map<String, String> fingerprint(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(f).toString(), Hex.encode(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    }
    return out;
  }
}
