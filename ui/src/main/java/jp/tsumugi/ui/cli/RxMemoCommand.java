package jp.tsumugi.ui.cli;

import java.util.concurrent.Callable;
import jp.tsumugi.app.prescription.memo.DrugMemo;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.DataLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `tsumugi rx memo set|list`: the clinic's drug memos for the 薬剤情報提供書 (docs/adr/0032). */
@Command(name = "memo", mixinStandardHelpOptions = true, description = "Drug memos (effects and cautions) for the drug information sheet.",
    subcommands = {RxMemoCommand.Set.class, RxMemoCommand.ListMemos.class})
public final class RxMemoCommand {

  /** Writes or replaces the memo of a drug code or a 7-character YJ ingredient key. */
  @Command(name = "set", mixinStandardHelpOptions = true, description = "Write the memo of a drug (or of an ingredient key).")
  public static final class Set implements Callable<Integer> {
    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;
    @Option(names = "--drug", required = true, paramLabel = "CODE",
        description = "A 9-digit drug code, or the first 7 characters of a YJ code for every brand and strength") String drug;
    @Option(names = "--effects", description = "Main effects (効能), plain words for patients") String effects;
    @Option(names = "--cautions", description = "Cautions (注意)") String cautions;

    public Set(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() {
      try (AppServices services = store.opener(environment, locations, false).open()) {
        Session session = auth.login(services, environment);
        DrugMemo memo = services.drugMemos().set(session, drug, effects, cautions);
        environment.out().println("saved memo " + memo.key() + (memo.drugName().isEmpty() ? " (ingredient)" : " " + memo.drugName()));
        return 0;
      }
    }
  }

  /** Every memo: key, name, effects, cautions (tab-separated, line breaks shown as spaces). */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the drug memos.")
  public static final class ListMemos implements Callable<Integer> {
    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;

    public ListMemos(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() {
      try (AppServices services = store.opener(environment, locations, false).open()) {
        Session session = auth.login(services, environment);
        java.util.List<DrugMemo> memos = services.drugMemos().list(session);
        environment.out().println("key\tname\teffects\tcautions\tupdated");
        for (DrugMemo m : memos) {
          environment.out().println(m.key() + "\t" + m.drugName() + "\t" + oneLine(m.effects()) + "\t" + oneLine(m.cautions()) + "\t"
              + m.updatedAt() + " " + m.updatedBy());
        }
        environment.out().println(memos.size() + " memo(s)");
        return 0;
      }
    }

    private static String oneLine(String s) {
      return s.replaceAll("[\\r\\n\\t]+", " ");
    }
  }
}
