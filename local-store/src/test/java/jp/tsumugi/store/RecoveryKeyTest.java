package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.stream.Stream;
import jp.tsumugi.app.clinic.Clinic;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clinic that lost its key file gets it back from the printed recovery key, and only from the right one. */
class RecoveryKeyTest {
  private static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Tokyo"));
  @TempDir Path root;

  private StoreLocation at(String name) {
    return new StoreLocation(root.resolve(name), root.resolve(name + "-keys"));
  }

  private static void deleteKeys(StoreLocation location) throws Exception {
    try (Stream<Path> keys = Files.list(location.keyDir())) {
      for (Path k : keys.toList()) {
        Files.delete(k);
      }
    }
  }

  @Test
  void recoveryKeyRestoresALostKeyFile() throws Exception {
    StoreLocation location = at("a");
    LocalStore.Created created = LocalStore.createH2(location, CLOCK);
    created.store().clinics().save(new Clinic("1234567", "13", "紡", "160-0022", "東京都", "03-1234-5678", "1", 5));
    created.store().close();
    assertThat(created.recoveryKey()).matches("([A-Z2-7]{4}-){13}[A-Z2-7]{3}");
    deleteKeys(location);

    LocalStore.restoreKey(location, created.recoveryKey().toLowerCase(java.util.Locale.ROOT));
    try (LocalStore store = LocalStore.openH2(location, CLOCK)) {
      assertThat(store.clinics().find()).isPresent();
    }
  }

  @Test
  void aMistypedRecoveryKeyIsCaughtByItsChecksum() throws Exception {
    StoreLocation location = at("b");
    LocalStore.Created created = LocalStore.createH2(location, CLOCK);
    created.store().close();
    deleteKeys(location);
    String key = created.recoveryKey();
    char swapped = key.charAt(5) == 'A' ? 'B' : 'A';
    String typo = key.substring(0, 5) + swapped + key.substring(6);
    assertThatThrownBy(() -> LocalStore.restoreKey(location, typo)).isInstanceOfSatisfying(TsumugiException.class,
        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DB_KEY_INVALID_RECOVERY));
    try (Stream<Path> keys = Files.list(location.keyDir())) {
      assertThat(keys).isEmpty();
    }
  }

  @Test
  void anotherDatabasesRecoveryKeyIsRefused() throws Exception {
    StoreLocation a = at("c");
    StoreLocation b = at("d");
    LocalStore.createH2(a, CLOCK).store().close();
    LocalStore.Created other = LocalStore.createH2(b, CLOCK);
    other.store().close();
    deleteKeys(a);
    assertThatThrownBy(() -> LocalStore.restoreKey(a, other.recoveryKey())).isInstanceOfSatisfying(TsumugiException.class,
        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DB_KEY_INVALID_RECOVERY));
  }
}
