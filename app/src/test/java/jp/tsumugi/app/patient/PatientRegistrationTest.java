package jp.tsumugi.app.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.testing.InMemoryAuditEntryStore;
import jp.tsumugi.app.testing.InMemoryPatientStore;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PatientRegistrationTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
  private static final Transactions DIRECT = new Transactions() {
    @Override
    public <T> T inTransaction(java.util.function.Supplier<T> work) {
      return work.get();
    }
  };
  private final Session nurse = new Session(new User(2, "nurse", "看護", Role.NURSE, "x", null, true, 0, null, CLOCK.instant()),
      "ward", CLOCK.instant());

  private PatientRegistration registration(InMemoryPatientStore store, PatientNumberFormat format) {
    return new PatientRegistration(store, new PatientSearch(store, CLOCK), new HashChainedAuditLog(new InMemoryAuditEntryStore(),
        CLOCK), DIRECT, CLOCK, format);
  }

  @Test
  void numbersFollowTheConfiguredFormat() {
    PatientRegistration r = registration(new InMemoryPatientStore(), new PatientNumberFormat("A", 4));
    RegistrationOutcome o = r.register(nurse, PatientValidationTest.form("19660526"), false);
    assertThat(((RegistrationOutcome.Registered) o).record().patient().patientNumber()).isEqualTo("A0001");
  }

  @Test
  void aNewlyRegisteredPatientIsFoundAtOnce() {
    PatientRegistration r = registration(new InMemoryPatientStore(), PatientNumberFormat.DEFAULT);
    r.register(nurse, PatientValidationTest.form("19660526"), false);
    assertThat(r.search(nurse, "やまだ S41.5.26", 10).hits()).hasSize(1);
  }

  /** Whatever the width or hiragana/katakana the kana is typed in, the same person on the same birth date is a likely duplicate. */
  @Property(tries = 30)
  void duplicatesAreFoundWhateverTheKanaScript(@ForAll @IntRange(min = 0, max = 2) int script) {
    PatientRegistration r = registration(new InMemoryPatientStore(), PatientNumberFormat.DEFAULT);
    r.register(nurse, PatientValidationTest.form("19660526"), false);
    String family = switch (script) {
      case 0 -> "やまだ";
      case 1 -> "ﾔﾏﾀﾞ";
      default -> "ヤマダ";
    };
    PatientForm again = new PatientForm("山田", "太郎", family, "たろう", "", "1", "S41.5.26", "", "", "", "", "", "", "");
    assertThat(r.register(nurse, again, false)).isInstanceOf(RegistrationOutcome.LikelyDuplicates.class);
  }

  @Test
  void aChangeWithoutReasonIsRefused() {
    InMemoryPatientStore store = new InMemoryPatientStore();
    PatientRegistration r = registration(store, PatientNumberFormat.DEFAULT);
    PatientRecord p = ((RegistrationOutcome.Registered) r.register(nurse, PatientValidationTest.form("19660526"), false)).record();
    assertThatThrownBy(() -> r.change(nurse, p.id(), 1, PatientValidationTest.form("19660527"), null)).hasMessageContaining("TSU-5007");
    assertThat(store.history(p.id())).hasSize(1);
  }

  private static String number(RegistrationOutcome outcome) {
    return ((RegistrationOutcome.Registered) outcome).record().patient().patientNumber();
  }

  @Test
  void theFormatIsReadAtEachRegistrationAndExistingPatientsKeepTheirNumbers() {
    InMemoryPatientStore store = new InMemoryPatientStore();
    AtomicReference<PatientNumberFormat> clinicFormat = new AtomicReference<>(PatientNumberFormat.DEFAULT);
    PatientRegistration r = new PatientRegistration(store, new PatientSearch(store, CLOCK),
        new HashChainedAuditLog(new InMemoryAuditEntryStore(), CLOCK), DIRECT, CLOCK, clinicFormat::get);
    PatientRecord first = ((RegistrationOutcome.Registered) r.register(nurse, PatientValidationTest.form("19660526"), true)).record();

    clinicFormat.set(new PatientNumberFormat("K", 5));
    String second = number(r.register(nurse, PatientValidationTest.form("19660526"), true));
    clinicFormat.set(PatientNumberFormat.DEFAULT);
    String third = number(r.register(nurse, PatientValidationTest.form("19660526"), true));

    assertThat(first.patient().patientNumber()).isEqualTo("000001");
    assertThat(second).isEqualTo("K00002");
    assertThat(third).isEqualTo("000003");
    assertThat(store.findRecord(first.id()).orElseThrow().patient().patientNumber()).isEqualTo("000001");
  }

  @Test
  void aNumberThatExistsAlreadyInTheNewFormatIsSkipped() {
    InMemoryPatientStore store = new InMemoryPatientStore();
    // Given outside (an import) without moving the sequence: the next sequence value would produce it again.
    store.insertRecord(PatientValidation.validate(PatientValidationTest.form("19500101"), 0, "K00001", 1, LocalDate.of(2026, 11, 25)),
        new PatientStore.Change("import", 0, "imported"));
    PatientRegistration r = registration(store, new PatientNumberFormat("K", 5));

    assertThat(number(r.register(nurse, PatientValidationTest.form("19660526"), true))).isEqualTo("K00002");
  }
}
