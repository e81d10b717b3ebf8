package jp.tsumugi.app.patient;

import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.common.TsumugiException;

/**
 * How the clinic numbers its patients: an optional prefix of up to 3 ASCII letters and the next
 * number of a sequence, zero-padded to {@code width} digits (width 6: 000123). A number wider than
 * the width is written in full rather than cut.
 */
public record PatientNumberFormat(String prefix, int width) {
  public static final PatientNumberFormat DEFAULT = new PatientNumberFormat("", 6);

  public PatientNumberFormat {
    prefix = prefix == null ? "" : prefix;
    if (width < 1 || width > 10 || !prefix.matches("[A-Za-z]{0,3}")) {
      throw new TsumugiException(ErrorCode.PATIENT_NUMBER_FORMAT_INVALID);
    }
  }

  /** Field name of the prefix in {@link #parse} errors. */
  public static final String PREFIX_FIELD = "patientNumberPrefix";
  /** Field name of the width in {@link #parse} errors. */
  public static final String WIDTH_FIELD = "patientNumberWidth";

  /**
   * The format as typed in the settings: a prefix of 0 to 3 ASCII letters (surrounding blanks ignored) and a
   * width of 1 to 10 digits (half-width). A bad value is refused naming its field
   * ({@link #PREFIX_FIELD}, {@link #WIDTH_FIELD}) with TSU-5010.
   */
  public static PatientNumberFormat parse(String prefix, String width) {
    String p = prefix == null ? "" : prefix.strip();
    if (!p.matches("[A-Za-z]{0,3}")) {
      throw new InvalidFieldException(ErrorCode.PATIENT_NUMBER_FORMAT_INVALID, PREFIX_FIELD);
    }
    String w = width == null ? "" : width.strip();
    if (!w.matches("[0-9]{1,2}")) {
      throw new InvalidFieldException(ErrorCode.PATIENT_NUMBER_FORMAT_INVALID, WIDTH_FIELD);
    }
    int digits = Integer.parseInt(w);
    if (digits < 1 || digits > 10) {
      throw new InvalidFieldException(ErrorCode.PATIENT_NUMBER_FORMAT_INVALID, WIDTH_FIELD);
    }
    return new PatientNumberFormat(p, digits);
  }

  /** The patient number for the given sequence value (1 or more). */
  public String format(long sequence) {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence starts at 1");
    }
    String digits = Long.toString(sequence);
    return prefix + "0".repeat(Math.max(0, width - digits.length())) + digits;
  }
}
