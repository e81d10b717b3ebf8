package jp.tsumugi.app.chart;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One point of a test's series for a trend graph: 採取日, the numeric value (null for a qualitative one), its text and flag. */
public record LabPoint(long recordId, LocalDate specimenDate, BigDecimal value, String text, AbnormalFlag flag) {
}
