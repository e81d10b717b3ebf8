package jp.tsumugi.ui.composition;

import java.time.Clock;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;

/** Opens or creates the store the application runs on, and wires it into {@link AppServices}. */
public interface StoreOpener {
  /** True when there is a store to open (else the setup screen creates one). */
  boolean initialised();

  /** The terminal name audit entries carry. */
  String terminal();

  AppServices open();

  /** Creates a new store; the recovery key is shown once and never stored in the clear. */
  Opened create();

  /** Services on a store plus, for a new store, its recovery key (else empty). */
  record Opened(AppServices services, String recoveryKey) {
  }

  /** An encrypted H2 store in a data directory, its key in a separate key directory. */
  static StoreOpener h2(StoreLocation location, Clock clock, String terminal, boolean demoMode) {
    return new StoreOpener() {
      @Override
      public boolean initialised() {
        return LocalStore.isInitialised(location.dataDir());
      }

      @Override
      public String terminal() {
        return terminal;
      }

      @Override
      public AppServices open() {
        return new AppServices(LocalStore.openH2(location, clock), clock, terminal, demoMode);
      }

      @Override
      public Opened create() {
        LocalStore.Created created = LocalStore.createH2(location, clock);
        return new Opened(new AppServices(created.store(), clock, terminal, demoMode), created.recoveryKey());
      }
    };
  }

  /** A clinic server's PostgreSQL database (created by the clinic's administrator beforehand). */
  static StoreOpener postgres(String url, String user, char[] password, Clock clock, String terminal) {
    return new StoreOpener() {
      @Override
      public boolean initialised() {
        return true;
      }

      @Override
      public String terminal() {
        return terminal;
      }

      @Override
      public AppServices open() {
        return new AppServices(LocalStore.openPostgres(url, user, password, clock), clock, terminal, false);
      }

      @Override
      public Opened create() {
        return new Opened(open(), "");
      }
    };
  }
}
