package jp.tsumugi.store.master;

import java.time.Clock;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.master.DrugPriceListAttacher;
import jp.tsumugi.app.master.MasterImporter;
import jp.tsumugi.app.master.MasterRepository;

/** Entry point for the store package: the master repository and importer over one database. */
public final class MasterStores {
  private final JdbcMasterStore store;
  private final JdbcDrugPriceList priceList;

  public MasterStores(Transactions tx, SqlSession sql, Clock clock) {
    this.store = new JdbcMasterStore(tx, sql, clock);
    this.priceList = new JdbcDrugPriceList(tx, sql, store, clock);
  }

  /** Attaches MHLW 薬価基準収載品目リスト files: YJ codes where the master lacks them, and a price cross-check. */
  public DrugPriceListAttacher priceListAttacher() {
    return priceList;
  }

  public MasterRepository repository() {
    return store;
  }

  public MasterImporter importer() {
    return store;
  }
}
