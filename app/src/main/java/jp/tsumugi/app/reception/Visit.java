package jp.tsumugi.app.reception;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One reception entry (受付): a patient on a day, with the day's reception number, department,
 * doctor and the insurance combination (null for 自費). Its status lives in {@link StatusChange} rows.
 */
public record Visit(
    long id,
    long patientId,
    LocalDate visitDate,
    int receptionNumber,
    String department,
    String doctor,
    Long combinationId,
    Instant checkedInAt) {

  public Visit {
    Objects.requireNonNull(visitDate);
    Objects.requireNonNull(department);
    Objects.requireNonNull(checkedInAt);
  }

  /** 自費: no insurance combination chosen. */
  public boolean selfPay() {
    return combinationId == null;
  }
}
