package jp.tsumugi.ui.chart;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tsumugi.app.prescription.safety.Finding;
import jp.tsumugi.app.prescription.safety.OtherSource;
import jp.tsumugi.ui.fx.I18n;

/**
 * Renders a safety {@link Finding} from its codes and parameters through the bundles: what and why (the other drug, its
 * source and date, the rule). The bundle texts name their parameters ({drug}, {other}, {source}, {ingredient} …).
 */
final class FindingText {
  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)\\}");

  private FindingText() {
  }

  /** What and why, with the rule that fired. */
  static String what(I18n i18n, Finding f) {
    Map<String, String> values = new HashMap<>(f.params());
    values.put("drug", f.drugName().isEmpty() ? f.drugCode() : f.drugName());
    values.put("other", f.otherName().isEmpty() ? f.otherCode() : f.otherName());
    values.put("date", f.otherDate() == null ? "" : f.otherDate().toString());
    values.put("sourceName", f.otherSourceName().isEmpty() ? "" : sourceName(i18n, f.otherSourceName()));
    values.put("source", fill(i18n.text("rx.check.source." + f.other()), values));
    if (values.containsKey(Finding.AS_NEEDED)) {
      values.put(Finding.AS_NEEDED, optional(i18n, "rx.check.asNeeded." + values.get(Finding.AS_NEEDED), values.get(Finding.AS_NEEDED)));
    }
    if (values.containsKey("limitSource")) {
      values.put("limitSource", optional(i18n, "rx.check.limit." + values.get("limitSource"), values.get("limitSource")));
    }
    String text = fill(i18n.text(f.messageKey()), values);
    return f.other() == OtherSource.LIMIT_RULE ? text : text + i18n.text("rx.finding.rule", f.rule());
  }

  private static String sourceName(I18n i18n, String name) {
    return optional(i18n, "rx.external.source." + name, name);
  }

  private static String optional(I18n i18n, String key, String fallback) {
    return i18n.bundle().containsKey(key) ? i18n.text(key) : fallback;
  }

  private static String fill(String pattern, Map<String, String> values) {
    Matcher m = PARAM.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
    }
    m.appendTail(out);
    return out.toString();
  }
}
