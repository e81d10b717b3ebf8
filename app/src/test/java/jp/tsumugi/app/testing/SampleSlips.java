package jp.tsumugi.app.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.prescription.DispensingKind;
import jp.tsumugi.app.prescription.RouteKind;
import jp.tsumugi.app.prescription.print.DrugInformationSheet;
import jp.tsumugi.app.prescription.print.PrescriptionSlip;
import jp.tsumugi.app.prescription.print.PrescriptionSlip.SlipGroup;
import jp.tsumugi.app.prescription.print.PrescriptionSlip.SlipItem;

/** Printed-prescription data with every field filled, for renderer and preview tests (the values are synthetic). */
public final class SampleSlips {
  public static final PrescriptionSlip.SlipClinic CLINIC = new PrescriptionSlip.SlipClinic("紡デモクリニック", "160-0022",
      "東京都新宿区新宿1-2-3 紡ビル2階", "03-1234-5678", "13", "1", "1234567");

  private SampleSlips() {
  }

  /** Four Rp: 内服 with 患者希望 and 選定療養, 内服 by generic name, 頓服 with a note, 外用 with 変更不可; refills 2. */
  public static PrescriptionSlip full() {
    return withPatientName("山田　花子", groups());
  }

  public static PrescriptionSlip withPatientName(String name, List<SlipGroup> groups) {
    return new PrescriptionSlip(42, 7, 1, DispensingKind.OUTSIDE,
        Optional.of(new PrescriptionSlip.SlipInsurance("01130012", "記号１２", "3456", "02", false)),
        List.of(new PrescriptionSlip.SlipPublicExpense("54136015", "1111111"), new PrescriptionSlip.SlipPublicExpense("85144004", "")),
        new PrescriptionSlip.SlipPatient(name, "ヤマダ　ハナコ", LocalDate.of(1980, 4, 5), Sex.FEMALE), OptionalInt.of(3), CLINIC,
        "佐藤　一郎", LocalDate.of(2026, 11, 20), Optional.empty(), groups, 2,
        List.of("残薬確認", "選定療養（長期収載品）：ロキソニン錠６０ｍｇ"));
  }

  public static List<SlipGroup> groups() {
    return List.of(
        new SlipGroup(1, RouteKind.ORAL, "1日3回毎食後", 14, null, "", List.of(
            new SlipItem("620098801", "ロキソニン錠６０ｍｇ", false, "1", "3", "錠", false, true, true, ""),
            new SlipItem("620452801", "ムコスタ錠１００ｍｇ", false, "1", "3", "錠", false, false, false, "胃薬"))),
        new SlipGroup(2, RouteKind.ORAL, "1日1回朝食後", 28, null, "", List.of(
            new SlipItem("612170710", "【般】アムロジピン錠５ｍｇ", true, "", "1", "錠", false, false, false, ""))),
        new SlipGroup(3, RouteKind.AS_NEEDED, "疼痛時（38.5度以上）", null, 10, "", List.of(
            new SlipItem("620002023", "カロナール錠２００　２００ｍｇ", false, "2", "", "錠", false, false, false, ""))),
        new SlipGroup(4, RouteKind.TOPICAL, "1日1回患部に貼付（腰部）", 7, null, "", List.of(
            new SlipItem("620003477", "ロキソニンパップ１００ｍｇ　１０ｃｍ×１４ｃｍ", false, "", "14", "枚", true, false, false, ""))));
  }

  /** {@code count} 内服 groups of one drug each: more Rp lines than one page holds. */
  public static List<SlipGroup> many(int count) {
    List<SlipGroup> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      out.add(new SlipGroup(i, RouteKind.ORAL, "1日1回朝食後", 28, null, "", List.of(
          new SlipItem("612170710", "テスト薬" + i + "錠５ｍｇ", false, "", "1", "錠", false, false, false, ""))));
    }
    return out;
  }

  /** The information sheet of {@link #full()}'s drugs: memos for the first three, none for the others. */
  public static DrugInformationSheet sheet() {
    return new DrugInformationSheet(42, 7, 1, "山田　花子", "ヤマダ　ハナコ", LocalDate.of(2026, 11, 20), CLINIC, "佐藤　一郎", List.of(
        new DrugInformationSheet.Drug("620098801", "ロキソニン錠６０ｍｇ", "1日3回毎食後　1回1錠　1日3錠　14日分",
            Optional.of("痛みや炎症、熱をおさえるお薬です。"), Optional.of("空腹時を避けて飲んでください。")),
        new DrugInformationSheet.Drug("620452801", "ムコスタ錠１００ｍｇ", "1日3回毎食後　1回1錠　1日3錠　14日分",
            Optional.of("胃の粘膜を守るお薬です。"), Optional.empty()),
        new DrugInformationSheet.Drug("612170710", "【般】アムロジピン錠５ｍｇ", "1日1回朝食後　1日1錠　28日分",
            Optional.of("血圧を下げるお薬です。"), Optional.of("めまいや足のむくみが続くときはご相談ください。")),
        new DrugInformationSheet.Drug("620002023", "カロナール錠２００　２００ｍｇ", "疼痛時（38.5度以上）　1回2錠　10回分",
            Optional.empty(), Optional.empty())));
  }
}
