package jp.tsumugi.app.common;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The Japanese eras (元号) from 明治, with the first day of each in the Gregorian calendar and the
 * era digit used when a date is typed as seven digits (1 明治 … 5 令和, the same digits as the UKE
 * 元号 code). 明治 is taken to begin on 1868-01-25, the Gregorian date of 慶応4年1月1日 from which the
 * era was applied retroactively; earlier dates have no era here (docs/adr/0013).
 */
public enum Era {
  MEIJI('1', 'M', "明治", LocalDate.of(1868, 1, 25)),
  TAISHO('2', 'T', "大正", LocalDate.of(1912, 7, 30)),
  SHOWA('3', 'S', "昭和", LocalDate.of(1926, 12, 25)),
  HEISEI('4', 'H', "平成", LocalDate.of(1989, 1, 8)),
  REIWA('5', 'R', "令和", LocalDate.of(2019, 5, 1));

  private final char digit;
  private final char letter;
  private final String kanji;
  private final LocalDate firstDay;

  Era(char digit, char letter, String kanji, LocalDate firstDay) {
    this.digit = digit;
    this.letter = letter;
    this.kanji = kanji;
    this.firstDay = firstDay;
  }

  /** The era digit of the seven-digit form (3 for 昭和). */
  public char digit() {
    return digit;
  }

  /** The Latin initial (S for 昭和), upper case. */
  public char letter() {
    return letter;
  }

  /** The era name in kanji (昭和). */
  public String kanji() {
    return kanji;
  }

  /** The first day of the era (元年 of the era begins here). */
  public LocalDate firstDay() {
    return firstDay;
  }

  /** The last day of the era, or empty for the current era. */
  public Optional<LocalDate> lastDay() {
    Era[] eras = values();
    return ordinal() + 1 < eras.length ? Optional.of(eras[ordinal() + 1].firstDay.minusDays(1)) : Optional.empty();
  }

  /** True if the date lies inside this era. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(firstDay) && lastDay().map(last -> !date.isAfter(last)).orElse(true);
  }

  /** The Gregorian year of the given era year (昭和41 → 1966). */
  public int gregorianYear(int eraYear) {
    return firstDay.getYear() + eraYear - 1;
  }

  /** The era of the date, or empty before 明治. */
  public static Optional<Era> of(LocalDate date) {
    Era[] eras = values();
    for (int i = eras.length - 1; i >= 0; i--) {
      if (!date.isBefore(eras[i].firstDay)) {
        return Optional.of(eras[i]);
      }
    }
    return Optional.empty();
  }

  static Optional<Era> byDigit(char digit) {
    for (Era era : values()) {
      if (era.digit == digit) {
        return Optional.of(era);
      }
    }
    return Optional.empty();
  }

  static Optional<Era> byDesignator(String designator) {
    for (Era era : values()) {
      if (designator.equalsIgnoreCase(String.valueOf(era.letter)) || designator.equals(era.kanji)
          || designator.equals(era.kanji.substring(0, 1))) {
        return Optional.of(era);
      }
    }
    return Optional.empty();
  }
}
