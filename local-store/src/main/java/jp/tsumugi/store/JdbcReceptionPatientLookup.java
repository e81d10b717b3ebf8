package jp.tsumugi.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.reception.PatientLookup;
import jp.tsumugi.app.reception.PatientSummary;

/**
 * A plain SQL stand-in for patient search at reception: カナ prefix (hiragana typed is read as
 * katakana), 漢字 name prefix, or exact patient number. The forgiving search of the patients part
 * replaces it in the composition root.
 */
final class JdbcReceptionPatientLookup implements PatientLookup {
  private static final String COLUMNS = "SELECT id, patient_number, family_name, given_name, family_kana, given_kana, sex, "
      + "birth_date FROM patient ";
  private static final int CHUNK = 500;

  private final JdbcTransactions tx;

  JdbcReceptionPatientLookup(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public List<PatientSummary> search(String text, int limit) {
    String q = katakana(text.replaceAll("[\\s\u3000]", ""));
    if (q.isEmpty()) {
      return List.of();
    }
    String prefix = escapeLike(q) + "%";
    return tx.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(COLUMNS + "WHERE patient_number = ? "
          + "OR (family_kana || given_kana) LIKE ? ESCAPE '\\' OR (family_name || given_name) LIKE ? ESCAPE '\\' "
          + "ORDER BY family_kana, given_kana, id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")) {
        ps.setString(1, q);
        ps.setString(2, prefix);
        ps.setString(3, prefix);
        return read(ps);
      }
    });
  }

  @Override
  public Map<Long, PatientSummary> byIds(Collection<Long> ids) {
    List<Long> all = new ArrayList<>(ids);
    Map<Long, PatientSummary> out = new HashMap<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
      List<PatientSummary> found = tx.withConnection(c -> {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + "WHERE id IN (" + marks + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setLong(i + 1, chunk.get(i));
          }
          return read(ps);
        }
      });
      found.forEach(p -> out.put(p.id(), p));
    }
    return out;
  }

  private static List<PatientSummary> read(PreparedStatement ps) throws SQLException {
    List<PatientSummary> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Date birth = rs.getDate(8);
        out.add(new PatientSummary(rs.getLong(1), rs.getString(2), rs.getString(3) + " " + rs.getString(4),
            rs.getString(5) + " " + rs.getString(6), "1".equals(rs.getString(7)) ? Sex.MALE : Sex.FEMALE, birth.toLocalDate()));
      }
    }
    return out;
  }

  static String katakana(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      out.append(ch >= '\u3041' && ch <= '\u3096' ? (char) (ch + 0x60) : ch);
    }
    return out.toString();
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
