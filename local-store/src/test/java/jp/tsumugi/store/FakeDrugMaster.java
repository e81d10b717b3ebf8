package jp.tsumugi.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import jp.tsumugi.app.master.ChangeKind;
import jp.tsumugi.app.master.DrugRecord;
import jp.tsumugi.app.master.MasterKind;
import jp.tsumugi.app.master.MasterRecord;
import jp.tsumugi.app.master.MasterRepository;
import jp.tsumugi.app.master.MasterStatus;
import jp.tsumugi.app.master.RawRow;
import jp.tsumugi.app.master.Validity;

/** A few real y-master drugs (code, name, YJ as in y_ALL20240321) as a master repository for store tests. */
final class FakeDrugMaster implements MasterRepository {
  private final Map<String, DrugRecord> drugs = new LinkedHashMap<>();

  FakeDrugMaster add(String code, String name, String yj, String narcotic, String generic) {
    List<String> cols = new ArrayList<>(Collections.nCopies(40, ""));
    cols.set(35, "0");
    drugs.put(code, new DrugRecord(code, name, name, "", "錠", new BigDecimal("10.00"), narcotic, generic, "1", yj,
        yj.substring(0, 9) + "ZZZ", "", "", new Validity(LocalDate.of(2020, 1, 1), null, ChangeKind.CONTINUED), new RawRow(cols)));
    return this;
  }

  static FakeDrugMaster standard() {
    return new FakeDrugMaster()
        .add("611120055", "ハルシオン０．２５ｍｇ錠", "1124007F2026", "5", "0")
        .add("610412126", "トリアゾラム錠０．１２５ｍｇ「ＥＭＥＣ」", "1124007F1011", "5", "1")
        .add("616290177", "イトリゾールカプセル５０　５０ｍｇ", "6290004M1029", "0", "0")
        .add("616140105", "クラリス錠２００　２００ｍｇ", "6149003F2038", "0", "0")
        .add("622081101", "トラムセット配合錠", "1149117F1020", "0", "0")
        .add("620000033", "カロナール錠３００　３００ｍｇ", "1141007F2027", "0", "1")
        .add("613330001", "ワルファリンカリウム錠　１ｍｇ", "3332001F1016", "0", "0")
        .add("620007077", "フロリードゲル経口用２％", "6290003X1039", "0", "0")
        .add("612180263", "リポバス錠５　５ｍｇ", "2189011F1025", "0", "0")
        .add("610443047", "マイスリー錠５ｍｇ", "1129009F1025", "5", "0")
        .add("620002477", "クレストール錠２．５ｍｇ", "2189017F1022", "0", "0")
        .add("610432012", "ブロプレス錠４　４ｍｇ", "2149040F2022", "0", "0")
        .add("620003074", "アロプリノール錠１００ｍｇ「アメル」", "3943001F1012", "0", "1")
        .add("610443053", "バイアスピリン錠１００ｍｇ", "3399007H1013", "0", "1")
        .add("620002547", "ユリノーム錠２５ｍｇ", "3949002F1053", "0", "0");
  }

  List<String> codes() {
    return List.copyOf(drugs.keySet());
  }

  @Override
  public Optional<MasterRecord> find(MasterKind kind, String code, LocalDate asOf) {
    return kind == MasterKind.Y ? Optional.ofNullable(drugs.get(code)) : Optional.empty();
  }

  @Override
  public List<MasterRecord> history(MasterKind kind, String code) {
    return find(kind, code, null).map(List::of).orElse(List.of());
  }

  @Override
  public void forEachInForce(MasterKind kind, LocalDate asOf, Consumer<MasterRecord> sink) {
    forEachLatest(kind, sink);
  }

  @Override
  public void forEachLatest(MasterKind kind, Consumer<MasterRecord> sink) {
    if (kind == MasterKind.Y) {
      drugs.values().forEach(sink);
    }
  }

  @Override
  public MasterStatus status() {
    return new MasterStatus(List.of());
  }
}
