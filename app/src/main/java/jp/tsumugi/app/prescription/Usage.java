package jp.tsumugi.app.prescription;

import java.util.Objects;

/**
 * One row of the clinic usage table (用法マスタ, docs/adr/0029). Codes are stable: a record keeps the code and the
 * text as prescribed, so a changed text never rewrites an old prescription.
 *
 * @param code stable code, 1-8 characters A-Z, 0-9, '-'
 * @param text what the prescription shows, e.g. 1日3回毎食後
 * @param timing when it is taken
 * @param dosesPerDay doses per day for {@link UsageTiming#DAILY} (1-12), 0 otherwise
 * @param sortOrder position in pickers
 */
public record Usage(String code, String text, UsageTiming timing, int dosesPerDay, int sortOrder) {
  public Usage {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(timing, "timing");
  }
}
