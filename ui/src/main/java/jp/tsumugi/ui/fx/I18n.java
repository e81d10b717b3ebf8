package jp.tsumugi.ui.fx;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * UI text from resource bundles. The base bundle is Japanese (the clinic's language); English
 * exists for developers. No fallback to the JVM's default locale, so a Japanese clinic never sees a
 * half-English screen because of an OS setting.
 */
public final class I18n {
  public static final String BUNDLE = "jp.tsumugi.ui.i18n.messages";
  private final ResourceBundle bundle;

  public I18n(Locale locale) {
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public static I18n japanese() {
    return new I18n(Locale.ROOT);
  }

  public ResourceBundle bundle() {
    return bundle;
  }

  public String text(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.JAPAN).format(args);
  }

  /** "TSU-1004 データベースの鍵が…" : the code first, so a phone call can name it. */
  public String error(ErrorCode code) {
    return code.code() + " " + text("error." + code.code());
  }

  /** What the person can do about the error, where the bundle says it. */
  public String errorHelp(ErrorCode code) {
    try {
      return bundle.getString("error." + code.code() + ".help");
    } catch (MissingResourceException e) {
      return "";
    }
  }

  public String error(RuntimeException e) {
    return e instanceof TsumugiException t ? error(t.errorCode()) : error(ErrorCode.DB_ERROR);
  }
}
