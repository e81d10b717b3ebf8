package jp.tsumugi.app.clinic;

import java.util.List;
import java.util.Optional;

/** The 47 都道府県 with their JIS X 0401 codes (01 北海道 … 47 沖縄県), as claims use them. */
public record Prefecture(String code, String name) {
  private static final List<String> NAMES = List.of(
      "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
      "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
      "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
      "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
      "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県");

  public static List<Prefecture> all() {
    return java.util.stream.IntStream.range(0, NAMES.size())
        .mapToObj(i -> new Prefecture(String.format("%02d", i + 1), NAMES.get(i))).toList();
  }

  public static Optional<Prefecture> byCode(String code) {
    if (code == null || !code.matches("\\d{2}")) {
      return Optional.empty();
    }
    int n = Integer.parseInt(code);
    return n >= 1 && n <= NAMES.size() ? Optional.of(new Prefecture(code, NAMES.get(n - 1))) : Optional.empty();
  }
}
