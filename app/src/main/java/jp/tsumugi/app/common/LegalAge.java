package jp.tsumugi.app.common;

import java.time.LocalDate;

/**
 * Age as Japanese law counts it (年齢計算ニ関スル法律, 民法 §143): the day of birth counts as a whole
 * day, so a person reaches age n ("n歳に達する") at the end of the day before the n-th birthday. For
 * someone born on 29 February the day before the birthday is 28 February in every year. Statutes
 * that say "n歳に達する日" mean that day; "n歳以上" holds from the birthday itself (docs/adr/0013).
 */
public final class LegalAge {
  private LegalAge() {
  }

  /** The day on which the person reaches the given age (the day before the birthday). */
  public static LocalDate attainedOn(LocalDate birthDate, int age) {
    if (age < 0) {
      throw new IllegalArgumentException("age must not be negative");
    }
    // Shifting the day before birth by whole years keeps 28 Feb for a 29 Feb birth and the last day of
    // February for a 1 March birth, as the law requires.
    return birthDate.minusDays(1).plusYears(age);
  }

  /** The first day on which the person is at least the given age ("n歳以上"). */
  public static LocalDate firstDayAtAge(LocalDate birthDate, int age) {
    return attainedOn(birthDate, age).plusDays(1);
  }

  /** The age in whole years on the given date; 0 on the day of birth. */
  public static int on(LocalDate birthDate, LocalDate date) {
    if (date.isBefore(birthDate)) {
      throw new IllegalArgumentException("date before birth");
    }
    int age = date.getYear() - birthDate.getYear();
    if (date.isBefore(firstDayAtAge(birthDate, age))) {
      age--;
    }
    return age;
  }
}
