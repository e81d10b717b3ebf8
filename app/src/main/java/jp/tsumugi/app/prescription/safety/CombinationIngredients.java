package jp.tsumugi.app.prescription.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ingredients of combination products (配合剤): the master has no ingredient list, so the clinic keeps a table from the
 * product's ingredient key (YJ first 7 of the 配合剤) to the ingredient keys of its single-ingredient drugs. Seeded with
 * a few demo products (docs/adr/0030). A drug's keys are its own key plus the mapped ones.
 */
public final class CombinationIngredients {
  /** No combination products known. */
  public static final CombinationIngredients NONE = new CombinationIngredients(Map.of());

  private final Map<String, List<String>> byProduct;

  public CombinationIngredients(Map<String, List<String>> byProduct) {
    this.byProduct = Map.copyOf(byProduct);
  }

  /** The product key → ingredient keys table. */
  public Map<String, List<String>> table() {
    return byProduct;
  }

  /** The drug's own ingredient key and, for a known combination product, its ingredients' keys; empty for no key. */
  public List<String> keysOf(String ingredientKey) {
    if (ingredientKey.isEmpty()) {
      return List.of();
    }
    List<String> parts = byProduct.get(ingredientKey);
    if (parts == null) {
      return List.of(ingredientKey);
    }
    List<String> all = new ArrayList<>(parts.size() + 1);
    all.add(ingredientKey);
    all.addAll(parts);
    return all;
  }
}
