package jp.tsumugi.app.master.search;

/** How a hit matched the query, best first; a better tier always ranks above a worse one. */
public enum MatchTier {
  /** The query equals the code or a code-like extra key (YJ, ICD-10, 病名交換用コード …). */
  EXACT_CODE,
  /** The query starts the code or a code-like extra key. */
  CODE_PREFIX,
  /** The query starts the name, the kana or a name-like extra key (一般名). */
  NAME_PREFIX,
  /** The query occurs inside the name, the kana or a name-like extra key. */
  SUBSTRING
}
