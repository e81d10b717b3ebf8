package jp.tsumugi.app.reception;

import java.util.Set;
import jp.tsumugi.app.security.Permission;

/**
 * Where a visit stands in the day's queue (受付済 → 診察中 → 会計待ち → 会計済, or 取消). Stored by
 * name: never rename a constant, only add.
 */
public enum VisitStatus {
  /** 受付済. */
  CHECKED_IN,
  /** 診察中. */
  IN_CONSULTATION,
  /** 会計待ち. */
  AWAITING_PAYMENT,
  /** 会計済. */
  PAID,
  /** 取消 (always with a reason). */
  CANCELLED;

  /** The statuses this one may move to. */
  public Set<VisitStatus> next() {
    return switch (this) {
      case CHECKED_IN -> Set.of(IN_CONSULTATION, CANCELLED);
      case IN_CONSULTATION -> Set.of(AWAITING_PAYMENT, CANCELLED);
      case AWAITING_PAYMENT -> Set.of(PAID);
      case PAID, CANCELLED -> Set.of();
    };
  }

  /** The one forward step (Enter on a row), or null at the end of the line. */
  public VisitStatus forward() {
    return switch (this) {
      case CHECKED_IN -> IN_CONSULTATION;
      case IN_CONSULTATION -> AWAITING_PAYMENT;
      case AWAITING_PAYMENT -> PAID;
      case PAID, CANCELLED -> null;
    };
  }

  /**
   * What a session needs, besides {@link Permission#RECEPTION}, to move a visit into this status:
   * taking the money (会計済) is the cashier's, so a doctor can bring a visit to 会計待ち but not further.
   */
  public Permission extraPermissionToEnter() {
    return this == PAID ? Permission.BILLING : null;
  }

  /** Still in the clinic today: a second check-in of the same patient would be a mistake. */
  public boolean isOpen() {
    return this != PAID && this != CANCELLED;
  }
}
