package jp.tsumugi.app.demo;

import java.time.Instant;
import jp.tsumugi.app.chart.StampKind;
import jp.tsumugi.app.chart.Stamps;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;

/** A few shared stamps (共有スタンプ) for the demo clinic, created by its doctor account. */
public final class DemoStamps {
  private DemoStamps() {
  }

  /** Creates the demo's shared stamps; returns how many. */
  public static int create(Stamps stamps, String terminal, Instant now) {
    Session doctor = new Session(new User(0, "doctor", "医師 花子", Role.DOCTOR, "-", null, true, 0, null, now), terminal, now);
    stamps.create(doctor, true, StampKind.SUBJECTIVE, "カゼ", "かぜ症状",
        "昨日から咽頭痛、鼻汁、咳嗽あり。発熱なし。食欲は保たれている。");
    stamps.create(doctor, true, StampKind.OBJECTIVE, "bp", "血圧・脈拍",
        "BP    /    mmHg  HR    /分  SpO2    %  KT    ℃");
    stamps.create(doctor, true, StampKind.OBJECTIVE, "ｲﾝﾄｳ", "咽頭所見", "咽頭発赤あり、扁桃腫大なし、白苔なし。頸部リンパ節腫脹なし。肺音清。");
    stamps.create(doctor, true, StampKind.ASSESSMENT, "uri", "急性上気道炎", "急性上気道炎");
    stamps.create(doctor, true, StampKind.PLAN, "kaze", "かぜ処方 Do",
        "カロナール錠200mg 1回2錠 発熱時・疼痛時 10回分\nムコダイン錠500mg 3錠 分3 毎食後 5日分\n症状増悪時は再診");
    stamps.create(doctor, true, StampKind.PLAN, "htn", "高血圧 Do",
        "アムロジピン錠5mg 1錠 分1 朝食後 28日分\n家庭血圧の記録を持参");
    return 6;
  }
}
