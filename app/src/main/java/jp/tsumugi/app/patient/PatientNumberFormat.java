package jp.tsumugi.app.patient;

import jp.tsumugi.app.common.ErrorCode;
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

  /** The patient number for the given sequence value (1 or more). */
  public String format(long sequence) {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence starts at 1");
    }
    String digits = Long.toString(sequence);
    return prefix + "0".repeat(Math.max(0, width - digits.length())) + digits;
  }
}
