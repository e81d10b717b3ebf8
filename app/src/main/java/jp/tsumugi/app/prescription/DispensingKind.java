package jp.tsumugi.app.prescription;

/** Where the drugs are handed out: 院外処方 (a pharmacy, on a 処方箋) or 院内処方 (the clinic itself). */
public enum DispensingKind {
  /** 院外処方. */
  OUTSIDE,
  /** 院内処方. */
  INSIDE
}
