package jp.tsumugi.app.master;

import java.util.List;

/**
 * コメント (c). The code is 区分 + パターン + 番号 (cols 3–5, 番号 zero-padded to 6 digits), which equals
 * コメントコード (col 23) wherever that is filled; diff rows leave col 23 blank.
 *
 * @param category 区分 (col 3)
 * @param pattern パターン (col 4): 10 free text, 20 fixed text, 30/31/40/42/50/51/52/80/90 embed values
 * @param name 漢字名称 (col 7)
 * @param kana カナ名称 (col 9)
 * @param embeds レセプト編集情報1–4 (cols 10–17) that are set
 */
public record CommentRecord(String code, String category, String pattern, String name, String kana, List<Embed> embeds,
    Validity validity, RawRow raw) implements MasterRecord {

  /** Where a number or date is written into the comment text: column position and number of digits. */
  public record Embed(int column, int digits) {
  }

  public CommentRecord {
    embeds = List.copyOf(embeds);
  }

  @Override
  public MasterKind kind() {
    return MasterKind.C;
  }
}
