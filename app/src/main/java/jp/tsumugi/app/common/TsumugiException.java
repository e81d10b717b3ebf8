package jp.tsumugi.app.common;

/**
 * The one exception type carried across module boundaries: a stable {@link ErrorCode} plus a detail
 * for developers. The detail must never contain patient data (it may reach a log).
 */
public class TsumugiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode errorCode;
  private final String detail;

  public TsumugiException(ErrorCode errorCode, String detail) {
    super(errorCode.code() + ": " + errorCode.englishText() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"));
    this.errorCode = errorCode;
    this.detail = detail == null ? "" : detail;
  }

  public TsumugiException(ErrorCode errorCode, String detail, Throwable cause) {
    this(errorCode, detail);
    initCause(cause);
  }

  public TsumugiException(ErrorCode errorCode) {
    this(errorCode, null);
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  /** The developer detail alone (may be empty), for wrapping with more context. */
  public String detail() {
    return detail;
  }
}
