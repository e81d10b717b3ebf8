package jp.tsumugi.ui.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import jp.tsumugi.app.prescription.safety.DemoSafetyData;
import jp.tsumugi.app.prescription.safety.SafetyTableStore;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.DataLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `tsumugi rx limits|combinations|controlled list|set|remove`: the clinic tables the safety check reads (docs/adr/0033).
 * Changes need the MANAGE_MASTERS permission and are audited; a bad value prints its TSU code and saves nothing.
 */
public final class RxTablesCommand {
  private RxTablesCommand() {
  }

  /** The clinic's own days limits by drug code or ingredient key. */
  @Command(name = "limits", mixinStandardHelpOptions = true, description = "The clinic's own days limits (drug code or ingredient key).",
      subcommands = {Limits.ListCmd.class, Limits.SetCmd.class, Limits.RemoveCmd.class})
  public static final class Limits {
    private Limits() {
    }

    /** Lists the limits. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the clinic's days limits.")
    public static final class ListCmd extends RxCliBase {
      public ListCmd(CliEnvironment environment, DataLocations locations) {
        super(environment, locations);
      }

      @Override
      int run(AppServices services, Session session) {
        printRows(services.safetyTables().limits(session), "code\tdays\tupdated\tby", Limits::limit,
            r -> r.code() + "\t" + r.days() + "\t" + r.updatedAt() + "\t" + r.updatedBy(), "limit(s)");
        return 0;
      }
    }

    /** Sets a limit. */
    @Command(name = "set", mixinStandardHelpOptions = true, description = "Set the days limit of a drug code or ingredient key.")
    public static final class SetCmd extends RxCliBase {
      @Option(names = "--code", required = true, description = "A 9-digit drug code or a 7-character ingredient key") String code;
      @Option(names = "--days", required = true, description = "1 to 365") int days;

      public SetCmd(CliEnvironment environment, DataLocations locations) {
        super(environment, locations);
      }

      @Override
      int run(AppServices services, Session session) {
        SafetyTableStore.ClinicLimitRow r = services.safetyTables().setLimit(session, code, days);
        print(limit(r), "set " + r.code() + " " + r.days() + " days");
        return 0;
      }
    }

    /** Removes a limit. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove the days limit of a code.")
    public static final class RemoveCmd extends RxCliBase {
      @Option(names = "--code", required = true, description = "The code of the limit") String code;

      public RemoveCmd(CliEnvironment environment, DataLocations locations) {
        super(environment, locations);
      }

      @Override
      int run(AppServices services, Session session) {
        services.safetyTables().removeLimit(session, code);
        print(Map.of("removed", code.strip()), "removed " + code.strip());
        return 0;
      }
    }

    private static Map<String, Object> limit(SafetyTableStore.ClinicLimitRow r) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", r.code());
      m.put("days", r.days());
      m.put("updatedAt", r.updatedAt().toString());
      m.put("updatedBy", r.updatedBy());
      return m;
    }
  }

  /** The combination products' ingredients. */
  @Command(name = "combinations", mixinStandardHelpOptions = true, description = "Combination products (配合剤) and their ingredients.",
      subcommands = {Combinations.ListCmd.class, Combinations.SetCmd.class, Combinations.RemoveCmd.class})
  public static final class Combinations {
    private Combinations() {
    }

    /** Lists the products. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the combination products.")
    public static final class ListCmd extends RxCliBase {
      public ListCmd(CliEnvironment environment, DataLocations locations) {
        super(environment, locations);
      }

      @Override
      int run(AppServices services, Session session) {
        List<DemoSafetyData.CombinationRow> rows = services.safetyTables().combinations(session);
        print(json(rows), text(rows) + "\n" + rows.size() + " row(s)");
        return 0;
      }
    }

    /** Sets a product's ingredients. */
    @Command(name = "set", mixinStandardHelpOptions = true, description = "Set the ingredients of a combination product.")
    public static final class SetCmd extends RxCliBase {
      @Option(names = "--product", required = true, description = "The product's ingredient key (YJ first 7)") String product;
      @Option(names = "--ingredient", required = true, description = "An ingredient key; repeat for each (2 to 10)")
      List<String> ingredients;

      public SetCmd(CliEnvironment environment, DataLocations locations) {
        super(environment, locations);
      }

