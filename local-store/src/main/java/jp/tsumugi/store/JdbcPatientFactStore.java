package jp.tsumugi.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.tsumugi.app.chart.Allergy;
import jp.tsumugi.app.chart.AllergyKind;
import jp.tsumugi.app.chart.AllergySeverity;
import jp.tsumugi.app.chart.ChartRecordKind;
import jp.tsumugi.app.chart.Contraindication;
import jp.tsumugi.app.chart.FactRevision;
import jp.tsumugi.app.chart.Infection;
import jp.tsumugi.app.chart.InfectionAgent;
import jp.tsumugi.app.chart.InfectionResult;
import jp.tsumugi.app.chart.PatientFact;
import jp.tsumugi.app.chart.PatientFactStore;
import jp.tsumugi.app.chart.RevisionState;

/**
 * Allergies, drug contraindications and infections on the chart envelope (V16, V17): insert-only typed
 * content tables, one per kind (docs/adr/0025).
 */
final class JdbcPatientFactStore implements PatientFactStore {
  private static final Set<ChartRecordKind> KINDS = Set.of(ChartRecordKind.ALLERGY, ChartRecordKind.CONTRAINDICATION,
      ChartRecordKind.INFECTION);
  private static final String SELECT = "SELECT r.record_id, c.patient_id, c.kind, r.revision, r.state, r.author, r.at_ms, "
      + "r.terminal, r.reason, "
      + "a.revision_id, a.allergy_kind, a.code, a.name, a.reaction, a.severity, "
      + "k.revision_id, k.ingredient_code, k.name, k.reason, "
      + "i.revision_id, i.agent, i.agent_text, i.result, i.test_date "
      + "FROM chart_revision r JOIN chart_record c ON c.id = r.record_id "
      + "LEFT JOIN chart_allergy_content a ON a.revision_id = r.id "
      + "LEFT JOIN chart_contraindication_content k ON k.revision_id = r.id "
      + "LEFT JOIN chart_infection_content i ON i.revision_id = r.id ";

  private final JdbcTransactions tx;
  private final ChartEnvelope envelope;

  JdbcPatientFactStore(JdbcTransactions tx) {
    this.tx = tx;
    this.envelope = new ChartEnvelope(tx);
  }

  @Override
  public boolean patientExists(long patientId) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM patient WHERE id = ?")) {
        ps.setLong(1, patientId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  @Override
  public long createFactRecord(ChartRecordKind kind, long patientId, Instant at) {
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("not a patient fact: " + kind);
    }
    return tx.inTransaction(() -> tx.withConnection(c -> ChartEnvelope.insertRecord(c, kind, patientId, null, null, at)));
  }

  @Override
  public Optional<Owner> ownerOf(long recordId) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT patient_id, kind FROM chart_record WHERE id = ?")) {
        ps.setLong(1, recordId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          ChartRecordKind kind = ChartRecordKind.valueOf(rs.getString(2));
          return KINDS.contains(kind) ? Optional.of(new Owner(rs.getLong(1), kind)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public boolean appendFactRevision(FactRevision r) {
    return envelope.unlessDuplicate(c -> {
      long id = ChartEnvelope.insertRevision(c, r.recordId(), r.revision(), r.state(), r.author(), r.terminal(), r.at(), r.reason());
      PatientFact fact = r.fact();
      if (fact instanceof Allergy a) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_allergy_content (revision_id, allergy_kind, code, name, "
            + "reaction, severity) VALUES (?, ?, ?, ?, ?, ?)")) {
          ps.setLong(1, id);
          ps.setString(2, a.allergyKind().name());
          ps.setString(3, a.code());
          ps.setString(4, a.name());
          ps.setString(5, a.reaction());
          ps.setString(6, a.severity().name());
          ps.executeUpdate();
        }
      } else if (fact instanceof Contraindication k) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_contraindication_content (revision_id, ingredient_code, "
            + "name, reason) VALUES (?, ?, ?, ?)")) {
          ps.setLong(1, id);
          ps.setString(2, k.ingredientCode());
          ps.setString(3, k.name());
          ps.setString(4, k.reason());
          ps.executeUpdate();
        }
      } else if (fact instanceof Infection i) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chart_infection_content (revision_id, agent, agent_text, result, "
            + "test_date) VALUES (?, ?, ?, ?, ?)")) {
          ps.setLong(1, id);
          ps.setString(2, i.agent().name());
          ps.setString(3, i.agentText());
          ps.setString(4, i.result().name());
          ps.setDate(5, i.testDate() == null ? null : Date.valueOf(i.testDate()));
          ps.executeUpdate();
        }
      }
    });
  }

  @Override
  public Optional<FactRevision> latestFactRevision(long recordId) {
    return query(SELECT + "WHERE r.record_id = ? ORDER BY r.revision DESC FETCH FIRST 1 ROWS ONLY", recordId, null).stream()
        .findFirst();
  }

  @Override
  public List<FactRevision> factRevisions(long recordId) {
    return query(SELECT + "WHERE r.record_id = ? ORDER BY r.revision", recordId, null);
  }

  @Override
  public List<FactRevision> currentFacts(long patientId, ChartRecordKind kind) {
    return query(SELECT + "WHERE c.patient_id = ? AND c.kind = ? AND r.state <> 'TOMBSTONE' "
        + "AND r.revision = (SELECT MAX(x.revision) FROM chart_revision x WHERE x.record_id = r.record_id) "
        + "ORDER BY r.record_id", patientId, kind);
  }

  private List<FactRevision> query(String sql, long id, ChartRecordKind kind) {
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, id);
        if (kind != null) {
          ps.setString(2, kind.name());
        }
        List<FactRevision> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(read(rs));
          }
        }
        return out;
      }
    });
  }

  private static FactRevision read(ResultSet rs) throws SQLException {
    ChartRecordKind kind = ChartRecordKind.valueOf(rs.getString(3));
    PatientFact fact = null;
    if (rs.getObject(10) != null) {
      fact = new Allergy(AllergyKind.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13), rs.getString(14),
          AllergySeverity.valueOf(rs.getString(15)));
    } else if (rs.getObject(16) != null) {
      fact = new Contraindication(rs.getString(17), rs.getString(18), rs.getString(19));
    } else if (rs.getObject(20) != null) {
      Date tested = rs.getDate(24);
      fact = new Infection(InfectionAgent.valueOf(rs.getString(21)), rs.getString(22), InfectionResult.valueOf(rs.getString(23)),
          tested == null ? null : tested.toLocalDate());
    }
    return new FactRevision(rs.getLong(1), rs.getLong(2), kind, rs.getInt(4), RevisionState.valueOf(rs.getString(5)),
        rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8), rs.getString(9), fact);
  }
}
