package jp.tsumugi.store.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.MasterCatalog;
import jp.tsumugi.app.master.MasterImportProgress;
import jp.tsumugi.app.master.MasterKind;
import jp.tsumugi.app.master.MasterRecord;
import jp.tsumugi.app.master.ProcedureRecord;
import jp.tsumugi.app.master.search.ComposedDisease;
import jp.tsumugi.app.master.search.SearchEntry;
import jp.tsumugi.app.master.search.SearchHit;
import jp.tsumugi.app.master.search.SearchQuery;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog the screens use, over the bundled official masters in a real encrypted H2 store:
 * search as of a date, abolished items, old records, this clinic's usage, and disease composition.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MasterCatalogTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:02:03Z"), ZoneId.of("Asia/Tokyo"));
  private LocalStore store;
  private MasterCatalog catalog;

  @BeforeAll
  void importBundled(@TempDir Path root) {
    store = LocalStore.createH2(new StoreLocation(root.resolve("data"), root.resolve("keys")), CLOCK).store();
    store.masterImporter().importBundled(MasterImportProgress.NONE);
    catalog = new MasterCatalog(store.masters(), store.masterUsage(), CLOCK);
  }

  @AfterAll
  void close() {
    store.close();
  }

  private List<String> codes(String text, SearchEntry.Kind kind, LocalDate asOf) {
    return catalog.search(SearchQuery.of(text, 50).withKinds(kind), asOf).stream().map(h -> h.entry().code()).toList();
  }

  @Test
  void anItemIsOnlyFoundFromTheDayItExists() {
    assertThat(codes("111703470", SearchEntry.Kind.PROCEDURE, LocalDate.of(2024, 9, 30))).isEmpty();
    List<SearchHit> october = catalog.search(SearchQuery.of("111703470", 5).withKinds(SearchEntry.Kind.PROCEDURE),
        LocalDate.of(2024, 10, 1));
    assertThat(october).singleElement().satisfies(h -> assertThat(h.entry().name()).isEqualTo("医療ＤＸ推進体制整備加算１（初診）"));
    List<SearchHit> april = catalog.search(SearchQuery.of("111703470", 5).withKinds(SearchEntry.Kind.PROCEDURE),
        LocalDate.of(2025, 4, 1));
    assertThat(april).singleElement().satisfies(h -> assertThat(h.entry().name()).isEqualTo("医療ＤＸ推進体制整備加算４（初診）"));
  }

  @Test
  void anAbolishedItemIsNotOfferedButStillResolvesForOldRecords() {
    // s_20241108 abolishes 111703170 with 廃止年月日 2024-11-30 (its last day in force).
    LocalDate after = LocalDate.of(2025, 1, 15);
    assertThat(codes("111703170", SearchEntry.Kind.PROCEDURE, LocalDate.of(2024, 11, 30))).containsExactly("111703170");
    assertThat(codes("111703170", SearchEntry.Kind.PROCEDURE, after)).isEmpty();
    List<SearchHit> withAbolished = catalog.search(SearchQuery.of("111703170", 5).withKinds(SearchEntry.Kind.PROCEDURE)
        .includingAbolished(), after);
    assertThat(withAbolished).singleElement().satisfies(h -> assertThat(h.entry().abolished()).isTrue());

    MasterRecord old = catalog.resolve(MasterKind.S, "111703170", after).orElseThrow();
    assertThat(old.validity().abolishedOn()).isEqualTo(LocalDate.of(2024, 11, 30));
    assertThat(catalog.resolve(MasterKind.S, "111703170", LocalDate.of(2024, 11, 1))).get()
        .isInstanceOfSatisfying(ProcedureRecord.class, p -> assertThat(p.validity().inForceOn(LocalDate.of(2024, 11, 1))).isTrue());
    assertThat(catalog.resolve(MasterKind.S, "111703470", LocalDate.of(2024, 9, 30))).isEmpty();
  }

  @Test
  void kanaSearchFindsBrandAndGenericLoxoprofen() {
    List<SearchHit> hits = catalog.search(SearchQuery.of("ろきそ", 50).withKinds(SearchEntry.Kind.DRUG),
        LocalDate.of(2026, 11, 25));
    assertThat(hits).extracting(h -> h.entry().name()).contains("ロキソニン錠６０ｍｇ")
        .anySatisfy(n -> assertThat(n).startsWith("ロキソプロフェンＮａ錠６０ｍｇ"));
  }

  @Test
  void theClinicsUsualChoiceRisesAmongEquallyGoodHits() {
    LocalDate today = LocalDate.of(2026, 11, 25);
    List<String> before = codes("ろきそぷろふぇん", SearchEntry.Kind.DRUG, today);
    assertThat(before).hasSizeGreaterThan(3);
    String usual = before.get(before.size() - 1);
    catalog.recordUse(SearchEntry.Kind.DRUG, usual);
    catalog.recordUse(SearchEntry.Kind.DRUG, usual);

    List<String> after = codes("ろきそぷろふぇん", SearchEntry.Kind.DRUG, today);
    assertThat(after.get(0)).isEqualTo(usual);
    assertThat(store.masterUsage().counts(MasterKind.Y)).containsEntry(usual, 2);
  }

  @Test
  void composingByCodesKeepsModifiersOrResolvesToTheMastersOwnName() {
    LocalDate today = LocalDate.of(2026, 11, 25);
    ComposedDisease knee = catalog.compose("7153018", List.of("2056"), today);
    assertThat(knee.name()).isEqualTo("右変形性膝関節症");
    assertThat(knee.diseaseCode()).isEqualTo("7153018");
    assertThat(knee.modifierCodes()).containsExactly("2056");

    ComposedDisease gastro = catalog.compose("0091005", List.of("4012"), today);
    assertThat(gastro.name()).isEqualTo("急性胃腸炎");
    assertThat(gastro.diseaseCode()).isEqualTo("0091009");
    assertThat(gastro.modifierCodes()).isEmpty();

    ComposedDisease suspected = catalog.compose("0091005", List.of("8002"), today);
    assertThat(suspected.name()).isEqualTo("胃腸炎の疑い");
    assertThat(suspected.modifierCodes()).containsExactly("8002");
  }

  @Test
  void unknownCodesAreASpecificError() {
    assertThatThrownBy(() -> catalog.compose("0000000", List.of(), LocalDate.of(2026, 11, 25)))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MASTER_CODE_UNKNOWN));
    assertThatThrownBy(() -> catalog.compose("0091005", List.of("9999"), LocalDate.of(2026, 11, 25)))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MASTER_CODE_UNKNOWN));
  }

  @Test
  void typedDiseaseTextIsSplitIntoModifierAndMasterDisease() {
    ComposedDisease parsed = catalog.parseDisease("右変形性膝関節症", LocalDate.of(2026, 11, 25)).orElseThrow();
    assertThat(parsed.diseaseCode()).isEqualTo("7153018");
    assertThat(parsed.modifierCodes()).containsExactly("2056");
  }
}
