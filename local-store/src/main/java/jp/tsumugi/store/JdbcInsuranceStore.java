package jp.tsumugi.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.insurance.CopaymentOverride;
import jp.tsumugi.app.insurance.Insurance;
import jp.tsumugi.app.insurance.InsuranceCombination;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.InsuranceStore;
import jp.tsumugi.app.insurance.PublicExpense;
import jp.tsumugi.app.qualification.LimitCategory;

/** Insurance, 公費 and combinations: current rows plus revision tables. */
final class JdbcInsuranceStore implements InsuranceStore {
  private static final String INSURANCE_COLUMNS = "insurer_number, symbol, number, branch, insured, valid_from, valid_to, "
      + "qualified_on, elderly_recipient_tenths, late_elderly_tenths, active_income, limit_category, override_tenths, "
      + "override_reason";
  private static final String PUBLIC_COLUMNS = "payer_number, recipient_number, valid_from, valid_to, monthly_cap_yen";
  private static final String COMBINATION_COLUMNS = "id, patient_id, insurance_id, public_expense_1, public_expense_2, "
      + "public_expense_3, public_expense_4";
  private final JdbcTransactions tx;

  JdbcInsuranceStore(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public InsuranceRecord insertInsurance(InsuranceRecord record, Change change) {
    return tx.inTransaction(() -> tx.withConnection(c -> {
      long id;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO insurance (patient_id, " + INSURANCE_COLUMNS + ", revision) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, record.insurance().patientId());
        setInsurance(ps, 2, record);
        ps.executeUpdate();
        id = generatedKey(ps);
      }
      InsuranceRecord stored = new InsuranceRecord(record.withIds(id, record.insurance().patientId()).insurance(),
          record.qualifiedOn(), record.elderlyRecipientTenths(), record.lateElderlyTenths(), record.activeIncome(),
          record.limitCategory(), record.copaymentOverride(), 1);
      insertInsuranceRevision(c, stored, change);
      return stored;
    }));
  }

  @Override
  public InsuranceRecord appendInsuranceRevision(InsuranceRecord record, Change change) {
    return tx.inTransaction(() -> tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE insurance SET insurer_number = ?, symbol = ?, number = ?, branch = ?, "
          + "insured = ?, valid_from = ?, valid_to = ?, qualified_on = ?, elderly_recipient_tenths = ?, late_elderly_tenths = ?, "
          + "active_income = ?, limit_category = ?, override_tenths = ?, override_reason = ?, revision = ? "
          + "WHERE id = ? AND revision = ?")) {
        int i = setInsurance(ps, 1, record);
        ps.setInt(i, record.revision());
        ps.setLong(i + 1, record.id());
        ps.setInt(i + 2, record.revision() - 1);
        if (ps.executeUpdate() != 1) {
          throw new TsumugiException(ErrorCode.REVISION_CONFLICT, "insurance revision");
        }
      }
      insertInsuranceRevision(c, record, change);
      return record;
    }));
  }

  @Override
  public Optional<InsuranceRecord> findInsurance(long id) {
    return tx.first("SELECT id, patient_id, " + INSURANCE_COLUMNS + ", revision FROM insurance WHERE id = ?",
        ps -> ps.setLong(1, id), JdbcInsuranceStore::readInsurance);
  }

  @Override
  public List<InsuranceRecord> insurancesOfPatient(long patientId) {
    return tx.list("SELECT id, patient_id, " + INSURANCE_COLUMNS + ", revision FROM insurance WHERE patient_id = ? ORDER BY id",
        ps -> ps.setLong(1, patientId), JdbcInsuranceStore::readInsurance);
  }

  @Override
  public List<Revision<InsuranceRecord>> insuranceHistory(long id) {
    return tx.list("SELECT insurance_id, patient_id, " + INSURANCE_COLUMNS + ", revision, author, changed_at_ms, reason "
        + "FROM insurance_revision WHERE insurance_id = ? ORDER BY revision", ps -> ps.setLong(1, id),
        rs -> new Revision<>(readInsurance(rs), rs.getString(18), Instant.ofEpochMilli(rs.getLong(19)), rs.getString(20)));
  }

  @Override
  public List<InsuranceRecord> insurancesByNumbers(String insurerNumber, String symbol, String number, String branch) {
    return tx.list("SELECT id, patient_id, " + INSURANCE_COLUMNS + ", revision FROM insurance "
        + "WHERE insurer_number = ? AND symbol = ? AND number = ? AND branch = ? ORDER BY id", ps -> {
          ps.setString(1, insurerNumber);
          ps.setString(2, symbol == null ? "" : symbol);
          ps.setString(3, number);
          ps.setString(4, branch == null ? "" : branch);
        }, JdbcInsuranceStore::readInsurance);
  }

  @Override
  public PublicExpense insertPublicExpense(PublicExpense pe, Change change) {
    return tx.inTransaction(() -> tx.withConnection(c -> {
      long id;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO public_expense (patient_id, " + PUBLIC_COLUMNS + ", revision) "
          + "VALUES (?, ?, ?, ?, ?, ?, 1)", Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, pe.patientId());
        setPublic(ps, 2, pe);
        ps.executeUpdate();
        id = generatedKey(ps);
      }
      PublicExpense stored = new PublicExpense(id, pe.patientId(), pe.payerNumber(), pe.recipientNumber(), pe.validFrom(),
          pe.validTo(), pe.monthlyCapYen(), 1);
      insertPublicRevision(c, stored, change);
      return stored;
    }));
  }

  @Override
  public PublicExpense appendPublicExpenseRevision(PublicExpense pe, Change change) {
    return tx.inTransaction(() -> tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE public_expense SET payer_number = ?, recipient_number = ?, "
          + "valid_from = ?, valid_to = ?, monthly_cap_yen = ?, revision = ? WHERE id = ? AND revision = ?")) {
        int i = setPublic(ps, 1, pe);
        ps.setInt(i, pe.revision());
        ps.setLong(i + 1, pe.id());
        ps.setInt(i + 2, pe.revision() - 1);
        if (ps.executeUpdate() != 1) {
          throw new TsumugiException(ErrorCode.REVISION_CONFLICT, "public expense revision");
        }
      }
      insertPublicRevision(c, pe, change);
      return pe;
    }));
  }

  @Override
  public Optional<PublicExpense> findPublicExpense(long id) {
    return tx.first("SELECT id, patient_id, " + PUBLIC_COLUMNS + ", revision FROM public_expense WHERE id = ?",
        ps -> ps.setLong(1, id), JdbcInsuranceStore::readPublic);
  }

  @Override
  public List<PublicExpense> publicExpensesOfPatient(long patientId) {
    return tx.list("SELECT id, patient_id, " + PUBLIC_COLUMNS + ", revision FROM public_expense WHERE patient_id = ? ORDER BY id",
        ps -> ps.setLong(1, patientId), JdbcInsuranceStore::readPublic);
  }

  @Override
  public List<Revision<PublicExpense>> publicExpenseHistory(long id) {
    return tx.list("SELECT public_expense_id, patient_id, " + PUBLIC_COLUMNS + ", revision, author, changed_at_ms, reason "
        + "FROM public_expense_revision WHERE public_expense_id = ? ORDER BY revision", ps -> ps.setLong(1, id),
        rs -> new Revision<>(readPublic(rs), rs.getString(9), Instant.ofEpochMilli(rs.getLong(10)), rs.getString(11)));
  }

  @Override
  public InsuranceCombination insertCombination(InsuranceCombination combination, Change change) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO insurance_combination (patient_id, insurance_id, public_expense_1, "
          + "public_expense_2, public_expense_3, public_expense_4, author, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, combination.patientId());
        ps.setLong(2, combination.insuranceId());
        for (int i = 0; i < InsuranceCombination.MAX_PUBLIC_EXPENSES; i++) {
          if (i < combination.publicExpenseIds().size()) {
            ps.setLong(3 + i, combination.publicExpenseIds().get(i));
          } else {
            ps.setNull(3 + i, Types.BIGINT);
          }
        }
        ps.setString(7, change.author());
        ps.setLong(8, change.atMillis());
        ps.executeUpdate();
        return new InsuranceCombination(generatedKey(ps), combination.patientId(), combination.insuranceId(),
            combination.publicExpenseIds());
      }
    });
  }

  @Override
  public Optional<InsuranceCombination> findCombination(long id) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COMBINATION_COLUMNS + " FROM insurance_combination WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(readCombination(rs)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<InsuranceCombination> combinationsOfPatient(long patientId) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COMBINATION_COLUMNS + " FROM insurance_combination "
          + "WHERE patient_id = ? ORDER BY id")) {
        ps.setLong(1, patientId);
        try (ResultSet rs = ps.executeQuery()) {
          List<InsuranceCombination> out = new ArrayList<>();
          while (rs.next()) {
            out.add(readCombination(rs));
          }
          return out;
        }
      }
    });
  }

  private static void insertInsuranceRevision(Connection c, InsuranceRecord r, Change change) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO insurance_revision (insurance_id, patient_id, " + INSURANCE_COLUMNS
        + ", revision, author, changed_at_ms, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, r.id());
      ps.setLong(2, r.insurance().patientId());
      int i = setInsurance(ps, 3, r);
      ps.setInt(i, r.revision());
      ps.setString(i + 1, change.author());
      ps.setLong(i + 2, change.atMillis());
      ps.setString(i + 3, change.reason());
      ps.executeUpdate();
    }
  }

  private static void insertPublicRevision(Connection c, PublicExpense pe, Change change) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO public_expense_revision (public_expense_id, patient_id, "
        + PUBLIC_COLUMNS + ", revision, author, changed_at_ms, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, pe.id());
      ps.setLong(2, pe.patientId());
      int i = setPublic(ps, 3, pe);
      ps.setInt(i, pe.revision());
      ps.setString(i + 1, change.author());
      ps.setLong(i + 2, change.atMillis());
      ps.setString(i + 3, change.reason());
      ps.executeUpdate();
    }
  }

  /** Sets the 14 insurance columns from {@code at}; returns the next index. */
  private static int setInsurance(PreparedStatement ps, int at, InsuranceRecord r) throws SQLException {
    Insurance i = r.insurance();
    ps.setString(at, i.insurerNumber());
    ps.setString(at + 1, i.symbol());
    ps.setString(at + 2, i.number());
    ps.setString(at + 3, i.branch());
    ps.setBoolean(at + 4, i.insured());
    setDate(ps, at + 5, i.validFrom());
    setDate(ps, at + 6, i.validTo());
    setDate(ps, at + 7, r.qualifiedOn());
    ps.setInt(at + 8, r.elderlyRecipientTenths());
    ps.setInt(at + 9, r.lateElderlyTenths());
    ps.setBoolean(at + 10, r.activeIncome());
    ps.setString(at + 11, r.limitCategory().map(LimitCategory::code).orElse(""));
    if (r.copaymentOverride().isPresent()) {
      ps.setInt(at + 12, r.copaymentOverride().get().tenths());
    } else {
      ps.setNull(at + 12, Types.INTEGER);
    }
    ps.setString(at + 13, r.copaymentOverride().map(CopaymentOverride::reason).orElse(""));
    return at + 14;
  }

  /** Sets the 5 public expense columns from {@code at}; returns the next index. */
  private static int setPublic(PreparedStatement ps, int at, PublicExpense pe) throws SQLException {
    ps.setString(at, pe.payerNumber());
    ps.setString(at + 1, pe.recipientNumber());
    setDate(ps, at + 2, pe.validFrom());
    setDate(ps, at + 3, pe.validTo());
    if (pe.monthlyCapYen().isPresent()) {
      ps.setLong(at + 4, pe.monthlyCapYen().getAsLong());
    } else {
      ps.setNull(at + 4, Types.BIGINT);
    }
    return at + 5;
  }

  /** Reads id, patient_id, the 14 insurance columns and the revision (columns 1 to 17). */
  private static InsuranceRecord readInsurance(ResultSet rs) throws SQLException {
    Insurance insurance = new Insurance(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getBoolean(7), toLocalDate(rs.getDate(8)), toLocalDate(rs.getDate(9)));
    int overrideTenths = rs.getInt(15);
    Optional<CopaymentOverride> override = rs.wasNull() ? Optional.empty()
        : Optional.of(new CopaymentOverride(overrideTenths, rs.getString(16)));
    return new InsuranceRecord(insurance, toLocalDate(rs.getDate(10)), rs.getInt(11), rs.getInt(12), rs.getBoolean(13),
        LimitCategory.byCode(rs.getString(14)), override, rs.getInt(17));
  }

  /** Reads id, patient_id, the 5 public columns and the revision (columns 1 to 8). */
  private static PublicExpense readPublic(ResultSet rs) throws SQLException {
    long cap = rs.getLong(7);
    OptionalLong monthlyCap = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(cap);
    return new PublicExpense(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), toLocalDate(rs.getDate(5)),
        toLocalDate(rs.getDate(6)), monthlyCap, rs.getInt(8));
  }

  private static InsuranceCombination readCombination(ResultSet rs) throws SQLException {
    List<Long> members = new ArrayList<>();
    for (int i = 4; i <= 7; i++) {
      long id = rs.getLong(i);
      if (!rs.wasNull()) {
        members.add(id);
      }
    }
    return new InsuranceCombination(rs.getLong(1), rs.getLong(2), rs.getLong(3), members);
  }

  private static long generatedKey(PreparedStatement ps) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }

  private static void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
    if (date == null) {
      ps.setNull(index, Types.DATE);
    } else {
      ps.setDate(index, Date.valueOf(date));
    }
  }

  private static LocalDate toLocalDate(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
