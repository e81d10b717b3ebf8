package jp.tsumugi.app.chart;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One lab result (検査結果) as entered: the clinic's test (local code of a {@link LabItem}), JLAC10 when known
 * ("" otherwise; the catalogue's is used when empty), value, unit ("" takes the catalogue's), reference range,
 * the flag as given (null: computed from the range, see {@link LabFlags}), 採取日 and an optional visit.
 */
public record LabResult(String localCode, String jlac10, LabValue value, String unit, ReferenceRange range, AbnormalFlag flag,
    LocalDate specimenDate, Long visitId) {
  public LabResult {
    localCode = localCode == null ? "" : localCode.strip();
    jlac10 = jlac10 == null ? "" : jlac10.strip();
    Objects.requireNonNull(value);
    unit = unit == null ? "" : unit.strip();
    range = range == null ? ReferenceRange.NONE : range;
  }

  @Override
  public String toString() {
    return "LabResult[test=" + localCode + ", date=" + specimenDate + "]";
  }
}
