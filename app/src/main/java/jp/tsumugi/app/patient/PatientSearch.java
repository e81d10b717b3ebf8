package jp.tsumugi.app.patient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import jp.tsumugi.app.common.KanaFolding;
import jp.tsumugi.app.common.Text;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.common.Wareki;

/**
 * The forgiving patient search over an in-memory index of every patient's current record, loaded
 * from the {@link PatientStore} on first use and brought up to date from the store's change cursor
 * (after every change made here, and at most every {@link #REFRESH_MILLIS} ms for changes made on
 * other terminals). Not audited itself: {@link PatientRegistration#search} is the audited entry.
 *
 * <p>The query is split at spaces; a patient matches when every part matches (so {@code ヤマダ S41.5.26}
 * narrows by kana and birth date). A part is, in this order of trial:
 * <ul>
 *   <li>a 和暦 or 西暦 date ({@code S41.5.26}, {@code 昭和41年5月26日}, {@code 1966-05-26}): the birth date;</li>
 *   <li>digits (hyphens ignored): the patient number (leading zeros optional), or the birth date when
 *       they form one (8 digits {@code 19660526} or 7 digits {@code 3410526}), or, from 4 digits, the end of
 *       a phone number;</li>
 *   <li>kana (any width, hiragana or katakana, small kana and long vowels ignored, {@link KanaFolding}):
 *       the start of the family kana, the given kana or the whole kana name;</li>
 *   <li>anything else (漢字): part of the name or of the 通称.</li>
 * </ul>
 */
public final class PatientSearch {
  /** How long a search trusts the index before asking the store for changes from other terminals. */
  public static final long REFRESH_MILLIS = 2_000;
  /** Phone digits are matched at the end of a number, from this many digits (the last four are what people remember). */
  static final int PHONE_TAIL = 4;

  /** What a query part was taken for (the benchmark reports per kind). */
  public enum QueryKind { KANA, KANJI, PATIENT_NUMBER, BIRTH_DATE_DIGITS, BIRTH_DATE_WAREKI, PHONE }

  /** The hits (at most the limit asked for, best first) and how many patients matched in all. */
  public record Result(List<PatientHit> hits, int total) {
  }

  private record Entry(PatientHit hit, String numberDigits, String nameCompact, String aliasCompact, String familyFolded,
      String givenFolded, String fullFolded, List<String> phones) {
  }

  /** One query part: where its candidates come from and the test every hit must pass. */
  private record Part(Collection<Entry> candidates, Predicate<Entry> test) {
  }

  private final PatientStore store;
  private final Clock clock;
  private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
  private final Map<LocalDate, Map<Long, Entry>> byBirthDate = new ConcurrentHashMap<>();
  private final Map<String, Map<Long, Entry>> byNumber = new ConcurrentHashMap<>();
  private final Map<String, Map<Long, Entry>> byPhoneTail = new ConcurrentHashMap<>();
  private final Map<Character, Map<Long, Entry>> byNameChar = new ConcurrentHashMap<>();
  private final NavigableMap<String, Map<Long, Entry>> byFamilyKana = new ConcurrentSkipListMap<>();
  private final NavigableMap<String, Map<Long, Entry>> byGivenKana = new ConcurrentSkipListMap<>();
  private final NavigableMap<String, Map<Long, Entry>> byFullKana = new ConcurrentSkipListMap<>();
  private final Object refreshLock = new Object();
  private volatile long cursor = -1;
  private volatile long refreshedAtMillis;

