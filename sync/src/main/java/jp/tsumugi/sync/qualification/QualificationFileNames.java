package jp.tsumugi.sync.qualification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names in the 資格確認端末's shared folder (billing-rules.md §5.3): a request {@code OQSsiquc01req_<id>.xml}
 * in {@code req/}; its result appears in {@code res/} under the same name with {@code req} replaced by
 * {@code res}. The official naming rule is not confirmed [U]; the identifier is kept to 20 ASCII
 * letters and digits.
 */
public final class QualificationFileNames {
  /** Prefix of a 資格確認 (one person) request. */
  public static final String REQUEST_PREFIX = "OQSsiquc01req_";
  private static final Pattern REQUEST = Pattern.compile("^([A-Za-z]{3}[A-Za-z]{5}\\d{2})req_([A-Za-z0-9_]{1,40})\\.xml$");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9]{1,20}");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS");

  private QualificationFileNames() {
  }

  /**
   * A new identifier: the clinic-local time to the millisecond (17 digits) and three random digits,
   * unique across terminals that write into the same folder in the same millisecond with 1/1000 odds
   * of a clash, which {@link QualificationRequestWriter#writeTo} detects (it never overwrites).
   */
  public static String newIdentifier(Clock clock, RandomGenerator random) {
    return LocalDateTime.now(clock).format(STAMP) + String.format("%03d", random.nextInt(1000));
  }

  /** The request file name for an identifier. */
  public static String requestName(String identifier) {
    if (identifier == null || !IDENTIFIER.matcher(identifier).matches()) {
      throw new IllegalArgumentException("identifier must be 1 to 20 ASCII letters or digits");
    }
    return REQUEST_PREFIX + identifier + ".xml";
  }

  /** The result file name that answers a request file name ({@code …req_X.xml} → {@code …res_X.xml}). */
  public static String resultNameFor(String requestName) {
    Matcher m = REQUEST.matcher(requestName);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a request file name");
    }
    return m.group(1) + "res_" + m.group(2) + ".xml";
  }
}
