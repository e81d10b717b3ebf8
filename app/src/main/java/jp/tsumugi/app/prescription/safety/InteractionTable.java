package jp.tsumugi.app.prescription.safety;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The interaction rows of one table version, indexed by ingredient pair (either order). */
public final class InteractionTable {
  /** No rows (before any table is loaded). */
  public static final InteractionTable EMPTY = new InteractionTable(null, List.of());

  private final InteractionTableVersion version;
  private final List<Interaction> rows;
  private final Map<String, Map<String, Interaction>> byKey = new HashMap<>();

  public InteractionTable(InteractionTableVersion version, List<Interaction> rows) {
    this.version = version;
    this.rows = List.copyOf(rows);
    for (Interaction i : this.rows) {
      byKey.computeIfAbsent(i.keyA(), k -> new HashMap<>()).put(i.keyB(), i);
      byKey.computeIfAbsent(i.keyB(), k -> new HashMap<>()).put(i.keyA(), i);
    }
  }

  /** The version, empty for {@link #EMPTY}. */
  public Optional<InteractionTableVersion> version() {
    return Optional.ofNullable(version);
  }

  public List<Interaction> rows() {
    return rows;
  }

  /** Whether any row mentions the ingredient key (cheap pre-filter). */
  public boolean mentions(String key) {
    return byKey.containsKey(key);
  }

  /** The row for the pair in either order. */
  public Optional<Interaction> find(String key1, String key2) {
    Map<String, Interaction> m = byKey.get(key1);
    return m == null ? Optional.empty() : Optional.ofNullable(m.get(key2));
  }
}
