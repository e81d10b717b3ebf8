package jp.tsumugi.ui.cli;

import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.LoginResult;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.composition.AppServices;
import picocli.CommandLine.Option;

/**
 * Who runs a command. Commands that read patient data or change accounts log in like the desktop
 * does, audited the same way: password from TSUMUGI_PASSWORD or a prompt, one-time code from
 * --totp, TSUMUGI_TOTP or a prompt.
 */
public final class AuthOptions {
  @Option(names = {"-u", "--user"}, paramLabel = "USER", defaultValue = "${env:TSUMUGI_USER}",
      description = "User to act as (default: TSUMUGI_USER).")
  String user;

  @Option(names = "--totp", paramLabel = "CODE", description = "One-time code (default: TSUMUGI_TOTP or a prompt).")
  String totp;

  public Session login(AppServices services, CliEnvironment environment) {
    if (user == null || user.isBlank()) {
      throw new TsumugiException(ErrorCode.LOGIN_FAILED, "no --user given");
    }
    String fromEnv = environment.env().get("TSUMUGI_PASSWORD");
    char[] password = fromEnv != null ? fromEnv.toCharArray() : environment.secretPrompt().apply("Password");
    if (password == null) {
      throw new TsumugiException(ErrorCode.PASSWORD_MISSING);
    }
    String terminal = "cli@" + services.terminal();
    LoginResult result = services.authentication().login(user, password, terminal);
    if (result instanceof LoginResult.TotpRequired required) {
      String code = totp != null ? totp : environment.env().get("TSUMUGI_TOTP");
      if (code == null) {
        char[] typed = environment.secretPrompt().apply("One-time code");
        code = typed == null ? "" : new String(typed);
      }
      result = services.authentication().verifyTotp(required.pending(), code);
    }
    if (result instanceof LoginResult.Success success) {
      return success.session();
    }
    LoginResult.Failure failure = (LoginResult.Failure) result;
    throw new TsumugiException(failure.code(), failure.lockedUntil() == null ? null : "locked until " + failure.lockedUntil());
  }
}
