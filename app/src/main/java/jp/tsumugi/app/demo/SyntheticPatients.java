package jp.tsumugi.app.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.tsumugi.app.insurance.Insurance;
import jp.tsumugi.app.insurance.InsurerNumbers;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;

/**
 * Synthetic patients for the demo clinic: common Japanese names with their kana, plausible birth
 * dates and addresses, and insurance whose insurer numbers carry valid check digits. Every person
 * is invented; the same seed gives the same clinic.
 */
public final class SyntheticPatients {
  private static final String[][] FAMILY = {
    {"佐藤", "サトウ"}, {"鈴木", "スズキ"}, {"高橋", "タカハシ"}, {"田中", "タナカ"}, {"伊藤", "イトウ"},
    {"渡辺", "ワタナベ"}, {"山本", "ヤマモト"}, {"中村", "ナカムラ"}, {"小林", "コバヤシ"}, {"加藤", "カトウ"},
    {"吉田", "ヨシダ"}, {"山田", "ヤマダ"}, {"佐々木", "ササキ"}, {"山口", "ヤマグチ"}, {"松本", "マツモト"},
    {"井上", "イノウエ"}, {"木村", "キムラ"}, {"林", "ハヤシ"}, {"斎藤", "サイトウ"}, {"清水", "シミズ"},
    {"山崎", "ヤマザキ"}, {"森", "モリ"}, {"池田", "イケダ"}, {"橋本", "ハシモト"}, {"阿部", "アベ"},
    {"石川", "イシカワ"}, {"山下", "ヤマシタ"}, {"中島", "ナカジマ"}, {"石井", "イシイ"}, {"小川", "オガワ"},
    {"前田", "マエダ"}, {"岡田", "オカダ"}, {"長谷川", "ハセガワ"}, {"藤田", "フジタ"}, {"後藤", "ゴトウ"},
    {"近藤", "コンドウ"}, {"村上", "ムラカミ"}, {"遠藤", "エンドウ"}, {"青木", "アオキ"}, {"坂本", "サカモト"},
    {"大野", "オオノ"}, {"太田", "オオタ"}, {"工藤", "クドウ"}, {"今井", "イマイ"}, {"福田", "フクダ"},
  };
  private static final String[][] MALE = {
    {"蓮", "レン"}, {"湊", "ミナト"}, {"大翔", "ヒロト"}, {"陽翔", "ハルト"}, {"悠真", "ユウマ"},
    {"翔太", "ショウタ"}, {"健太", "ケンタ"}, {"大輔", "ダイスケ"}, {"誠", "マコト"}, {"浩", "ヒロシ"},
    {"隆", "タカシ"}, {"茂", "シゲル"}, {"清", "キヨシ"}, {"博", "ヒロシ"}, {"勇", "イサム"},
    {"拓也", "タクヤ"}, {"直樹", "ナオキ"}, {"和也", "カズヤ"}, {"哲也", "テツヤ"}, {"修", "オサム"},
    {"昭", "アキラ"}, {"正夫", "マサオ"}, {"一郎", "イチロウ"}, {"健一", "ケンイチ"}, {"亮", "リョウ"},
  };
  private static final String[][] FEMALE = {
    {"陽葵", "ヒマリ"}, {"凛", "リン"}, {"結菜", "ユイナ"}, {"美咲", "ミサキ"}, {"さくら", "サクラ"},
    {"陽子", "ヨウコ"}, {"恵子", "ケイコ"}, {"幸子", "サチコ"}, {"和子", "カズコ"}, {"洋子", "ヨウコ"},
    {"裕子", "ユウコ"}, {"直美", "ナオミ"}, {"由美", "ユミ"}, {"久美子", "クミコ"}, {"真由美", "マユミ"},
    {"愛", "アイ"}, {"彩", "アヤ"}, {"舞", "マイ"}, {"千尋", "チヒロ"}, {"明美", "アケミ"},
    {"節子", "セツコ"}, {"静香", "シズカ"}, {"芽依", "メイ"}, {"葵", "アオイ"}, {"花子", "ハナコ"},
  };
  private static final String[][] PLACES = {
    {"160-0022", "東京都新宿区新宿"}, {"151-0053", "東京都渋谷区代々木"}, {"113-0033", "東京都文京区本郷"},
    {"170-0013", "東京都豊島区東池袋"}, {"164-0001", "東京都中野区中野"}, {"167-0051", "東京都杉並区荻窪"},
    {"180-0004", "東京都武蔵野市吉祥寺本町"}, {"182-0024", "東京都調布市布田"}, {"154-0004", "東京都世田谷区太子堂"},
    {"143-0023", "東京都大田区山王"},
  };

  private SyntheticPatients() {
  }

  /** A generated patient with one insurance (ids are assigned when stored). */
  public record Generated(Patient patient, Insurance insurance) {
  }

  /** {@code count} patients as of {@code today}, numbered from 1. */
  public static List<Generated> generate(int count, long seed, LocalDate today) {
    Random random = new Random(seed);
    List<Generated> out = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
      String[] family = pick(random, FAMILY);
      String[] given = pick(random, sex == Sex.MALE ? MALE : FEMALE);
      // Ages 0 to 95, weighted towards the older patients a clinic sees most.
      int age = Math.min(95, (int) Math.abs(random.nextGaussian() * 25 + 55));
      LocalDate birth = today.minusYears(age).minusDays(random.nextInt(365));
      String[] place = pick(random, PLACES);
      String address = place[1] + (1 + random.nextInt(5)) + "-" + (1 + random.nextInt(30)) + "-" + (1 + random.nextInt(20));
      String phone = String.format("0%d0-%04d-%04d", 7 + random.nextInt(3), random.nextInt(10_000), random.nextInt(10_000));
      Patient patient = new Patient(0, String.format("%06d", i), family[0], given[0], family[1], given[1], sex, birth,
          place[0], address, phone);
      out.add(new Generated(patient, insuranceFor(random, age, today)));
    }
    return out;
  }

  private static Insurance insuranceFor(Random random, int age, LocalDate today) {
    String insurer;
    String symbol;
    boolean insured = random.nextInt(3) != 0;
    if (age >= 75) {
      insurer = InsurerNumbers.withCheckDigit("39131" + digits(random, 2));
      symbol = "";
      insured = true;
    } else if (random.nextInt(4) == 0) {
      insurer = InsurerNumbers.withCheckDigit("13" + digits(random, 3));
      symbol = "東" + (10 + random.nextInt(80));
    } else if (random.nextBoolean()) {
      insurer = InsurerNumbers.withCheckDigit("011300" + digits(random, 1));
      symbol = digits(random, 8);
    } else {
      insurer = InsurerNumbers.withCheckDigit("0613" + digits(random, 3));
      symbol = digits(random, 4);
    }
    String number = age >= 75 ? digits(random, 8) : Integer.toString(1 + random.nextInt(99_999));
    String branch = age >= 75 ? "" : String.format("%02d", insured ? 0 : 1 + random.nextInt(4));
    LocalDate from = today.minusYears(random.nextInt(10)).withDayOfMonth(1);
    return new Insurance(0, 0, insurer, symbol, number, branch, insured, from, null);
  }

  private static String digits(Random random, int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append(random.nextInt(10));
    }
    return s.toString();
  }

  private static String[] pick(Random random, String[][] table) {
    return table[random.nextInt(table.length)];
  }
}
