package jp.tsumugi.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import jp.tsumugi.app.qualification.Consent;
import jp.tsumugi.app.qualification.ConsentKind;
import jp.tsumugi.app.qualification.ConsentRecord;
import jp.tsumugi.app.qualification.ConsentState;
import jp.tsumugi.app.qualification.QualificationApplyStore;
import jp.tsumugi.app.qualification.RegistrationProposal;
import jp.tsumugi.app.qualification.SpecificDiseaseCategory;
import jp.tsumugi.app.qualification.SpecificDiseaseRecord;
import jp.tsumugi.app.qualification.ValidityPeriod;

/** Registration proposals and consent rows (V9, docs/adr/0020). */
final class JdbcQualificationApplyStore implements QualificationApplyStore {
  private static final String COLUMNS = "id, ledger_id, state, family_name, given_name, family_kana, given_kana, sex_code, birth_date,"
      + " postal_code, address, insurer_number, card_symbol, card_number, card_branch, personal_family_code, valid_from, valid_to,"
      + " elderly_recipient_tenths, late_elderly_tenths, limit_category, preschool, created_at_ms, patient_id";
  private final JdbcTransactions tx;

  JdbcQualificationApplyStore(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public RegistrationProposal insertProposal(RegistrationProposal p) {
    return tx.inTransaction(() -> tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO qualification_proposal (" + COLUMNS.substring(4)
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, p.ledgerId());
        ps.setString(2, p.state().name());
        ps.setString(3, p.familyName());
        ps.setString(4, p.givenName());
        ps.setString(5, p.familyKana());
        ps.setString(6, p.givenKana());
        ps.setString(7, p.sexCode());
        ps.setDate(8, Date.valueOf(p.birthDate()));
        ps.setString(9, p.postalCode());
        ps.setString(10, p.address());
        ps.setString(11, p.insurerNumber());
        ps.setString(12, p.symbol());
        ps.setString(13, p.number());
        ps.setString(14, p.branch());
        ps.setString(15, p.personalFamilyCode());
        setDate(ps, 16, p.validFrom());
        setDate(ps, 17, p.validTo());
        ps.setInt(18, p.elderlyRecipientTenths());
        ps.setInt(19, p.lateElderlyTenths());
        ps.setString(20, p.limitCategoryCode());
        ps.setBoolean(21, p.preschool());
        ps.setLong(22, p.createdAtMillis());
        ps.setLong(23, p.patientId());
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          return p.withId(keys.getLong(1));
        }
      }
    }));
  }

  @Override
  public Optional<RegistrationProposal> findProposal(long id) {
    return tx.withConnection(c -> {
      List<RegistrationProposal> found = proposals(c, "WHERE id = ?", id);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    });
  }

  @Override
  public List<RegistrationProposal> pendingProposals() {
    return tx.withConnection(c -> proposals(c, "WHERE state = 'PENDING' ORDER BY id", null));
  }

  @Override
  public boolean markProposalDone(long id, long patientId) {
    return tx.inTransaction(() -> tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE qualification_proposal SET state = 'DONE', patient_id = ?, family_name = '', given_name = '', family_kana = '',"
              + " given_kana = '', sex_code = '', birth_date = NULL, postal_code = '', address = '', card_symbol = '', card_number = '',"
              + " card_branch = '', personal_family_code = '', valid_from = NULL, valid_to = NULL, elderly_recipient_tenths = 0,"
              + " late_elderly_tenths = 0, limit_category = '', preschool = FALSE WHERE id = ? AND state = 'PENDING'")) {
        ps.setLong(1, patientId);
        ps.setLong(2, id);
        return ps.executeUpdate() == 1;
      }
    }));
  }

  @Override
  public void appendConsent(ConsentRecord r) {
    tx.inTransaction(() -> tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO patient_consent (patient_id, kind, state, consented_at,"
          + " available_until, ledger_id, recorded_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, r.patientId());
        ps.setString(2, r.kind().name());
        ps.setString(3, r.consent().state().name());
        setTime(ps, 4, r.consent().consentedAt());
        setTime(ps, 5, r.consent().availableUntil());
        ps.setLong(6, r.ledgerId());
        ps.setLong(7, r.recordedAtMillis());
        return ps.executeUpdate();
      }
    }));
  }

  @Override
  public List<ConsentRecord> consentsOf(long patientId) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT kind, state, consented_at, available_until, ledger_id, recorded_at_ms"
          + " FROM patient_consent WHERE patient_id = ? ORDER BY id")) {
        ps.setLong(1, patientId);
        List<ConsentRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Consent consent = new Consent(ConsentState.valueOf(rs.getString(2)), time(rs.getTimestamp(3)), time(rs.getTimestamp(4)));
            out.add(new ConsentRecord(patientId, ConsentKind.valueOf(rs.getString(1)), consent, rs.getLong(5), rs.getLong(6)));
          }
        }
        return out;
      }
    });
  }

  @Override
  public void appendSpecificDisease(SpecificDiseaseRecord r) {
    tx.inTransaction(() -> tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO insurance_specific_disease (insurance_id, patient_id, category, listed,"
          + " issued_on, valid_from, valid_to, self_pay_limit_yen, ledger_id, recorded_by, recorded_at_ms)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, r.insuranceId());
        ps.setLong(2, r.patientId());
        ps.setString(3, r.category().code());
        ps.setBoolean(4, r.listed());
        setDate(ps, 5, r.validity().issuedOn());
        setDate(ps, 6, r.validity().validFrom());
        setDate(ps, 7, r.validity().validTo());
        if (r.selfPayLimitYen().isPresent()) {
          ps.setLong(8, r.selfPayLimitYen().getAsLong());
        } else {
          ps.setNull(8, Types.BIGINT);
        }
        ps.setLong(9, r.ledgerId());
        ps.setString(10, r.recordedBy());
        ps.setLong(11, r.recordedAtMillis());
        return ps.executeUpdate();
      }
    }));
  }

  @Override
  public List<SpecificDiseaseRecord> specificDiseasesOfInsurance(long insuranceId) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT patient_id, category, listed, issued_on, valid_from, valid_to,"
          + " self_pay_limit_yen, ledger_id, recorded_by, recorded_at_ms FROM insurance_specific_disease"
          + " WHERE insurance_id = ? ORDER BY id")) {
        ps.setLong(1, insuranceId);
        List<SpecificDiseaseRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long limit = rs.getLong(7);
            OptionalLong yen = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(limit);
            SpecificDiseaseCategory category = SpecificDiseaseCategory.byCode(rs.getString(2)).orElseThrow();
            out.add(new SpecificDiseaseRecord(insuranceId, rs.getLong(1), category, rs.getBoolean(3),
                new ValidityPeriod(date(rs.getDate(4)), date(rs.getDate(5)), date(rs.getDate(6))), yen, rs.getLong(8), rs.getString(9),
                rs.getLong(10)));
          }
        }
        return out;
      }
    });
  }

  private static List<RegistrationProposal> proposals(Connection c, String where, Long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM qualification_proposal " + where)) {
      if (id != null) {
        ps.setLong(1, id);
      }
      List<RegistrationProposal> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new RegistrationProposal(rs.getLong(1), rs.getLong(2), RegistrationProposal.State.valueOf(rs.getString(3)),
              rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), date(rs.getDate(9)).orElse(null),
              rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
              rs.getString(16), date(rs.getDate(17)), date(rs.getDate(18)), rs.getInt(19), rs.getInt(20), rs.getString(21),
              rs.getBoolean(22), rs.getLong(23), rs.getLong(24)));
        }
      }
      return out;
    }
  }

  private static void setDate(PreparedStatement ps, int index, Optional<LocalDate> date) throws SQLException {
    if (date.isPresent()) {
      ps.setDate(index, Date.valueOf(date.get()));
    } else {
      ps.setNull(index, Types.DATE);
    }
  }

  private static void setTime(PreparedStatement ps, int index, Optional<LocalDateTime> time) throws SQLException {
    if (time.isPresent()) {
      ps.setTimestamp(index, Timestamp.valueOf(time.get()));
    } else {
      ps.setNull(index, Types.TIMESTAMP);
    }
  }

  private static Optional<LocalDate> date(Date d) {
    return d == null ? Optional.empty() : Optional.of(d.toLocalDate());
  }

  private static Optional<LocalDateTime> time(Timestamp t) {
    return t == null ? Optional.empty() : Optional.of(t.toLocalDateTime());
  }
}
