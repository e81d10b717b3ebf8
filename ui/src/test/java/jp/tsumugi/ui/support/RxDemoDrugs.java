package jp.tsumugi.ui.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.tsumugi.app.master.MasterImportProgress;
import jp.tsumugi.ui.composition.AppServices;

/**
 * Real y-master rows (from ../shared, test time only) imported into a demo store, so the prescription pane can search and
 * check real drugs: ハルシオン and イトリゾール are a 併用禁忌 pair in the demo interaction table, ロキソニン hits demo patient 1's
 * 薬剤禁忌 (ロキソプロフェン), ノルバスク and カロナール for Do.
 */
public final class RxDemoDrugs {
  public static final String HALCION = "611120055";
  public static final String ITRIZOLE = "616290177";
  public static final String LOXONIN = "620098801";
  public static final String NORVASC = "612170710";
  public static final String CALONAL = "620000033";
  private static final Charset SJIS = Charset.forName("windows-31j");
  private static final List<String> CODES = List.of(HALCION, ITRIZOLE, LOXONIN, NORVASC, CALONAL);

  private RxDemoDrugs() {
  }

  /** Imports the rows into the store behind {@code services} and refreshes the master search. */
  public static void importInto(AppServices services, Path work) {
    try {
      Path dir = Files.createDirectories(work.resolve("y-subset"));
      List<String> rows = new ArrayList<>();
      for (String line : Files.readAllLines(yMaster(), SJIS)) {
        for (String code : CODES) {
          if (line.contains("\"" + code + "\"")) {
            rows.add(line);
          }
        }
      }
      if (rows.size() != CODES.size()) {
        throw new IllegalStateException("y master rows missing: " + rows.size());
      }
      Files.write(dir.resolve("y_ALL20240321.csv"), (String.join("\r\n", rows) + "\r\n").getBytes(SJIS));
      services.store().transactions().run(() -> services.store().masterImporter().importPath(dir, MasterImportProgress.NONE));
      services.masterCatalog().invalidate();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Imports a y diff row (as SSK writes one) that abolishes {@code code} after {@code lastDay}. */
  public static void abolish(AppServices services, Path work, String code, java.time.LocalDate lastDay) {
    try {
      Path dir = Files.createDirectories(work.resolve("y-diff-" + code));
      String row = Files.readAllLines(yMaster(), SJIS).stream().filter(l -> l.contains("\"" + code + "\"")).findFirst().orElseThrow();
      java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.BASIC_ISO_DATE;
      String changed = f.format(lastDay.plusDays(1));
      String abolished = "\"9\"" + row.substring(3).replace("\"20240401\",\"99999999\"", "\"" + changed + "\",\"" + f.format(lastDay)
          + "\"");
      Files.write(dir.resolve("y_" + changed + ".csv"), (abolished + "\r\n").getBytes(SJIS));
      services.store().transactions().run(() -> services.store().masterImporter().importPath(dir, MasterImportProgress.NONE));
      services.masterCatalog().invalidate();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path yMaster() {
    String dir = System.getProperty("tsumugi.shared.dir", System.getProperty("shared.dir", "../../shared"));
    return Path.of(dir, "masters", "ssk", "y", "y_ALL20240321.csv");
  }
}
