package jp.tsumugi.store.master;

import java.time.Clock;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.master.MasterImporter;
import jp.tsumugi.app.master.MasterRepository;

/** Entry point for the store package: the master repository and importer over one database. */
public final class MasterStores {
  private final JdbcMasterStore store;

  public MasterStores(Transactions tx, SqlSession sql, Clock clock) {
    this.store = new JdbcMasterStore(tx, sql, clock);
  }

  public MasterRepository repository() {
    return store;
  }

  public MasterImporter importer() {
    return store;
  }
}
