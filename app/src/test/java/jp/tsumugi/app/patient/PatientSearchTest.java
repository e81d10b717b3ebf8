package jp.tsumugi.app.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatientSearchTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
  private ListStore store;
  private PatientSearch search;

  /** Just enough of a store for the index: records and a change cursor. */
  static final class ListStore implements PatientStore {
    final List<PatientRecord> records = new ArrayList<>();
    long cursor;

    void add(PatientRecord r) {
      records.removeIf(x -> x.id() == r.id());
      records.add(r);
      cursor++;
    }

    @Override
    public long nextPatientSequence() {
      return records.size() + 1L;
    }

    @Override
    public boolean patientNumberExists(String patientNumber) {
      return false;
    }

    @Override
    public PatientRecord insertRecord(PatientRecord record, Change change) {
      throw new UnsupportedOperationException();
    }

    @Override
    public PatientRecord appendRevision(PatientRecord record, Change change) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<PatientRecord> findRecord(long id) {
      return records.stream().filter(r -> r.id() == id).findFirst();
    }

    @Override
    public List<PatientRevision> history(long id) {
      return List.of();
    }

    @Override
    public List<PatientRecord> bornOn(LocalDate birthDate) {
      return records.stream().filter(r -> r.patient().birthDate().equals(birthDate)).toList();
    }

    @Override
    public Changes changedSince(long since) {
      return new Changes(List.copyOf(records), cursor);
    }
  }

  static PatientRecord record(long id, String number, String family, String given, String familyKana, String givenKana,
      LocalDate birth, String phone, String alias) {
    return new PatientRecord(new Patient(id, number, family, given, familyKana, givenKana, Sex.FEMALE, birth, "", "", phone),
        new PatientDetails(alias, "", "", "", ""), 1);
  }

  @BeforeEach
  void fill() {
    store = new ListStore();
    store.add(record(1, "000001", "佐藤", "ユウコ", "サトウ", "ユウコ", LocalDate.of(1966, 5, 26), "03-1234-5678", ""));
    store.add(record(2, "000002", "齋藤", "京子", "サイトウ", "キョウコ", LocalDate.of(1980, 1, 2), "090-1111-2222", "ケイ"));
    store.add(record(3, "000123", "佐藤", "健太", "サトウ", "ケンタ", LocalDate.of(2001, 3, 4), "", ""));
    search = new PatientSearch(store, CLOCK);
  }

  private List<Long> ids(String query) {
    return search.search(query, 50).hits().stream().map(PatientHit::id).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"サトウ", "さとう", "ｻﾄｳ", "サトー", "サト"})
  void kanaIsFoundWhateverTheWidthScriptOrLongVowel(String query) {
    assertThat(ids(query)).containsExactlyInAnyOrder(1L, 3L);
  }

  @Test
  void smallKanaFoldsToLarge() {
    assertThat(ids("キヨウコ")).containsExactly(2L);
    assertThat(ids("きょうこ")).containsExactly(2L);
  }

  @Test
  void familyAndGivenKanaNarrowTogether() {
    assertThat(ids("サトウ ケンタ")).containsExactly(3L);
    assertThat(ids("サトウケンタ")).containsExactly(3L);
  }

  @Test
  void kanjiMatchesPartOfTheNameOrTheAlias() {
    assertThat(ids("佐藤")).containsExactlyInAnyOrder(1L, 3L);
    assertThat(ids("齋藤京子")).containsExactly(2L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"19660526", "S41.5.26", "3410526", "昭和41年5月26日", "1966-05-26"})
  void birthDateAsEightDigitsOrWareki(String query) {
    assertThat(ids(query)).containsExactly(1L);
  }

  @Test
  void patientNumberWithOrWithoutLeadingZerosComesFirst() {
    assertThat(ids("123").get(0)).isEqualTo(3L);
    assertThat(ids("000123").get(0)).isEqualTo(3L);
  }

  @Test
  void phoneDigitsMatchWithoutHyphens() {
    assertThat(ids("09011112222")).containsExactly(2L);
    assertThat(ids("1234-5678")).containsExactly(1L);
  }

  @Test
  void kanaAndBirthDateTogether() {
    assertThat(ids("サトウ 20010304")).containsExactly(3L);
    assertThat(ids("サトウ 19800102")).isEmpty();
  }

  @Test
  void blankQueryFindsNothingAndTheLimitCapsHitsButNotTheTotal() {
    assertThat(ids("  ")).isEmpty();
    PatientSearch.Result r = search.search("サトウ", 1);
    assertThat(r.hits()).hasSize(1);
    assertThat(r.total()).isEqualTo(2);
  }

  @Test
  void aChangedRecordIsFoundUnderItsNewValuesAfterRefresh() {
    assertThat(ids("タナカ")).isEmpty();
    store.add(record(1, "000001", "田中", "ユウコ", "タナカ", "ユウコ", LocalDate.of(1966, 5, 27), "", ""));
    search.refresh();
    assertThat(ids("タナカ")).containsExactly(1L);
    assertThat(ids("19660526")).isEmpty();
    assertThat(ids("19660527")).containsExactly(1L);
  }

  @Test
  void queryKindsAreRecognised() {
    assertThat(PatientSearch.kindOf("さとう")).isEqualTo(PatientSearch.QueryKind.KANA);
    assertThat(PatientSearch.kindOf("佐藤")).isEqualTo(PatientSearch.QueryKind.KANJI);
    assertThat(PatientSearch.kindOf("000123")).isEqualTo(PatientSearch.QueryKind.PATIENT_NUMBER);
    assertThat(PatientSearch.kindOf("19660526")).isEqualTo(PatientSearch.QueryKind.BIRTH_DATE_DIGITS);
    assertThat(PatientSearch.kindOf("S41.5.26")).isEqualTo(PatientSearch.QueryKind.BIRTH_DATE_WAREKI);
    assertThat(PatientSearch.kindOf("090-1111-2222")).isEqualTo(PatientSearch.QueryKind.PHONE);
  }
}
