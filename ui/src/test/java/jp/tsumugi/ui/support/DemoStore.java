package jp.tsumugi.ui.support;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.StoreOpener;

/** A real encrypted H2 demo clinic in a temporary folder, for UI and CLI tests. */
public final class DemoStore {
  public static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Tokyo"));
  public static final String TERMINAL = "test-terminal";

  private DemoStore() {
  }

  public static StoreLocation create(Path root) {
    StoreLocation location = new StoreLocation(root.resolve("data"), root.resolve("keys"));
    LocalStore.Created created = LocalStore.createH2(location, CLOCK);
    try (AppServices services = new AppServices(created.store(), CLOCK, TERMINAL, true)) {
      services.demoClinic().create(TERMINAL);
      services.demoLabs().seed(TERMINAL);
      services.seedDemoDrugMemos();
      services.demoCharts().seed(TERMINAL);
      jp.tsumugi.app.demo.DemoStamps.create(services.stamps(), TERMINAL, CLOCK.instant());
    }
    return location;
  }

  public static StoreOpener opener(StoreLocation location) {
    return StoreOpener.h2(location, CLOCK, TERMINAL, true);
  }
}
