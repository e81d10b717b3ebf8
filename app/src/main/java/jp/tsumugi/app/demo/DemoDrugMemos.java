package jp.tsumugi.app.demo;

import java.time.Instant;
import java.util.List;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.prescription.memo.DrugMemo;
import jp.tsumugi.app.prescription.memo.DrugMemoStore;

/**
 * Demo drug memos for the 薬剤情報提供書 (docs/adr/0032): a few common drugs, written in plain words for patients. Demo text, not a
 * package insert: a clinic writes its own. Saved straight to the store so the demo works without the masters loaded.
 */
public final class DemoDrugMemos {
  static final String AUTHOR = "demo";

  /** Amlodipine by ingredient key (every brand and strength), the others by drug code. */
  public static final List<DrugMemo> MEMOS = List.of(
      new DrugMemo("2171022", "", "血圧を下げるお薬です（デモ用の文章）。",
          "めまい、顔のほてり、足のむくみが続くときはご相談ください。グレープフルーツジュースは控えてください。", Instant.EPOCH, AUTHOR),
      new DrugMemo("620098801", "ロキソニン錠６０ｍｇ", "痛みや炎症、熱をおさえるお薬です（デモ用の文章）。",
          "空腹時を避けて飲んでください。胃の痛み、黒い便、発疹が出たら中止してご連絡ください。", Instant.EPOCH, AUTHOR),
      new DrugMemo("620452801", "ムコスタ錠１００ｍｇ", "胃の粘膜を守り、胃炎や胃潰瘍を治すお薬です（デモ用の文章）。",
          "発疹、かゆみが出たらご相談ください。", Instant.EPOCH, AUTHOR),
      new DrugMemo("620002023", "カロナール錠２００　２００ｍｇ", "熱を下げ、痛みをやわらげるお薬です（デモ用の文章）。",
          "ほかの解熱鎮痛薬やかぜ薬と一緒に飲まないでください（同じ成分の重複に注意）。", Instant.EPOCH, AUTHOR),
      new DrugMemo("620003477", "ロキソニンパップ１００ｍｇ　１０ｃｍ×１４ｃｍ", "貼った部分の痛みや腫れをやわらげる貼り薬です（デモ用の文章）。",
          "かぶれたらはがしてください。傷や湿疹のある所には貼らないでください。", Instant.EPOCH, AUTHOR));

  private DemoDrugMemos() {
  }

  /** Saves the demo memos (replacing ones with the same key) at {@code at}. */
  public static int seed(DrugMemoStore store, Transactions tx, Instant at) {
    tx.inTransaction(() -> {
      for (DrugMemo m : MEMOS) {
        store.save(new DrugMemo(m.key(), m.drugName(), m.effects(), m.cautions(), at, AUTHOR));
      }
      return null;
    });
    return MEMOS.size();
  }
}
