package jp.tsumugi.app.prescription;

import java.util.List;
import java.util.Objects;

/**
 * A visit's prescription (処方): 院外 or 院内, its 剤 in order, the refill count and a comment.
 *
 * @param visitId the visit (受付) it belongs to; its date is the start date of every group
 * @param kind 院外処方 or 院内処方
 * @param groups the 剤 (Rp), at least one
 * @param refills リフィル: 0 (none), 2 or 3 uses in total (docs/adr/0029)
 * @param comment 備考 (chart text rules)
 */
public record Prescription(long visitId, DispensingKind kind, List<RpGroup> groups, int refills, String comment) {
  public Prescription {
    Objects.requireNonNull(kind, "kind");
    groups = List.copyOf(groups);
    comment = comment == null ? "" : comment;
  }

  public Prescription withGroups(List<RpGroup> newGroups) {
    return new Prescription(visitId, kind, newGroups, refills, comment);
  }

  /** The same drugs for another visit (Do). */
  public Prescription forVisit(long otherVisitId) {
    return new Prescription(otherVisitId, kind, groups, refills, comment);
  }

  public int itemCount() {
    return groups.stream().mapToInt(g -> g.items().size()).sum();
  }
}
