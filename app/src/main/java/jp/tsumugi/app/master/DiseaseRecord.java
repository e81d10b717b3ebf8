package jp.tsumugi.app.master;

import java.time.LocalDate;

/**
 * 傷病名 (b).
 *
 * @param successorCode 移行先コード (col 4)
 * @param name 基本名称 (col 6)
 * @param abbreviatedName 省略名称 (col 8)
 * @param kana カナ名称 (col 10)
 * @param managementNumber 病名管理番号 (col 11)
 * @param adoptionKind 採択区分 (col 12)
 * @param exchangeCode 病名交換用コード (col 13)
 * @param icd10First ICD-10 (2013) 1 (col 16)
 * @param icd10Second ICD-10 (2013) 2 (col 17)
 * @param specificDiseaseKind 特定疾患等対象区分 (col 21): 05 = 特定疾患療養管理料
 * @param listedOn 収載年月日 (col 22), null when blank
 */
public record DiseaseRecord(String code, String successorCode, String name, String abbreviatedName, String kana,
    String managementNumber, String adoptionKind, String exchangeCode, String icd10First, String icd10Second,
    String specificDiseaseKind, LocalDate listedOn, Validity validity, RawRow raw) implements MasterRecord {

  @Override
  public MasterKind kind() {
    return MasterKind.B;
  }
}
