package jp.tsumugi.ui.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.chart.ChartSearch;
import jp.tsumugi.app.chart.ChartSearchResult;
import jp.tsumugi.app.chart.SoapNote;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.store.BulkChartLoader;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;

/**
 * `tsumugi bench chart-search [--notes N] [--patients P] [--queries Q]`: a fresh encrypted H2 store with N signed
 * notes of generated Japanese clinical text (about 300 to 1,500 characters each) spread over P patients. The notes
 * are seeded by JDBC batches ({@link BulkChartLoader}: visit, record, revision 1 and content, 1,000 per transaction),
 * not through ChartNotes, so there is no audit entry and no lease per note: the use case would take many minutes.
 * Then it builds the search index (time; heap used after GC before and after) and times Q searches through
 * ChartSearch (scan + snippets of the shown hits read back + audit), mixed 1 to 3 term queries: common and rare
 * terms, katakana/half-width/hiragana spellings, and misses. Prints p50/p95/p99/max per query kind.
 */
final class ChartSearchBench {
  private static final int WARM_UP = 50;
  private static final int SEED_BATCH = 1_000;

  private static final String[] SYMPTOMS = {"咽頭痛", "発熱", "咳嗽", "鼻汁", "頭痛", "倦怠感", "腹痛", "下痢", "嘔気", "腰痛",
      "関節痛", "めまい", "動悸", "息切れ", "不眠", "食欲不振", "胸やけ", "かゆみ", "発疹", "しびれ"};
  private static final String[] DRUGS = {"カロナール錠200mg", "ロキソニン錠60mg", "ムコダイン錠500mg", "アムロジピン錠5mg",
      "カンデサルタン錠8mg", "メトホルミン錠250mg", "ランソプラゾールOD錠15mg", "レバミピド錠100mg", "アレグラ錠60mg",
      "モンテルカスト錠10mg", "ビソプロロール錠2.5mg", "アトルバスタチン錠10mg", "マイスリー錠5mg", "ツムラ葛根湯エキス顆粒"};
  private static final String[] DIAGNOSES = {"急性上気道炎", "高血圧症", "2型糖尿病", "脂質異常症", "逆流性食道炎", "気管支喘息",
      "アレルギー性鼻炎", "腰部脊柱管狭窄症", "変形性膝関節症", "不眠症", "急性胃腸炎", "帯状疱疹", "慢性胃炎", "骨粗鬆症"};
  /** Rare words: each in about 1 note in 2,000. */
  private static final String[] RARE = {"川崎病", "ツツガムシ病", "伝染性単核球症", "亜急性甲状腺炎", "リウマチ性多発筋痛症",
      "ギラン・バレー症候群", "サルコイドーシス", "褐色細胞腫"};
  private static final String[] PHRASES = {"昨日から", "3日前より", "朝方に増悪。", "夜間に症状が強い。", "家族内に同様の症状あり。",
      "市販薬で改善せず。", "前回処方で改善傾向。", "食事は摂れている。", "仕事は継続できている。", "特記すべき既往なし。"};

  private final CliEnvironment environment;
  private final int notes;
  private final int patients;
  private final int queries;

  ChartSearchBench(CliEnvironment environment, int notes, int patients, int queries) {
    this.environment = environment;
    this.notes = notes;
    this.patients = patients;
    this.queries = queries;
  }

