package jp.tsumugi.app.common;

/**
 * A {@link TsumugiException} about one input field, so a form can put the message next to that field.
 * {@link #field()} is a stable field name such as {@code birthDate} or {@code branch} (never the value).
 */
public class InvalidFieldException extends TsumugiException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidFieldException(ErrorCode errorCode, String field) {
    super(errorCode, "field=" + field);
    this.field = field;
  }

  public InvalidFieldException(ErrorCode errorCode, String field, Throwable cause) {
    super(errorCode, "field=" + field, cause);
    this.field = field;
  }

  /** The name of the field at fault. */
  public String field() {
    return field;
  }
}