  public PatientSearch(PatientStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Loads the index if not loaded yet and applies the store's changes since the last refresh. */
  public void refresh() {
    synchronized (refreshLock) {
      PatientStore.Changes changes = store.changedSince(Math.max(cursor, 0));
      for (PatientRecord r : changes.records()) {
        put(r);
      }
      cursor = changes.cursor();
      refreshedAtMillis = clock.millis();
    }
  }

  /** Number of patients indexed. */
  public int size() {
    return entries.size();
  }

  /** Searches; a blank query finds nothing. */
  public Result search(String query, int limit) {
    if (cursor < 0 || clock.millis() - refreshedAtMillis >= REFRESH_MILLIS) {
      refresh();
    }
    List<Part> parts = new ArrayList<>();
    String exactNumber = null;
    for (String token : Text.toHalfWidthDigits(query == null ? "" : query).strip().split("[\\s\u3000]+")) {
      if (token.isEmpty()) {
        continue;
      }
      switch (kindOf(token)) {
        case BIRTH_DATE_WAREKI -> {
          String digits = token.replace("-", "");
          Optional<LocalDate> compact = digits.chars().allMatch(Character::isDigit) ? digitsDate(digits) : Optional.empty();
          if (compact.isPresent()) {
            exactNumber = stripZeros(digits);
            parts.add(digitsPart(digits));
          } else {
            LocalDate d = Wareki.parse(token);
            parts.add(new Part(values(byBirthDate.get(d)), e -> d.equals(e.hit().birthDate())));
          }
        }
        case PATIENT_NUMBER, BIRTH_DATE_DIGITS, PHONE -> {
          String digits = token.replace("-", "");
          exactNumber = stripZeros(digits);
          parts.add(digitsPart(digits));
        }
        case KANA -> parts.add(kanaPart(KanaFolding.fold(token)));
        default -> {
          Collection<Entry> rarest = null;
          for (char c : token.toCharArray()) {
            Collection<Entry> withChar = values(byNameChar.get(c));
            if (rarest == null || withChar.size() < rarest.size()) {
              rarest = withChar;
            }
          }
          parts.add(new Part(rarest == null ? List.of() : rarest,
              e -> e.nameCompact().contains(token) || (!e.aliasCompact().isEmpty() && e.aliasCompact().contains(token))));
        }
      }
    }
    if (parts.isEmpty()) {
      return new Result(List.of(), 0);
    }
    Part smallest = parts.get(0);
    for (Part p : parts) {
      if (p.candidates().size() < smallest.candidates().size()) {
        smallest = p;
      }
    }
    String exact = exactNumber;
    Comparator<Entry> order = Comparator.<Entry>comparingInt(e -> e.numberDigits().equals(exact) ? 0 : 1)
        .thenComparing(Entry::fullFolded).thenComparing(e -> e.hit().patientNumber());
    int keep = Math.max(0, limit);
    PriorityQueue<Entry> best = new PriorityQueue<>(Math.max(1, keep + 1), order.reversed());
    int total = 0;
    for (Entry e : smallest.candidates()) {
      boolean all = true;
      for (Part p : parts) {
        if (!p.test().test(e)) {
          all = false;
          break;
        }
      }
      if (all) {
        total++;
        if (keep > 0) {
          best.add(e);
          if (best.size() > keep) {
            best.poll();
          }
        }
      }
    }
    List<Entry> top = new ArrayList<>(best);
    top.sort(order);
    return new Result(top.stream().map(Entry::hit).toList(), total);
  }

  /** Digits: the patient number, a birth date when they form one, or the end of a phone number (from 4 digits). */
  private Part digitsPart(String digits) {
    Optional<LocalDate> date = digitsDate(digits);
    String number = stripZeros(digits);
    boolean phone = digits.length() >= PHONE_TAIL;
    Map<Long, Entry> union = new HashMap<>(byNumber.getOrDefault(number, Map.of()));
    date.ifPresent(d -> union.putAll(byBirthDate.getOrDefault(d, Map.of())));
    if (phone) {
      union.putAll(byPhoneTail.getOrDefault(digits.substring(digits.length() - PHONE_TAIL), Map.of()));
    }
    return new Part(union.values(), e -> e.numberDigits().equals(number) || (date.isPresent() && date.get().equals(e.hit().birthDate()))
        || (phone && e.phones().stream().anyMatch(ph -> ph.endsWith(digits))));
  }

  /**
   * Kana: the start of the family kana, the given kana or the whole kana name. The three sorted ranges are
   * walked without building a set: a given-kana hit already found by its family kana is skipped, and the
   * whole-name range only adds names whose family kana is shorter than the query.
   */
  private Part kanaPart(String folded) {
    String end = folded + '\uFFFF';
    Collection<Map<Long, Entry>> family = byFamilyKana.subMap(folded, true, end, false).values();
    Collection<Map<Long, Entry>> given = byGivenKana.subMap(folded, true, end, false).values();
    Collection<Map<Long, Entry>> full = byFullKana.subMap(folded, true, end, false).values();
    Collection<Entry> candidates = new AbstractCollection<>() {
      @Override
      public Iterator<Entry> iterator() {
        List<Entry> out = new ArrayList<>();
        for (Map<Long, Entry> g : family) {
          out.addAll(g.values());
        }
        for (Map<Long, Entry> g : given) {
          for (Entry e : g.values()) {
            if (!e.familyFolded().startsWith(folded)) {
              out.add(e);
            }
          }
        }
        for (Map<Long, Entry> g : full) {
          for (Entry e : g.values()) {
            if (!e.familyFolded().startsWith(folded) && !e.givenFolded().startsWith(folded)) {
              out.add(e);
            }
          }
        }
        return out.iterator();
      }

      @Override
      public int size() {
        int n = 0;
        for (Collection<Map<Long, Entry>> range : List.of(family, given, full)) {
          for (Map<Long, Entry> g : range) {
            n += g.size();
          }
        }
        return n;
      }
    };
    return new Part(candidates, e -> e.familyFolded().startsWith(folded) || e.givenFolded().startsWith(folded)
        || e.fullFolded().startsWith(folded));
  }

  private static Collection<Entry> values(Map<Long, Entry> group) {
    return group == null ? List.of() : group.values();
  }

  /** What a single query part (no spaces) is taken for. */
  public static QueryKind kindOf(String token) {
    String t = Text.toHalfWidthDigits(token.strip());
    String digits = t.replace("-", "");
    if (!digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (digitsDate(digits).isPresent()) {
        return digits.length() == 8 ? QueryKind.BIRTH_DATE_DIGITS : QueryKind.BIRTH_DATE_WAREKI;
      }
      return digits.length() >= 10 ? QueryKind.PHONE : QueryKind.PATIENT_NUMBER;
    }
    if (looksLikeDate(t)) {
      return QueryKind.BIRTH_DATE_WAREKI;
    }
    String folded = KanaFolding.fold(t);
    if (!folded.isEmpty() && folded.chars().allMatch(c -> c >= '\u30A0' && c <= '\u30FF')) {
      return QueryKind.KANA;
    }
    return QueryKind.KANJI;
  }

  private static boolean looksLikeDate(String t) {
    if (t.chars().noneMatch(Character::isDigit)) {
      return false;
    }
    try {
      Wareki.parse(t);
      return true;
    } catch (TsumugiException e) {
      return false;
    }
  }

  /** 8 digits (19660526) or 7 era digits (3410526) that form a real date. */
  private static Optional<LocalDate> digitsDate(String digits) {
    if (digits.length() != 8 && digits.length() != 7) {
      return Optional.empty();
    }
    try {
      return Optional.of(Wareki.parse(digits));
    } catch (TsumugiException e) {
      return Optional.empty();
    }
  }

  private static String stripZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }

