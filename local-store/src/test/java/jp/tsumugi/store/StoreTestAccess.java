package jp.tsumugi.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * For tests only (exported in the test-jar): a raw JDBC connection to an H2 store, bypassing the
 * repositories, to play the attacker who edits rows directly.
 */
public final class StoreTestAccess {
  private StoreTestAccess() {
  }

  public static Connection rawConnection(StoreLocation location) throws SQLException {
    StoreMarker marker = StoreMarker.read(location.dataDir());
    DatabaseKey key = DatabaseKey.read(location.keyDir(), marker.databaseId());
    return DriverManager.getConnection(LocalStore.h2Url(location.dataDir(), true), "tsumugi", new String(key.h2Password()));
  }

  /**
   * The highest {@code V<n>__} migration in this module's sources (the portable folder and every vendor
   * folder), read from the folders, not from Flyway.
   */
  public static int latestMigrationVersion() {
    int latest = 0;
    java.util.List<java.io.File> dirs = new java.util.ArrayList<>();
    dirs.add(new java.io.File("src/main/resources/db/migration"));
    java.io.File[] vendors = new java.io.File("src/main/resources/db/vendor").listFiles(java.io.File::isDirectory);
    if (vendors != null) {
      dirs.addAll(java.util.List.of(vendors));
    }
    for (java.io.File dir : dirs) {
      for (String name : java.util.Objects.requireNonNull(dir.list(), "migrations folder")) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^V(\\d+)__.*\\.sql$").matcher(name);
        if (m.matches()) {
          latest = Math.max(latest, Integer.parseInt(m.group(1)));
        }
      }
    }
    return latest;
  }

  /** Counts the rows of a table through the open store's own connection (inside or outside a transaction). */
  public static int countRows(LocalStore store, String table) {
    if (!table.matches("[a-z_]+")) {
      throw new IllegalArgumentException(table);
    }
    return store.jdbcTransactions().withConnection(c -> {
      try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }
}
