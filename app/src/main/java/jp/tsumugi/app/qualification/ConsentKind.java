package jp.tsumugi.app.qualification;

/** The consents stored per patient: 薬剤情報, 診療情報, 特定健診情報, 手術情報. */
public enum ConsentKind {
  PHARMACY,
  DIAGNOSIS,
  HEALTH_CHECKUPS,
  OPERATION
}
