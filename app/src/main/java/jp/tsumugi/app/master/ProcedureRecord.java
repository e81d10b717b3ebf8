package jp.tsumugi.app.master;

import java.math.BigDecimal;
import java.util.List;

/**
 * 医科診療行為 (s). Category fields are kept as the published code text; their meanings are in
 * docs/reference/billing-rules.md §2.1.
 *
 * @param name 省略漢字名称 (col 5)
 * @param basicName 基本漢字名称 (col 113)
 * @param kana 省略カナ名称 (col 7)
 * @param pointKind 点数識別 (col 11): 3 points, 1 yen, 5/6/7/8 percentages and reductions
 * @param points 新又は現点数 (col 12), exact (some items carry half points, e.g. 42.50)
 * @param inOutpatientKind 入外適用区分 (col 13)
 * @param outpatientAggregation 点数欄集計先識別(入院外) (col 15)
 * @param bundledTestKind 包括対象検査 (col 16)
 * @param maxCount 上限回数 (col 36)
 * @param maxCountHandling 上限回数エラー処理 (col 37)
 * @param noteAdditionCode 注加算コード (col 38)
 * @param noteAdditionSequence 注加算通番 (col 39)
 * @param ageRule 通則年齢 (col 40)
 * @param minAge 下限年齢 (col 41)
 * @param maxAge 上限年齢 (col 42)
 * @param testJudgementKind 検査等実施判断区分 (col 50)
 * @param testJudgementGroup 検査等実施判断グループ区分 (col 51)
 * @param outpatientManagementExclusion 外来管理加算区分 (col 56)
 * @param noticeKind1 告示等識別区分(1) (col 68)
 * @param noticeKind2 告示等識別区分(2) (col 69)
 * @param ageAdditions 年齢加算1–4 (cols 100–111), only those that name a procedure
 */
public record ProcedureRecord(String code, String name, String basicName, String kana, String pointKind, BigDecimal points,
    String inOutpatientKind, String outpatientAggregation, String bundledTestKind, String maxCount, String maxCountHandling,
    String noteAdditionCode, String noteAdditionSequence, String ageRule, String minAge, String maxAge,
    String testJudgementKind, String testJudgementGroup, String outpatientManagementExclusion, String noticeKind1,
    String noticeKind2, List<AgeAddition> ageAdditions, Validity validity, RawRow raw) implements MasterRecord {

  /** One 年齢加算 slot: patients aged minAge to maxAge get the addition {@code procedureCode}. */
  public record AgeAddition(String minAge, String maxAge, String procedureCode) {
  }

  public ProcedureRecord {
    ageAdditions = List.copyOf(ageAdditions);
  }

  @Override
  public MasterKind kind() {
    return MasterKind.S;
  }
}
