package jp.tsumugi.store.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.tsumugi.app.master.DrugPriceListReport;
import jp.tsumugi.app.master.DrugRecord;
import jp.tsumugi.app.master.MasterImportProgress;
import jp.tsumugi.app.master.MasterKind;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.store.StoreTestAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three real MHLW 薬価基準収載品目リスト files of 2025-08-14 (../shared/masters/mhlw) attached to the bundled
 * masters. Expected figures were computed independently with a Python script (zipfile + ElementTree; y full
 * file plus every diff overlaid, records in force on 2025-08-14, prices compared as decimals rounded to cents).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialPriceListTest {
  static final LocalDate LIST_DATE = LocalDate.of(2025, 8, 14);
  private LocalStore store;
  private final List<DrugPriceListReport> reports = new ArrayList<>();
  private final Map<String, BigDecimal> pricesBefore = new HashMap<>();
  private int revisionsBefore;

  static Path list(int part) {
    return OfficialMastersTest.sharedMasters().resolve("mhlw").resolve("tp20250814-01_0" + part + ".xlsx");
  }

  @BeforeAll
  void importAndAttach(@TempDir Path root) {
    store = LocalStore.createH2(new StoreLocation(root.resolve("data"), root.resolve("keys")), OfficialMastersTest.CLOCK)
        .store();
    store.masterImporter().importBundled(MasterImportProgress.NONE);
    store.masters().forEachInForce(MasterKind.Y, LIST_DATE, r -> pricesBefore.put(r.code(), ((DrugRecord) r).price()));
    revisionsBefore = store.masters().status().of(MasterKind.Y).revisionCount();
    for (int part = 1; part <= 3; part++) {
      reports.add(store.drugPriceListAttacher().attach(list(part), null));
    }
  }

  @AfterAll
  void close() {
    store.close();
  }

  @Test
  void everyRowIsReadAndLinkedByItsYjCodeOrCountedUnmatched() {
    assertThat(reports).extracting(DrugPriceListReport::rowsRead).containsExactly(6944, 3493, 1980);
    assertThat(reports).extracting(DrugPriceListReport::matchedByYjCode).containsExactly(6863, 3415, 1959);
    assertThat(reports).extracting(DrugPriceListReport::unmatched).containsExactly(81, 78, 21);
    // The 49 y codes without a YJ code are pseudo-drugs (薬剤料逓減, 歯科 OA …): no list 品名 names them.
    assertThat(reports).extracting(DrugPriceListReport::attached).containsOnly(0);
    assertThat(reports).extracting(DrugPriceListReport::ambiguous).containsOnly(0);
    assertThat(reports).allSatisfy(r -> assertThat(r.listDate()).isEqualTo(LIST_DATE));
  }

  @Test
  void pricesOfThe2025RevisionShowAsDifferences() {
    assertThat(reports).extracting(r -> r.priceDifferences().size()).containsExactly(10295, 1846, 2103);
    assertThat(reports.get(0).priceDifferences()).filteredOn(d -> d.code().equals("610406079")).singleElement()
        .satisfies(d -> {
          assertThat(d.name()).isEqualTo("ガスター散２％");
          assertThat(d.masterPrice()).isEqualTo(new BigDecimal("16.50"));
          assertThat(d.listPrice()).isEqualTo(new BigDecimal("15.1"));
        });
    // 7.50 in the master and 7.5 in the list are the same price.
    assertThat(reports.get(0).priceDifferences()).extracting(DrugPriceListReport.PriceDifference::code)
        .doesNotContain("611120070", "611120086");
  }

  @Test
  void noPriceAndNoRevisionChanged() {
    Map<String, BigDecimal> after = new HashMap<>();
    store.masters().forEachInForce(MasterKind.Y, LIST_DATE, r -> after.put(r.code(), ((DrugRecord) r).price()));
    assertThat(after).isEqualTo(pricesBefore);
    assertThat(store.masters().status().of(MasterKind.Y).revisionCount()).isEqualTo(revisionsBefore);
    assertThat(store.masters().findDrug("610406079", LIST_DATE)).get()
        .satisfies(d -> assertThat(d.price()).isEqualTo(new BigDecimal("16.50")));
  }

  @Test
  void attachingTheSameListAgainWritesNothing() {
    DrugPriceListReport again = store.drugPriceListAttacher().attach(list(3), null);
    assertThat(again.alreadyLoaded()).isTrue();
    assertThat(again.priceDifferences()).isEqualTo(reports.get(2).priceDifferences());
    assertThat(StoreTestAccess.countRows(store, "drug_price_list")).isEqualTo(3);
    assertThat(StoreTestAccess.countRows(store, "drug_yj_attachment")).isZero();
  }
}
