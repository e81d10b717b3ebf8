package jp.tsumugi.app.master.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.tsumugi.app.master.search.SearchEntry.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Acceptance tests over the real SSK masters in ../shared/masters (latest full file of each kind). */
class RealMasterSearchTest {
  private static MasterSearchIndex index;

  @BeforeAll
  static void buildIndexFromTheRealMasters() {
    index = MasterSearchIndex.build(MasterFiles.locate().all());
  }

  private static List<SearchHit> search(SearchQuery q) {
    return index.search(q);
  }

  private static List<String> codes(List<SearchHit> hits) {
    return hits.stream().map(h -> h.entry().code()).toList();
  }

  @Test
  void hiraganaRokisoFindsLoxoninAndTheGenericLoxoprofenProducts() {
    List<SearchHit> hits = search(SearchQuery.of("ろきそ", 200).withKinds(Kind.DRUG));

    assertThat(codes(hits)).contains("620098801");
    assertThat(hits).filteredOn(h -> h.entry().code().equals("620098801"))
        .extracting(h -> h.entry().name()).containsExactly("ロキソニン錠６０ｍｇ");
    assertThat(hits).extracting(h -> h.entry().name())
        .anyMatch(name -> name.startsWith("ロキソプロフェンＮａ錠６０ｍｇ「"))
        .anyMatch(name -> name.startsWith("ロキソプロフェンナトリウム"));
    assertThat(hits).filteredOn(h -> h.entry().name().startsWith("ロキソ")).extracting(SearchHit::tier)
        .containsOnly(MatchTier.NAME_PREFIX);
    assertThat(hits).filteredOn(h -> h.entry().name().startsWith("アンブロキソール")).extracting(SearchHit::tier)
        .containsOnly(MatchTier.SUBSTRING);
    assertThat(hits).extracting(SearchHit::tier).isSorted();
  }

  @Test
  void halfWidthSmallKanaAndLongVowelSpellingsFindTheSameDrugs() {
    List<String> typed = codes(search(SearchQuery.of("ろきそにん", 30).withKinds(Kind.DRUG)));
    assertThat(typed).contains("620098801");
    assertThat(codes(search(SearchQuery.of("ﾛｷｿﾆﾝ", 30).withKinds(Kind.DRUG)))).isEqualTo(typed);
    assertThat(codes(search(SearchQuery.of("ロキソニン", 30).withKinds(Kind.DRUG)))).isEqualTo(typed);
    assertThat(codes(search(SearchQuery.of("がすたー", 30).withKinds(Kind.DRUG))))
        .isEqualTo(codes(search(SearchQuery.of("ｶﾞｽﾀ", 30).withKinds(Kind.DRUG))))
        .contains("610406079");
  }

  @Test
  void drugIsFoundByReceiptCodeYjPrefixAndGenericName() {
    List<SearchHit> byCode = search(SearchQuery.of("620098801", 5));
    assertThat(byCode.get(0)).extracting(SearchHit::tier).isEqualTo(MatchTier.EXACT_CODE);
    assertThat(byCode.get(0).entry().name()).isEqualTo("ロキソニン錠６０ｍｇ");

    assertThat(codes(search(SearchQuery.of("1149019F1", 100)))).contains("620098801", "620098902");
    assertThat(codes(search(SearchQuery.of("ろきそぷろふぇんNa錠", 100).withKinds(Kind.DRUG)))).contains("620098801");
  }

  @Test
  void hiraganaIenFindsTheDiseaseGastritisFirst() {
    List<SearchHit> hits = search(SearchQuery.of("いえん", 20).withKinds(Kind.DISEASE));

    assertThat(hits.get(0).entry().code()).isEqualTo("8830417");
    assertThat(hits.get(0).entry().name()).isEqualTo("胃炎");
    assertThat(codes(hits)).contains("8830418");
  }

  @Test
  void diseaseIsFoundByKanjiSubstringIcd10AndExchangeCode() {
    assertThat(codes(search(SearchQuery.of("胃腸炎", 50).withKinds(Kind.DISEASE)))).contains("0091005", "0091009");
    List<SearchHit> byIcd = search(SearchQuery.of("k297", 20).withKinds(Kind.DISEASE));
    assertThat(codes(byIcd)).contains("8830417", "5354012");
    assertThat(byIcd).extracting(SearchHit::tier).containsOnly(MatchTier.EXACT_CODE);
    assertThat(codes(search(SearchQuery.of("TSQF", 5)))).startsWith("8830417");
  }

  @Test
  void procedureIsFoundByCodeNameAndKana() {
    assertThat(codes(search(SearchQuery.of("111000110", 5)))).startsWith("111000110");
    assertThat(codes(search(SearchQuery.of("初診料", 20).withKinds(Kind.PROCEDURE)))).startsWith("111000110");
    assertThat(codes(search(SearchQuery.of("しょしんりょう", 20).withKinds(Kind.PROCEDURE)))).contains("111000110");
  }

  @Test
  void modifierIsFoundByNameAndKana() {
    assertThat(codes(search(SearchQuery.of("みぎ", 20).withKinds(Kind.MODIFIER)))).startsWith("2056");
    assertThat(codes(search(SearchQuery.of("の疑い", 20).withKinds(Kind.MODIFIER)))).startsWith("8002");
  }

  @Test
  void exactCodeBeatsCodePrefixBeatsNamePrefixBeatsSubstring() {
    List<SearchHit> hits = search(SearchQuery.of("胃炎", 300).withKinds(Kind.DISEASE));
    assertThat(hits.get(0).entry().code()).isEqualTo("8830417");
    assertThat(hits).extracting(SearchHit::tier).contains(MatchTier.NAME_PREFIX, MatchTier.SUBSTRING);
    assertThat(hits).extracting(SearchHit::tier).isSorted();
    assertThat(codes(hits)).contains("5350004");

    List<SearchHit> drugCodes = search(SearchQuery.of("6200988", 50));
    assertThat(drugCodes).extracting(SearchHit::tier).containsOnly(MatchTier.CODE_PREFIX);
    assertThat(search(SearchQuery.of("620098801", 50))).extracting(SearchHit::tier).containsExactly(MatchTier.EXACT_CODE);
  }

  @Test
  void clinicUsageMovesAnItemToTheTopOfItsTier() {
    List<SearchHit> plain = search(SearchQuery.of("ろきそ", 10).withKinds(Kind.DRUG));
    String last = plain.get(plain.size() - 1).entry().code();

    List<SearchHit> used = search(SearchQuery.of("ろきそ", 10).withKinds(Kind.DRUG).withUsage(UsageCounts.of(Map.of(last, 7))));

    assertThat(used.get(0).entry().code()).isEqualTo(last);
    assertThat(codes(used).subList(1, used.size())).isEqualTo(codes(plain).subList(0, plain.size() - 1));
  }

  @Test
  void abolishedCommentIsHiddenUnlessAskedFor() {
    // 820100380 was abolished on 2025-03-31 in c_ALL20250307.
    assertThat(search(SearchQuery.of("820100380", 5))).isEmpty();
    assertThat(codes(search(SearchQuery.of("820100380", 5).includingAbolished()))).containsExactly("820100380");
    assertThat(codes(search(SearchQuery.of("容体が急変し", 20).withKinds(Kind.COMMENT)))).doesNotContain("820100380");
  }
}
