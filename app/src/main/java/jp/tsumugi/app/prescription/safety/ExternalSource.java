package jp.tsumugi.app.prescription.safety;

/** Where an external medication record (他院処方) comes from. */
public enum ExternalSource {
  /** お薬手帳 shown by the patient. */
  NOTEBOOK,
  /** The national medication history (電子処方箋管理サービス / オンライン資格確認); the feed comes in a later issue. */
  NATIONAL,
  /** Anything else (紹介状, the patient's word …). */
  OTHER
}
