package jp.tsumugi.store;

import java.sql.SQLException;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * Maps database errors to stable codes. Only the vendor code and SQL state go into the detail:
 * driver messages can quote row values, which may be patient data.
 */
final class SqlErrors {
  // H2 error codes (org.h2.api.ErrorCode), spelled out to keep the mapping readable.
  static final int H2_WRONG_USER_OR_PASSWORD = 28000;
  static final int H2_FILE_ENCRYPTION_ERROR = 90049;
  static final int H2_FILE_CORRUPTED = 90030;
  static final int H2_DATABASE_ALREADY_OPEN = 90020;
  static final int H2_DATABASE_NOT_FOUND_WITH_IF_EXISTS = 90146;
  static final int H2_DATABASE_NOT_FOUND = 90013;
  static final int H2_FILE_VERSION_ERROR = 90048;
  static final int H2_GENERAL_ERROR = 50000;
  static final int H2_IO_EXCEPTION = 90028;
  static final int H2_IO_EXCEPTION_2 = 90031;
  static final int H2_READ_ONLY = 90097;
  static final int H2_NO_DISK_SPACE = 90100;
  static final int H2_WRONG_PASSWORD_FORMAT = 90050;

  private SqlErrors() {
  }

  static TsumugiException translate(SQLException e) {
    ErrorCode code = refusedByAppendOnlyTrigger(e) ? ErrorCode.CHART_REVISION_IMMUTABLE : ErrorCode.DB_ERROR;
    return new TsumugiException(code, describe(e), e);
  }

  /** The chart's append-only triggers (V15) refuse with SQL state 2F003 on both databases; H2 may wrap it. */
  private static boolean refusedByAppendOnlyTrigger(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && AppendOnlyTrigger.SQL_STATE.equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  static String describe(SQLException e) {
    return "SQLState " + e.getSQLState() + ", vendor code " + e.getErrorCode();
  }

  /** Errors while opening an H2 file: each cause its own code. */
  static TsumugiException translateOpen(SQLException e) {
    ErrorCode code = switch (e.getErrorCode()) {
      case H2_WRONG_USER_OR_PASSWORD, H2_FILE_ENCRYPTION_ERROR, H2_WRONG_PASSWORD_FORMAT -> ErrorCode.DB_KEY_WRONG;
      case H2_FILE_CORRUPTED, H2_FILE_VERSION_ERROR, H2_GENERAL_ERROR -> ErrorCode.DB_CORRUPT;
      case H2_DATABASE_ALREADY_OPEN -> ErrorCode.DB_IN_USE;
      case H2_DATABASE_NOT_FOUND_WITH_IF_EXISTS, H2_DATABASE_NOT_FOUND -> ErrorCode.DB_FILE_MISSING;
      case H2_READ_ONLY -> ErrorCode.DATA_DIR_NOT_WRITABLE;
      case H2_NO_DISK_SPACE -> ErrorCode.DATA_DIR_FULL;
      case H2_IO_EXCEPTION, H2_IO_EXCEPTION_2 -> ErrorCode.DB_CORRUPT;
      default -> ErrorCode.DB_ERROR;
    };
    return new TsumugiException(code, describe(e), e);
  }

  /** True for a unique-key or primary-key violation (SQL state class 23505 on both databases). */
  static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}
