package jp.tsumugi.app.master.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.tsumugi.app.common.KanaFolding;
import jp.tsumugi.app.master.search.SearchEntry.Kind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MasterSearchIndexTest {
  private static final SearchEntry GASTER = new SearchEntry(Kind.DRUG, "610406079", "ガスター散２％", "ｶﾞｽﾀｰｻﾝ2%",
      List.of("2325003B2029", "2325003B2ZZZ", "【般】ファモチジン散２％"), false);
  private static final SearchEntry GASTER_D = new SearchEntry(Kind.DRUG, "610406080", "ガスターＤ錠１０ｍｇ", "ｶﾞｽﾀｰDｼﾞｮｳ10MG",
      List.of("2325003F3025", "2325003F3ZZZ", "【般】ファモチジン口腔内崩壊錠１０ｍｇ"), false);
  private static final SearchEntry FAMOTIDINE = new SearchEntry(Kind.DRUG, "620000001", "ファモチジン錠１０ｍｇ「サワイ」",
      "ﾌｧﾓﾁｼﾞﾝｼﾞｮｳ10MG", List.of("2325003F1019", "2325003F1ZZZ", "【般】ファモチジン錠１０ｍｇ"), false);
  private static final SearchEntry GASTRITIS = new SearchEntry(Kind.DISEASE, "8830417", "胃炎", "イエン", List.of("TSQF", "K297"), false);
  private static final SearchEntry ACUTE_GASTRITIS = new SearchEntry(Kind.DISEASE, "5350004", "急性胃炎", "キュウセイイエン",
      List.of("RJHE", "K291"), false);
  private static final SearchEntry OLD_DRUG = new SearchEntry(Kind.DRUG, "610406081", "ガスター旧錠", "ｶﾞｽﾀｰｷｭｳｼﾞｮｳ", List.of(), true);
  private static final SearchEntry RIGHT = SearchEntry.of(Kind.MODIFIER, "2056", "右", "ミギ");

  private final MasterSearchIndex index = MasterSearchIndex.build(
      List.of(GASTER, GASTER_D, FAMOTIDINE, GASTRITIS, ACUTE_GASTRITIS, OLD_DRUG, RIGHT));

  private List<SearchEntry> entries(SearchQuery q) {
    return index.search(q).stream().map(SearchHit::entry).toList();
  }

  @Test
  void digitQueryFindsExactCodeBeforeCodePrefixAndIgnoresNames() {
    SearchEntry exact = SearchEntry.of(Kind.PROCEDURE, "1234", "ゼンゼン", "ｾﾞﾝｾﾞﾝ");
    SearchEntry prefix = SearchEntry.of(Kind.PROCEDURE, "123456", "ゼンゼン", "ｾﾞﾝｾﾞﾝ");
    SearchEntry namePrefix = SearchEntry.of(Kind.PROCEDURE, "999001", "1234番", "ｱ");
    SearchEntry substring = SearchEntry.of(Kind.PROCEDURE, "999002", "第1234番", "ｲ");
    MasterSearchIndex small = MasterSearchIndex.build(List.of(substring, namePrefix, prefix, exact));

    List<SearchHit> hits = small.search(SearchQuery.of("1234A", 10));
    assertThat(hits).isEmpty();
    hits = small.search(SearchQuery.of("１２３４", 10));
    assertThat(hits).extracting(SearchHit::entry).containsExactly(exact, prefix);
    assertThat(hits).extracting(SearchHit::tier).containsExactly(MatchTier.EXACT_CODE, MatchTier.CODE_PREFIX);
  }

  @Test
  void alphanumericQuerySearchesCodesThenNamesThenSubstrings() {
    SearchEntry exact = SearchEntry.of(Kind.PROCEDURE, "AB12", "ゼン", "ｾﾞﾝ");
    SearchEntry codePrefix = SearchEntry.of(Kind.PROCEDURE, "AB123", "ゼン", "ｾﾞﾝ");
    SearchEntry namePrefix = SearchEntry.of(Kind.PROCEDURE, "999001", "ＡＢ１２測定", "ｱ");
    SearchEntry substring = SearchEntry.of(Kind.PROCEDURE, "999002", "血中ａｂ１２", "ｲ");
    MasterSearchIndex small = MasterSearchIndex.build(List.of(substring, namePrefix, codePrefix, exact));

    List<SearchHit> hits = small.search(SearchQuery.of("ab12", 10));

    assertThat(hits).extracting(SearchHit::entry).containsExactly(exact, codePrefix, namePrefix, substring);
    assertThat(hits).extracting(SearchHit::tier)
        .containsExactly(MatchTier.EXACT_CODE, MatchTier.CODE_PREFIX, MatchTier.NAME_PREFIX, MatchTier.SUBSTRING);
  }

  @Test
  void findsDrugByYjCodePrefixAndExactGenericCode() {
    assertThat(entries(SearchQuery.of("2325003F", 10))).containsExactly(GASTER_D, FAMOTIDINE);
    List<SearchHit> hits = index.search(SearchQuery.of("2325003b2zzz", 10));
    assertThat(hits).extracting(SearchHit::entry).containsExactly(GASTER);
    assertThat(hits.get(0).tier()).isEqualTo(MatchTier.EXACT_CODE);
  }

  @Test
  void findsDrugByGenericNameAsAPrefixDespiteTheBracketMark() {
    List<SearchHit> hits = index.search(SearchQuery.of("ふぁもちじん", 10));
    assertThat(hits).extracting(SearchHit::entry).containsExactlyInAnyOrder(GASTER, GASTER_D, FAMOTIDINE);
    assertThat(hits).extracting(SearchHit::tier).containsOnly(MatchTier.NAME_PREFIX);
  }

  @Test
  void findsDiseaseByKanaIcd10AndExchangeCode() {
    assertThat(index.search(SearchQuery.of("いえん", 10)).get(0)).isEqualTo(new SearchHit(GASTRITIS, MatchTier.NAME_PREFIX));
    assertThat(entries(SearchQuery.of("K29", 10))).containsExactly(GASTRITIS, ACUTE_GASTRITIS);
    assertThat(entries(SearchQuery.of("tsqf", 10))).containsExactly(GASTRITIS);
  }

  @Test
  void substringOfAKanjiNameFindsTheDisease() {
    List<SearchHit> hits = index.search(SearchQuery.of("胃炎", 10));
    assertThat(hits).extracting(SearchHit::entry).containsExactly(GASTRITIS, ACUTE_GASTRITIS);
    assertThat(hits).extracting(SearchHit::tier).containsExactly(MatchTier.NAME_PREFIX, MatchTier.SUBSTRING);
  }

  @Test
  void usageCountReordersTiesWithinATier() {
    List<SearchEntry> byKana = entries(SearchQuery.of("がすたー", 10));
    assertThat(byKana).containsExactly(GASTER_D, GASTER);

    List<SearchEntry> byUsage = entries(SearchQuery.of("がすたー", 10).withUsage(UsageCounts.of(Map.of("610406079", 3))));
    assertThat(byUsage).containsExactly(GASTER, GASTER_D);
  }

  @Test
  void usageNeverLiftsAHitAboveABetterTier() {
    UsageCounts heavy = UsageCounts.of(Map.of("5350004", 1000));
    assertThat(entries(SearchQuery.of("胃炎", 10).withUsage(heavy))).containsExactly(GASTRITIS, ACUTE_GASTRITIS);
  }

  @Test
  void abolishedItemsAreHiddenUnlessAskedFor() {
    assertThat(entries(SearchQuery.of("ｶﾞｽﾀｰ", 10))).doesNotContain(OLD_DRUG);
    assertThat(entries(SearchQuery.of("ｶﾞｽﾀｰ", 10).includingAbolished())).contains(OLD_DRUG);
    assertThat(entries(SearchQuery.of("610406081", 10))).isEmpty();
    assertThat(entries(SearchQuery.of("610406081", 10).includingAbolished())).containsExactly(OLD_DRUG);
    assertThat(index.find(Kind.DRUG, "610406081")).contains(OLD_DRUG);
  }

  @Test
  void kindFilterAndLimitApply() {
    assertThat(entries(SearchQuery.of("ｶﾞｽﾀｰ", 1))).containsExactly(GASTER_D);
    assertThat(entries(SearchQuery.of("み", 10).withKinds(Kind.DRUG))).isEmpty();
    assertThat(entries(SearchQuery.of("み", 10).withKinds(Kind.MODIFIER))).containsExactly(RIGHT);
  }

  @Test
  void emptyOrFoldedAwayQueryFindsNothing() {
    assertThat(index.search(SearchQuery.of("", 10))).isEmpty();
    assertThat(index.search(SearchQuery.of(" ー・", 10))).isEmpty();
  }

  @Test
  void rejectsALimitBelowOne() {
    assertThatThrownBy(() -> SearchQuery.of("x", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 200)
  void everyHitReallyContainsTheQueryAndTiersNeverGetBetter(@ForAll("queries") String query) {
    List<SearchHit> hits = index.search(SearchQuery.of(query, 50).includingAbolished());
    String q = KanaFolding.fold(query);
    MatchTier previous = MatchTier.EXACT_CODE;
    for (SearchHit hit : hits) {
      assertThat(hit.tier()).isGreaterThanOrEqualTo(previous);
      previous = hit.tier();
      List<String> keys = new ArrayList<>();
      keys.add(hit.entry().code());
      keys.add(hit.entry().name());
      keys.add(hit.entry().kana());
      keys.addAll(hit.entry().extraKeys());
      assertThat(keys.stream().map(KanaFolding::fold)).anyMatch(k -> k.contains(q));
    }
    assertThat(hits).extracting(SearchHit::entry).doesNotHaveDuplicates();
  }

  @Property(tries = 200)
  void substringSearchFindsEveryEntryThatContainsTheQuery(@ForAll("queries") String query) {
    String q = KanaFolding.fold(query);
    List<SearchEntry> hits = entries(SearchQuery.of(query, 50).includingAbolished());
    for (SearchEntry e : List.of(GASTER, GASTER_D, FAMOTIDINE, GASTRITIS, ACUTE_GASTRITIS, OLD_DRUG, RIGHT)) {
      boolean contains = KanaFolding.fold(e.name()).contains(q)
          || KanaFolding.fold(e.kana()).contains(q);
      if (!q.isEmpty() && contains && !MasterSearchIndex.isAsciiAlnum(q)) {
        assertThat(hits).contains(e);
      }
    }
  }

  @Provide
  Arbitrary<String> queries() {
    return Arbitraries.strings().withChars("がすたーガスタｶﾞｽﾀｰ胃炎急性いえんキュウセイふぁもちじん錠散DdＤ10１０2325Fkミぎ".toCharArray())
        .ofMinLength(1).ofMaxLength(4);
  }
}
