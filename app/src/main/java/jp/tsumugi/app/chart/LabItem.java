package jp.tsumugi.app.chart;

import java.util.Objects;
import jp.tsumugi.app.patient.Sex;

/**
 * 検査項目: one test of the clinic-local lab catalogue. The local code ({@code [A-Za-z0-9_-]}, at most 20)
 * identifies it (JP-CLINS needs a local code); JLAC10 is "" when the clinic has not mapped it. A qualitative
 * test takes text values. {@code femaleRange} is null when the default range applies to both sexes.
 */
public record LabItem(String localCode, String name, String jlac10, String unit, boolean qualitative, ReferenceRange range,
    ReferenceRange femaleRange, int sortOrder) {
  public LabItem {
    Objects.requireNonNull(localCode);
    Objects.requireNonNull(name);
    jlac10 = jlac10 == null ? "" : jlac10.strip();
    unit = unit == null ? "" : unit.strip();
    range = range == null ? ReferenceRange.NONE : range;
  }

  /** The default reference range for a patient of that sex (null: the common range). */
  public ReferenceRange rangeFor(Sex sex) {
    return sex == Sex.FEMALE && femaleRange != null ? femaleRange : range;
  }
}