  private void put(PatientRecord r) {
    Patient p = r.patient();
    Entry old = entries.get(p.id());
    if (old != null) {
      unindex(old);
    }
    String familyFolded = KanaFolding.fold(p.familyKana());
    String givenFolded = KanaFolding.fold(p.givenKana());
    String numberDigits = p.patientNumber().replaceAll("[^0-9]", "");
    PatientHit hit = new PatientHit(p.id(), p.patientNumber(), p.familyName() + " " + p.givenName(),
        p.familyKana() + " " + p.givenKana(), r.details().alias(), p.sex(), p.birthDate());
    List<String> phones = new ArrayList<>();
    for (String phone : List.of(digitsOf(p.phone()), digitsOf(r.details().mobilePhone()))) {
      if (!phone.isEmpty()) {
        phones.add(phone);
      }
    }
    Entry e = new Entry(hit, stripZeros(numberDigits.isEmpty() ? "-" : numberDigits), compact(p.familyName() + p.givenName()),
        compact(r.details().alias()), familyFolded, givenFolded, familyFolded + givenFolded, List.copyOf(phones));
    entries.put(p.id(), e);
    forEachKey(e, (index, key) -> index.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(p.id(), e));
  }

  private void unindex(Entry e) {
    long id = e.hit().id();
    forEachKey(e, (index, key) -> {
      Map<Long, Entry> group = index.get(key);
      if (group != null) {
        group.remove(id);
      }
    });
  }

  /** Calls {@code action} with every (index, key) the entry is filed under. */
  @SuppressWarnings("unchecked")
  private void forEachKey(Entry e, java.util.function.BiConsumer<Map<Object, Map<Long, Entry>>, Object> action) {
    action.accept((Map<Object, Map<Long, Entry>>) (Map<?, ?>) byBirthDate, e.hit().birthDate());
    action.accept((Map<Object, Map<Long, Entry>>) (Map<?, ?>) byNumber, e.numberDigits());
    for (String phone : e.phones()) {
      if (phone.length() >= PHONE_TAIL) {
        action.accept((Map<Object, Map<Long, Entry>>) (Map<?, ?>) byPhoneTail, phone.substring(phone.length() - PHONE_TAIL));
      }
    }
    for (char c : (e.nameCompact() + e.aliasCompact()).toCharArray()) {
      action.accept((Map<Object, Map<Long, Entry>>) (Map<?, ?>) byNameChar, c);
    }
    action.accept((Map<Object, Map<Long, Entry>>) (Map<?, ?>) byFamilyKana, e.familyFolded());
    action.accept((Map<Object, Map<Long, Entry>>) (Map<?, ?>) byGivenKana, e.givenFolded());
    action.accept((Map<Object, Map<Long, Entry>>) (Map<?, ?>) byFullKana, e.fullFolded());
  }

  private static String compact(String s) {
    return s == null ? "" : s.replace(" ", "").replace("\u3000", "");
  }

  private static String digitsOf(String s) {
    return s == null ? "" : s.replaceAll("[^0-9]", "");
  }
}