  int run() throws IOException {
    Path work = Files.createTempDirectory("tsumugi-search-bench");
    Clock clock = environment.clock();
    LocalDate today = LocalDate.now(clock);
    try (LocalStore store = LocalStore.createH2(new StoreLocation(work.resolve("data"), work.resolve("keys")), clock).store()) {
      Random random = new Random(20261125L);
      long seedStart = System.nanoTime();
      long[] patientIds = new long[patients];
      store.transactions().run(() -> {
        for (int i = 0; i < patients; i++) {
          patientIds[i] = store.patients().insert(new Patient(0, String.format("%07d", i + 1), "患者", "太郎" + i, "カンジャ",
              "タロウ", i % 2 == 0 ? Sex.MALE : Sex.FEMALE, LocalDate.of(1940, 1, 1).plusDays(i % 25_000), null, null, null)).id();
        }
      });
      long chars = 0;
      for (int from = 0; from < notes; from += SEED_BATCH) {
        int top = Math.min(notes, from + SEED_BATCH);
        List<BulkChartLoader.Note> batch = new ArrayList<>();
        for (int i = from; i < top; i++) {
          SoapNote content = note(random);
          chars += content.length();
          batch.add(new BulkChartLoader.Note(patientIds[random.nextInt(patients)], today.minusDays(random.nextInt(3_650)), "doctor",
              clock.instant(), content));
        }
        BulkChartLoader.insertSignedNotes(store, batch);
      }
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

      ChartSearch search = new ChartSearch(store.chartSearchSource(), new HashChainedAuditLog(store.auditEntries(), clock),
          store.transactions());
      long heapBefore = usedHeapAfterGc();
      long buildStart = System.nanoTime();
      int indexed = search.indexedCount();
      double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
      long heapAfter = usedHeapAfterGc();

      Session doctor = new Session(new User(0, "doctor", "医師", Role.DOCTOR, "-", null, true, 0, null, clock.instant()),
          "bench", clock.instant());
      List<Query> mix = queries(new Random(7L));
      long[] all = new long[queries];
      List<List<Long>> byKind = new ArrayList<>();
      for (int k = 0; k < Kind.values().length; k++) {
        byKind.add(new ArrayList<>());
      }
      long totalHits = 0;
      for (int i = -WARM_UP; i < queries; i++) {
        Query q = mix.get(Math.floorMod(i, mix.size()));
        long t0 = System.nanoTime();
        ChartSearchResult result = search.search(doctor, q.text());
        long t1 = System.nanoTime();
        if (i >= 0) {
          all[i] = t1 - t0;
          byKind.get(q.kind().ordinal()).add(t1 - t0);
          totalHits += result.total();
        }
      }

      var out = environment.out();
      out.println();
      out.printf(Locale.ROOT, "%,d signed notes (%,d characters, %.0f per note) of %,d patients, seeded in %.1f s by JDBC "
          + "batches (BulkChartLoader, no audit); encrypted H2 file%n", notes, chars, (double) chars / notes, patients, seedSeconds);
      out.printf(Locale.ROOT, "index: %,d notes in %.1f s; heap used after GC %.0f MB before, %.0f MB after (+%.0f MB); max heap "
          + "%.0f MB%n", indexed, buildSeconds, heapBefore / 1048576.0, heapAfter / 1048576.0, (heapAfter - heapBefore) / 1048576.0,
          Runtime.getRuntime().maxMemory() / 1048576.0);
      out.printf(Locale.ROOT, "%d timed searches after %d warm-up ones (scan + newest 100 snippets read back + audit); "
          + "%.0f hits per search on average%n", queries, WARM_UP, (double) totalHits / queries);
      out.println();
      out.println("| queries | runs | p50 ms | p95 ms | p99 ms | max ms | target |");
      out.println("|---|--:|--:|--:|--:|--:|---|");
      for (Kind kind : Kind.values()) {
        List<Long> times = byKind.get(kind.ordinal());
        if (!times.isEmpty()) {
          row(kind.label, times.stream().mapToLong(Long::longValue).toArray(), "-");
        }
      }
      row("all", all, "p95 < 200 ms");
      out.println();
      out.println("JVM " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " processors");
      return 0;
    } finally {
      deleteTree(work);
    }
  }

  private enum Kind {
    COMMON("1 common term (many hits)"),
    RARE("1 rare term"),
    FOLDED("1 term, other spelling (ｶﾀｶﾅ/ひらがな)"),
    TWO("2 terms (AND)"),
    THREE("3 terms (AND)"),
    MISS("no hit");

