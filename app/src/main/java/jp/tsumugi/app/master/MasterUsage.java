package jp.tsumugi.app.master;

import java.util.Map;

/** Port: how often this clinic chose each master item, so its search puts the usual ones first. */
public interface MasterUsage {
  /** Uses per code for one master. */
  Map<String, Integer> counts(MasterKind kind);

  /** Counts one more use of the item. */
  void recordUse(MasterKind kind, String code);
}
