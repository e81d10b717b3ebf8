package jp.tsumugi.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.insurance.Insurance;
import jp.tsumugi.app.insurance.InsurerNumbers;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.testing.DirectTransactions;
import jp.tsumugi.app.testing.FakePasswordHasher;
import jp.tsumugi.app.testing.InMemoryAuditEntryStore;
import jp.tsumugi.app.testing.InMemoryClinicRepository;
import jp.tsumugi.app.testing.InMemoryPatientRepository;
import jp.tsumugi.app.testing.InMemoryUserRepository;
import jp.tsumugi.app.testing.MutableClock;
import org.junit.jupiter.api.Test;

class DemoClinicTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T00:00:00Z"));
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final InMemoryPatientRepository patients = new InMemoryPatientRepository();
  private final InMemoryClinicRepository clinics = new InMemoryClinicRepository();
  private final DemoClinic demo = new DemoClinic(clinics, users, patients, new FakePasswordHasher(),
      new HashChainedAuditLog(new InMemoryAuditEntryStore(), clock), new DirectTransactions(), clock);

  @Test
  void createsOneUserPerRoleAndAtLeastTwoHundredPatients() {
    int made = demo.create("demo");

    assertThat(made).isGreaterThanOrEqualTo(200);
    assertThat(patients.count()).isEqualTo(made);
    assertThat(users.findAll()).extracting(u -> u.role()).containsExactlyInAnyOrder(Role.values());
    assertThat(users.findByUsername("admin").orElseThrow().hasTotp()).isTrue();
    assertThat(clinics.find()).isPresent();
  }

  @Test
  void everyInsurerNumberCarriesAValidCheckDigit() {
    demo.create("demo");
    List<Insurance> all = patients.all().stream().flatMap(p -> patients.insurancesOf(p.id()).stream()).toList();

    assertThat(all).hasSize(patients.all().size());
    assertThat(all).allSatisfy(i -> assertThat(InsurerNumbers.isValidInsurerNumber(i.insurerNumber()))
        .as(i.insurerNumber()).isTrue());
    assertThat(all).allSatisfy(i -> assertThat(i.branch()).matches("|\\d{2}"));
  }

  @Test
  void patientsLookRealistic() {
    List<SyntheticPatients.Generated> generated = SyntheticPatients.generate(300, 7L, TODAY);
    List<Patient> people = generated.stream().map(SyntheticPatients.Generated::patient).toList();

    assertThat(people).allSatisfy(p -> {
      assertThat(p.familyKana() + p.givenKana()).matches("[\\u30A1-\\u30FC]+");
      assertThat(p.birthDate()).isBeforeOrEqualTo(TODAY).isAfter(TODAY.minusYears(97));
      assertThat(p.patientNumber()).matches("\\d{6}");
    });
    Set<String> numbers = people.stream().map(Patient::patientNumber).collect(Collectors.toSet());
    assertThat(numbers).hasSize(300);
    assertThat(people.stream().map(p -> p.familyName() + p.givenName()).distinct().count()).isGreaterThan(150);
    // The clinic sees every age group: children, working age and 後期高齢者 (75+, insurer 39…).
    assertThat(people).anySatisfy(p -> assertThat(p.birthDate()).isAfter(TODAY.minusYears(6)));
    assertThat(generated).anySatisfy(g -> assertThat(g.insurance().insurerNumber()).startsWith("39"));
  }

  @Test
  void theSameSeedGivesTheSameClinic() {
    assertThat(SyntheticPatients.generate(50, 42L, TODAY)).isEqualTo(SyntheticPatients.generate(50, 42L, TODAY));
    assertThat(SyntheticPatients.generate(50, 42L, TODAY)).isNotEqualTo(SyntheticPatients.generate(50, 43L, TODAY));
  }

  @Test
  void refusesAStoreThatAlreadyHoldsUsers() {
    demo.create("demo");
    long before = patients.count();

    assertThatThrownBy(() -> demo.create("demo"))
        .isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DATA_DIR_ALREADY_INITIALISED));
    assertThat(patients.count()).isEqualTo(before);
  }

  @Test
  void demoClockIsTheOnlySourceOfToday() {
    clock.set(LocalDate.of(2030, 1, 1).atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant());
    demo.create("demo");
    assertThat(patients.all()).allSatisfy(p -> assertThat(p.birthDate()).isBeforeOrEqualTo(LocalDate.of(2030, 1, 1)));
  }
}