    private final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  private record Query(Kind kind, String text) {
  }

  private static List<Query> queries(Random r) {
    List<Query> out = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      out.add(new Query(Kind.COMMON, pick(r, Stream.of(SYMPTOMS, DIAGNOSES).flatMap(Arrays::stream).toArray(String[]::new))));
      out.add(new Query(Kind.RARE, pick(r, RARE)));
      String drug = pick(r, DRUGS).replaceAll("[錠OD].*$", "");
      out.add(new Query(Kind.FOLDED, r.nextBoolean() ? halfWidth(drug) : hiragana(drug)));
      out.add(new Query(Kind.TWO, pick(r, SYMPTOMS) + " " + pick(r, DRUGS).substring(0, 4)));
      out.add(new Query(Kind.THREE, pick(r, SYMPTOMS) + "　" + pick(r, DIAGNOSES) + " " + pick(r, PHRASES).substring(0, 3)));
      out.add(new Query(Kind.MISS, r.nextBoolean() ? "存在しない語" + i : pick(r, SYMPTOMS) + " 該当なし" + i));
    }
    return out;
  }

  private static String hiragana(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c >= '\u30A1' && c <= '\u30F6' ? (char) (c - 0x60) : c);
    }
    return b.toString();
  }

  /** A few katakana to half-width (enough for the drug names used). */
  private static String halfWidth(String s) {
    String full = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワンーァィゥェォッャュョ";
    String half = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝｰｧｨｩｪｫｯｬｭｮ";
    String voiced = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
    String voicedBase = "ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ";
    String semi = "パピプペポ";
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      int i = full.indexOf(c);
      int v = voiced.indexOf(c);
      int p = semi.indexOf(c);
      if (i >= 0) {
        b.append(half.charAt(i));
      } else if (v >= 0) {
        b.append(voicedBase.charAt(v)).append('ﾞ');
      } else if (p >= 0) {
        b.append("ﾊﾋﾌﾍﾎ".charAt(p)).append('ﾟ');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String pick(Random r, String[] pool) {
    return pool[r.nextInt(pool.length)];
  }

  /** S/O/A/P of about 300 to 1,500 characters in all. */
  static SoapNote note(Random r) {
    int target = 300 + r.nextInt(1_200);
    StringBuilder s = new StringBuilder();
    StringBuilder o = new StringBuilder();
    StringBuilder a = new StringBuilder();
    StringBuilder p = new StringBuilder();
    while (s.length() + o.length() + a.length() + p.length() < target) {
      s.append(pick(r, PHRASES)).append(pick(r, SYMPTOMS)).append("あり。").append(r.nextInt(3) == 0 ? pick(r, SYMPTOMS) + "は軽快。"
          : "").append('\n');
      o.append("BP ").append(100 + r.nextInt(60)).append('/').append(60 + r.nextInt(35)).append(" HR ").append(55 + r.nextInt(50))
          .append(" KT ").append(36 + r.nextInt(3)).append('.').append(r.nextInt(10)).append("℃ 咽頭発赤")
          .append(r.nextBoolean() ? "あり" : "なし").append("。肺音清。\n");
      a.append(pick(r, DIAGNOSES)).append(r.nextInt(2_000) == 0 ? "、" + pick(r, RARE) + "の疑い" : "").append("。\n");
      p.append(pick(r, DRUGS)).append(' ').append(1 + r.nextInt(3)).append("錠 分").append(1 + r.nextInt(3)).append(' ')
          .append(7 * (1 + r.nextInt(4))).append("日分\n");
    }
    return new SoapNote(s.toString(), o.toString(), a.toString(), p.toString());
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private void row(String label, long[] nanos, String target) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    environment.out().printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %s |%n", label, sorted.length,
        at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6, target);
  }

  private static double at(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
