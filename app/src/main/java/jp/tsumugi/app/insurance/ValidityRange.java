package jp.tsumugi.app.insurance;

import java.time.LocalDate;

/** Validity periods with open ends (null = unlimited), both ends inclusive. */
final class ValidityRange {
  private ValidityRange() {
  }

  static boolean contains(LocalDate from, LocalDate to, LocalDate date) {
    return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
  }
}
