package jp.tsumugi.app.patient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 *       they form one (8 digits {@code 19660526} or 7 digits {@code 3410526}), or, from 4 digits, part of a phone number;</li>
 *   <li>kana (any width, hiragana or katakana, small kana and long vowels ignored, {@link KanaFolding}):
 *       the start of the family kana, the given kana or the whole kana name;</li>
 *   <li>anything else (漢字): part of the name or of the 通称.</li>
 * </ul>
 */
public final class PatientSearch {
  /** How long a search trusts the index before asking the store for changes from other terminals. */
  public static final long REFRESH_MILLIS = 2_000;

  /** What a query part was taken for (the benchmark reports per kind). */
  public enum QueryKind { KANA, KANJI, PATIENT_NUMBER, BIRTH_DATE_DIGITS, BIRTH_DATE_WAREKI, PHONE }

  /** The hits (at most the limit asked for, best first) and how many patients matched in all. */
  public record Result(List<PatientHit> hits, int total) {
  }

  private record Entry(PatientHit hit, String numberDigits, String nameCompact, String aliasCompact, String familyFolded,
      String givenFolded, String fullFolded, String phoneDigits) {
  }

  private final PatientStore store;
  private final Clock clock;
  private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
  private final Map<LocalDate, Map<Long, Entry>> byBirthDate = new ConcurrentHashMap<>();
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
    List<Predicate<Entry>> parts = new ArrayList<>();
    LocalDate dateFilter = null;
    String exactNumber = null;
    for (String token : Text.toHalfWidthDigits(query == null ? "" : query).strip().split("[\\s\u3000]+")) {
      if (token.isEmpty()) {
        continue;
      }
      QueryKind kind = kindOf(token);
      switch (kind) {
        case BIRTH_DATE_WAREKI -> {
          LocalDate d = Wareki.parse(token);
          dateFilter = d;
          parts.add(e -> d.equals(e.hit().birthDate()));
        }
        case PATIENT_NUMBER, BIRTH_DATE_DIGITS, PHONE -> {
          String digits = token.replace("-", "");
          Optional<LocalDate> date = digitsDate(digits);
          String number = stripZeros(digits);
          exactNumber = number;
          boolean phone = digits.length() >= 4;
          parts.add(e -> e.numberDigits().equals(number) || (date.isPresent() && date.get().equals(e.hit().birthDate()))
              || (phone && e.phoneDigits().contains(digits)));
        }
        case KANA -> {
          String folded = KanaFolding.fold(token);
          parts.add(e -> e.familyFolded().startsWith(folded) || e.givenFolded().startsWith(folded)
              || e.fullFolded().startsWith(folded));
        }
        default -> parts.add(e -> e.nameCompact().contains(token) || (!e.aliasCompact().isEmpty() && e.aliasCompact().contains(token)));
      }
    }
    if (parts.isEmpty()) {
      return new Result(List.of(), 0);
    }
    Iterable<Entry> candidates = dateFilter == null ? entries.values()
        : byBirthDate.getOrDefault(dateFilter, Map.of()).values();
    List<Entry> matched = new ArrayList<>();
    for (Entry e : candidates) {
      boolean all = true;
      for (Predicate<Entry> p : parts) {
        if (!p.test(e)) {
          all = false;
          break;
        }
      }
      if (all) {
        matched.add(e);
      }
    }
    String exact = exactNumber;
    Comparator<Entry> order = Comparator.<Entry>comparingInt(e -> e.numberDigits().equals(exact) ? 0 : 1)
        .thenComparing(Entry::fullFolded).thenComparing(e -> e.hit().patientNumber());
    List<PatientHit> hits = matched.stream().sorted(order).limit(Math.max(0, limit)).map(Entry::hit).toList();
    return new Result(hits, matched.size());
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
      Map<Long, Entry> sameDay = byBirthDate.get(old.hit().birthDate());
      if (sameDay != null) {
        sameDay.remove(p.id());
      }
    }
    String familyFolded = KanaFolding.fold(p.familyKana());
    String givenFolded = KanaFolding.fold(p.givenKana());
    String numberDigits = p.patientNumber().replaceAll("[^0-9]", "");
    PatientHit hit = new PatientHit(p.id(), p.patientNumber(), p.familyName() + " " + p.givenName(),
        p.familyKana() + " " + p.givenKana(), r.details().alias(), p.sex(), p.birthDate());
    Entry e = new Entry(hit, stripZeros(numberDigits.isEmpty() ? "-" : numberDigits), compact(p.familyName() + p.givenName()),
        compact(r.details().alias()), familyFolded, givenFolded, familyFolded + givenFolded,
        digitsOf(p.phone()) + " " + digitsOf(r.details().mobilePhone()));
    entries.put(p.id(), e);
    byBirthDate.computeIfAbsent(p.birthDate(), d -> new ConcurrentHashMap<>()).put(p.id(), e);
  }

  private static String compact(String s) {
    return s == null ? "" : s.replace(" ", "").replace("\u3000", "");
  }

  private static String digitsOf(String s) {
    return s == null ? "" : s.replaceAll("[^0-9]", "");
  }
}
