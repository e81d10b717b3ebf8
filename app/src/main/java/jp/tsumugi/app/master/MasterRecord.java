package jp.tsumugi.app.master;

/** One revision of a record of one of the six masters. */
public sealed interface MasterRecord permits ProcedureRecord, DrugRecord, MaterialRecord, CommentRecord, DiseaseRecord,
    ModifierRecord {
  MasterKind kind();

  String code();

  /** The name shown in lists (漢字名称; the abbreviated one where the master has two). */
  String name();

  /** Half-width or full-width katakana as published (folding is the search index's job). */
  String kana();

  Validity validity();

  RawRow raw();
}