      @Override
      int run(AppServices services, Session session) {
        List<DemoSafetyData.CombinationRow> rows = services.safetyTables().setCombination(session, product, ingredients);
        print(json(rows), text(rows));
        return 0;
      }
    }

    /** Removes a product. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a combination product.")
    public static final class RemoveCmd extends RxCliBase {
      @Option(names = "--product", required = true, description = "The product's ingredient key") String product;

      public RemoveCmd(CliEnvironment environment, DataLocations locations) {
        super(environment, locations);
      }

      @Override
      int run(AppServices services, Session session) {
        services.safetyTables().removeCombination(session, product);
        print(Map.of("removed", product.strip()), "removed " + product.strip());
        return 0;
      }
    }

    private static List<Object> json(List<DemoSafetyData.CombinationRow> rows) {
      List<Object> out = new ArrayList<>();
      for (DemoSafetyData.CombinationRow r : rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product", r.productKey());
        m.put("productName", r.productName());
        m.put("ingredient", r.ingredientKey());
        m.put("ingredientName", r.ingredientName());
        out.add(m);
      }
      return out;
    }

    private static String text(List<DemoSafetyData.CombinationRow> rows) {
      StringJoiner text = new StringJoiner("\n");
      text.add("product\tingredient\tproduct name\tingredient name");
      rows.forEach(r -> text.add(r.productKey() + "\t" + r.ingredientKey() + "\t" + r.productName() + "\t" + r.ingredientName()));
      return text.toString();
    }
  }

  /** 麻薬/向精神薬 limits by ingredient. */
  @Command(name = "controlled", mixinStandardHelpOptions = true, description = "麻薬/向精神薬 days limits by ingredient.",
      subcommands = {Controlled.ListCmd.class, Controlled.SetCmd.class, Controlled.RemoveCmd.class})
  public static final class Controlled {
    private Controlled() {
    }

    /** Lists the limits. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the controlled-drug limits.")
    public static final class ListCmd extends RxCliBase {
      public ListCmd(CliEnvironment environment, DataLocations locations) {
        super(environment, locations);
      }

      @Override
      int run(AppServices services, Session session) {
        printRows(services.safetyTables().controlled(session), "ingredient\tclass\tdays\tname", Controlled::controlled,
            r -> r.ingredientKey() + "\t" + r.drugClass() + "\t" + r.days() + "\t" + r.ingredientName(), "row(s)");
        return 0;
      }
    }

    /** Sets a limit. */
    @Command(name = "set", mixinStandardHelpOptions = true, description = "Set the class and days limit of a controlled ingredient.")
    public static final class SetCmd extends RxCliBase {
      @Option(names = "--ingredient", required = true, description = "The ingredient key (YJ first 7)") String ingredient;
      @Option(names = "--class", required = true, description = "麻薬, 覚醒剤原料, 向精神薬第一種, 向精神薬第二種 or 向精神薬第三種")
      String drugClass;
      @Option(names = "--days", required = true, description = "1 to 365") int days;

      public SetCmd(CliEnvironment environment, DataLocations locations) {
        super(environment, locations);
      }

      @Override
      int run(AppServices services, Session session) {
        DemoSafetyData.ControlledRow r = services.safetyTables().setControlled(session, ingredient, drugClass, days);
        print(controlled(r), "set " + r.ingredientKey() + " " + r.drugClass() + " " + r.days() + " days");
        return 0;
      }
    }

    /** Removes a limit. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a controlled ingredient's limit.")
    public static final class RemoveCmd extends RxCliBase {
      @Option(names = "--ingredient", required = true, description = "The ingredient key") String ingredient;

      public RemoveCmd(CliEnvironment environment, DataLocations locations) {
        super(environment, locations);
      }

      @Override
      int run(AppServices services, Session session) {
        services.safetyTables().removeControlled(session, ingredient);
        print(Map.of("removed", ingredient.strip()), "removed " + ingredient.strip());
        return 0;
      }
    }

    private static Map<String, Object> controlled(DemoSafetyData.ControlledRow r) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ingredient", r.ingredientKey());
      m.put("name", r.ingredientName());
      m.put("class", r.drugClass());
      m.put("days", r.days());
      return m;
    }
  }
}
