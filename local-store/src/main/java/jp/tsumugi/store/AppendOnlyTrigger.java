package jp.tsumugi.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger on the chart's revision tables (docs/adr/0025): refuses every UPDATE and DELETE, so no
 * code path, tool or hand-typed statement can change a stored revision. Public with a public no-argument
 * constructor because H2 instantiates it by name from the migration {@code db/vendor/h2/V15}.
 */
public final class AppendOnlyTrigger implements Trigger {
  /** SQL state of the refusal (class 2F: SQL routine exception, "prohibited SQL statement attempted"). */
  static final String SQL_STATE = "2F003";

  private String table = "";

  @Override
  public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
    this.table = tableName;
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException("TSU-9008: " + (newRow == null ? "DELETE" : "UPDATE") + " on " + table
        + " refused: chart revisions are append-only", SQL_STATE);
  }
}
