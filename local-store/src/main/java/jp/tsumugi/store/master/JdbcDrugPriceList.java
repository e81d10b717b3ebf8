package jp.tsumugi.store.master;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.DrugPriceListAttacher;
import jp.tsumugi.app.master.DrugPriceListReport;
import jp.tsumugi.app.master.DrugPriceListReport.PriceDifference;
import jp.tsumugi.app.master.DrugRecord;
import jp.tsumugi.app.master.MasterKind;
import jp.tsumugi.app.master.MasterRepository;

/**
 * Attaches a 薬価基準収載品目リスト on JDBC (docs/adr/0016). The file is read and checked completely first; then,
 * in one transaction, each list row is linked to the 医薬品 records in force on the list date that carry its
 * YJ code, or, failing that, to the one record without a YJ code whose 漢字名称 equals its 品名 (both width-
 * folded, spaces removed). Only {@code drug_price_list} and {@code drug_yj_attachment} are written; the master
 * revisions and their prices are never touched.
 */
final class JdbcDrugPriceList implements DrugPriceListAttacher {
  private final Transactions tx;
  private final SqlSession sql;
  private final MasterRepository masters;
  private final Clock clock;

  JdbcDrugPriceList(Transactions tx, SqlSession sql, MasterRepository masters, Clock clock) {
    this.tx = tx;
    this.sql = sql;
    this.masters = masters;
    this.clock = clock;
  }

  @Override
  public DrugPriceListReport attach(Path file, LocalDate listDate) {
    PriceListFile list = PriceListFile.read(file, listDate);
    return tx.inTransaction(() -> apply(list));
  }

  private record Attachment(String code, String yjCode, int sheetRow) {
  }

  private DrugPriceListReport apply(PriceListFile list) {
    if (masters.status().of(MasterKind.Y).recordCount() == 0) {
      throw new TsumugiException(ErrorCode.PRICE_LIST_NO_DRUG_MASTER, list.name());
    }
    boolean alreadyLoaded = sql.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM drug_price_list WHERE sha256 = ?")) {
        ps.setString(1, list.sha256());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1) > 0;
        }
      }
    });
    Map<String, List<DrugRecord>> byYj = new HashMap<>();
    Map<String, List<DrugRecord>> withoutYjByName = new HashMap<>();
    masters.forEachInForce(MasterKind.Y, list.listDate(), record -> {
      DrugRecord drug = (DrugRecord) record;
      if (drug.yjCode().isEmpty()) {
        withoutYjByName.computeIfAbsent(PriceListFile.normalise(drug.name()), k -> new ArrayList<>()).add(drug);
      } else {
        byYj.computeIfAbsent(drug.yjCode(), k -> new ArrayList<>()).add(drug);
      }
    });
    Map<String, Set<String>> listYjByName = new HashMap<>();
    for (PriceListFile.Entry entry : list.entries()) {
      listYjByName.computeIfAbsent(PriceListFile.normalise(entry.name()), k -> new HashSet<>()).add(entry.yjCode());
    }
    int matched = 0;
    int ambiguous = 0;
    int unmatched = 0;
    List<Attachment> attachments = new ArrayList<>();
    Map<String, PriceDifference> differences = new HashMap<>();
    for (PriceListFile.Entry entry : list.entries()) {
      List<DrugRecord> drugs = byYj.get(entry.yjCode());
      if (drugs != null) {
        matched++;
      } else {
        String name = PriceListFile.normalise(entry.name());
        List<DrugRecord> candidates = withoutYjByName.getOrDefault(name, List.of());
        if (candidates.size() > 1 || (candidates.size() == 1 && listYjByName.get(name).size() > 1)) {
          ambiguous++;
          continue;
        }
        if (candidates.isEmpty()) {
          unmatched++;
          continue;
        }
        DrugRecord drug = candidates.get(0);
        attachments.add(new Attachment(drug.code(), entry.yjCode(), entry.sheetRow()));
        withoutYjByName.remove(name);
        drugs = List.of(drug.withYjCode(entry.yjCode()));
        byYj.put(entry.yjCode(), drugs);
      }
      for (DrugRecord drug : drugs) {
        if (drug.price().compareTo(entry.price()) != 0) {
          differences.putIfAbsent(drug.code(), new PriceDifference(drug.code(), drug.name(), entry.yjCode(), drug.price(),
              entry.price()));
        }
      }
    }
    if (!alreadyLoaded) {
      write(list, attachments);
    }
    List<PriceDifference> sorted = new ArrayList<>(differences.values());
    sorted.sort(Comparator.comparing(PriceDifference::code));
    return new DrugPriceListReport(list.name(), list.sha256(), list.listDate(), list.entries().size(), matched,
        alreadyLoaded ? 0 : attachments.size(), ambiguous, unmatched, alreadyLoaded, sorted);
  }

  private void write(PriceListFile list, List<Attachment> attachments) {
    long now = clock.millis();
    sql.withConnection(c -> {
      long id;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO drug_price_list (file_name, sha256, list_date, row_count, "
          + "attached_at_ms) VALUES (?, ?, ?, ?, ?)", new String[] {"id"})) {
        ps.setString(1, list.name().length() > 255 ? list.name().substring(0, 255) : list.name());
        ps.setString(2, list.sha256());
        ps.setObject(3, list.listDate());
        ps.setInt(4, list.entries().size());
        ps.setLong(5, now);
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO drug_yj_attachment (code, list_id, yj_code, sheet_row, "
          + "attached_at_ms) VALUES (?, ?, ?, ?, ?)")) {
        for (Attachment a : attachments) {
          ps.setString(1, a.code());
          ps.setLong(2, id);
          ps.setString(3, a.yjCode());
          ps.setInt(4, a.sheetRow());
          ps.setLong(5, now);
          ps.addBatch();
        }
        if (!attachments.isEmpty()) {
          ps.executeBatch();
        }
      }
      return null;
    });
  }
}
