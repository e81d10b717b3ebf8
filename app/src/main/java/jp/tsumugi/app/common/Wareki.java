package jp.tsumugi.app.common;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as typed at reception, in 和暦 or 西暦, and 和暦 for display (docs/adr/0013).
 *
 * <p>Accepted input (full-width digits, letters and punctuation are folded first; spaces are ignored):
 * <ul>
 *   <li>era letter or name, year, month, day: {@code S41.5.26}, {@code s41/05/26}, {@code 昭和41年5月26日},
 *       {@code 昭41.5.26}, {@code 令和元年5月1日}, {@code S410526};</li>
 *   <li>seven digits, era digit (1 明治 … 5 令和) + yymmdd: {@code 3410526};</li>
 *   <li>西暦: {@code 1966-05-26}, {@code 1966/5/26}, {@code 1966.5.26}, {@code 1966年5月26日}, {@code 19660526}.</li>
 * </ul>
 * A date outside its era (平成32年, 昭和64年1月8日) is {@link ErrorCode#WAREKI_OUT_OF_ERA}; a day that
 * does not exist (2月30日) is {@link ErrorCode#DATE_DOES_NOT_EXIST}; anything else unreadable is
 * {@link ErrorCode#WAREKI_INVALID}. Exception details never repeat the input (it may be a birth date).
 */
public final class Wareki {
  private static final String ERA = "([MTSHRmtshr]|明治|大正|昭和|平成|令和|明|大|昭|平|令)";
  private static final String YEAR = "(\\d{1,2}|元)";
  private static final Pattern ERA_SEPARATED = Pattern.compile("^" + ERA + YEAR + "[-/.](\\d{1,2})[-/.](\\d{1,2})$");
  private static final Pattern ERA_KANJI = Pattern.compile("^" + ERA + YEAR + "年(\\d{1,2})月(\\d{1,2})日$");
  private static final Pattern ERA_COMPACT = Pattern.compile("^" + ERA + "(\\d{2})(\\d{2})(\\d{2})$");
  private static final Pattern ERA_DIGITS = Pattern.compile("^([0-9])(\\d{2})(\\d{2})(\\d{2})$");
  private static final Pattern WESTERN_SEPARATED = Pattern.compile("^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})$");
  private static final Pattern WESTERN_KANJI = Pattern.compile("^(\\d{4})年(\\d{1,2})月(\\d{1,2})日$");
  private static final Pattern WESTERN_DIGITS = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");

  private Wareki() {
  }

  /** Parses a date in any accepted form. */
  public static LocalDate parse(String text) {
    if (text == null) {
      throw new TsumugiException(ErrorCode.WAREKI_INVALID, "no text");
    }
    String s = normalise(text);
    Matcher m;
    if ((m = ERA_SEPARATED.matcher(s)).matches() || (m = ERA_KANJI.matcher(s)).matches()
        || (m = ERA_COMPACT.matcher(s)).matches()) {
      Era era = Era.byDesignator(m.group(1)).orElseThrow();
      return eraDate(era, eraYear(m.group(2)), number(m.group(3)), number(m.group(4)));
    }
    if ((m = ERA_DIGITS.matcher(s)).matches()) {
      Era era = Era.byDigit(m.group(1).charAt(0))
          .orElseThrow(() -> new TsumugiException(ErrorCode.WAREKI_INVALID, "era digit must be 1 to 5"));
      return eraDate(era, number(m.group(2)), number(m.group(3)), number(m.group(4)));
    }
    if ((m = WESTERN_SEPARATED.matcher(s)).matches() || (m = WESTERN_KANJI.matcher(s)).matches()
        || (m = WESTERN_DIGITS.matcher(s)).matches()) {
      return calendarDate(number(m.group(1)), number(m.group(2)), number(m.group(3)));
    }
    throw new TsumugiException(ErrorCode.WAREKI_INVALID, "unrecognised form");
  }

  /**
   * Parses a birth date: as {@link #parse}, and it must not lie after {@code today} (a newborn's
   * birth date is today) nor before 明治 ({@link ErrorCode#BIRTH_DATE_INVALID}).
   */
  public static LocalDate parseBirthDate(String text, LocalDate today) {
    LocalDate date = parse(text);
    if (date.isAfter(today)) {
      throw new TsumugiException(ErrorCode.BIRTH_DATE_IN_FUTURE);
    }
    if (date.isBefore(Era.MEIJI.firstDay())) {
      throw new TsumugiException(ErrorCode.BIRTH_DATE_INVALID, "before the Meiji era");
    }
    return date;
  }

  /** {@link #parseBirthDate(String, LocalDate)} with today read from the clock. */
  public static LocalDate parseBirthDate(String text, Clock clock) {
    return parseBirthDate(text, LocalDate.now(clock));
  }

  /** The long form, {@code 昭和41年5月26日}; year 1 is written 元年 ({@code 令和元年5月1日}). */
  public static String format(LocalDate date) {
    Era era = eraOf(date);
    int year = eraYear(era, date);
    return era.kanji() + (year == 1 ? "元" : Integer.toString(year)) + "年" + date.getMonthValue() + "月"
        + date.getDayOfMonth() + "日";
  }

  /** The short form with the Latin initial and two-digit fields, {@code S41.05.26}. */
  public static String formatShort(LocalDate date) {
    Era era = eraOf(date);
    return String.format("%c%02d.%02d.%02d", era.letter(), eraYear(era, date), date.getMonthValue(), date.getDayOfMonth());
  }

  /** The seven-digit form, era digit + yymmdd, {@code 3410526}. */
  public static String formatDigits(LocalDate date) {
    Era era = eraOf(date);
    return String.format("%c%02d%02d%02d", era.digit(), eraYear(era, date), date.getMonthValue(), date.getDayOfMonth());
  }

  /** The era of a date, or {@link ErrorCode#WAREKI_OUT_OF_ERA} before 明治. */
  public static Era eraOf(LocalDate date) {
    return Era.of(date).orElseThrow(() -> new TsumugiException(ErrorCode.WAREKI_OUT_OF_ERA, "before the Meiji era"));
  }

  /** The year within its era (1 for 元年). */
  public static int eraYear(LocalDate date) {
    return eraYear(eraOf(date), date);
  }

  private static int eraYear(Era era, LocalDate date) {
    return date.getYear() - era.firstDay().getYear() + 1;
  }

  private static LocalDate eraDate(Era era, int year, int month, int day) {
    if (year < 1) {
      throw new TsumugiException(ErrorCode.WAREKI_OUT_OF_ERA, "era years start at 1 (元年)");
    }
    LocalDate date = calendarDate(era.gregorianYear(year), month, day);
    if (!era.contains(date)) {
      throw new TsumugiException(ErrorCode.WAREKI_OUT_OF_ERA, era.name() + " runs from " + era.firstDay()
          + era.lastDay().map(last -> " to " + last).orElse(""));
    }
    return date;
  }

  private static LocalDate calendarDate(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      throw new TsumugiException(ErrorCode.DATE_DOES_NOT_EXIST, "month or day out of range", e);
    }
  }

  private static int eraYear(String text) {
    return "元".equals(text) ? 1 : number(text);
  }

  private static int number(String digits) {
    return Integer.parseInt(digits);
  }

  /** Full-width ASCII to ASCII; all white space (including U+3000) removed. */
  private static String normalise(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF5E') {
        c = (char) (c - 0xFEE0);
      }
      if (!Character.isWhitespace(c) && c != '\u3000') {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
