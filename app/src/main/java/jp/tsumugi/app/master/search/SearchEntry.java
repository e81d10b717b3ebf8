package jp.tsumugi.app.master.search;

import java.util.List;
import java.util.Objects;

/**
 * One master item as the search index sees it. The importer's records are adapted to this shape, so
 * the index knows nothing of the master file layouts.
 *
 * @param kind which master the item comes from
 * @param code the master code (診療行為コード, 医薬品コード, 傷病名コード, 修飾語コード …)
 * @param name the kanji name (基本名称 / 漢字名称)
 * @param kana the kana name as published (half-width in s/y/t/c, full-width in b/z); may be empty
 * @param extraKeys further keys: codes (YJ, 一般名コード, ICD-10, 病名交換用コード) and texts (一般名処方の標準的な記載).
 *     A key made only of ASCII letters and digits after folding is searched as a code, any other as a name.
 * @param abolished whether the item is abolished (廃止) at the date the index was built for
 */
public record SearchEntry(Kind kind, String code, String name, String kana, List<String> extraKeys, boolean abolished) {
  /** The masters the index covers. */
  public enum Kind {
    /** 医科診療行為 (s). */
    PROCEDURE,
    /** 医薬品 (y). */
    DRUG,
    /** 特定器材 (t). */
    MATERIAL,
    /** コメント (c). */
    COMMENT,
    /** 傷病名 (b). */
    DISEASE,
    /** 修飾語 (z). */
    MODIFIER
  }

  public SearchEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(code, "code");
    name = name == null ? "" : name;
    kana = kana == null ? "" : kana;
    extraKeys = extraKeys == null ? List.of() : List.copyOf(extraKeys);
  }

  /** A live entry without extra keys. */
  public static SearchEntry of(Kind kind, String code, String name, String kana) {
    return new SearchEntry(kind, code, name, kana, List.of(), false);
  }
}
