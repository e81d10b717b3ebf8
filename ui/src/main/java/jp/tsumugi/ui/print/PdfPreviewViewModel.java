package jp.tsumugi.ui.print;

import java.util.ArrayList;
import java.util.List;
import java.util.MissingResourceException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.tsumugi.print.DocumentPrinter;
import jp.tsumugi.print.GlyphWarning;
import jp.tsumugi.print.RenderedDocument;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;

/**
 * State of the print preview (docs/adr/0032): the page shown, the substitution warnings as one line, printing through a
 * {@link DocumentPrinter} off the FX thread, and the error (with its TSU code) when there is no printer or it refuses the job.
 */
public final class PdfPreviewViewModel {
  private final RenderedDocument document;
  private final DocumentPrinter printer;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final String jobName;
  private final IntegerProperty page = new SimpleIntegerProperty(0);
  private final StringProperty pageText = new SimpleStringProperty();
  private final StringProperty warningText = new SimpleStringProperty("");
  private final StringProperty statusText = new SimpleStringProperty("");
  private final StringProperty errorText = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty(false);

  public PdfPreviewViewModel(RenderedDocument document, DocumentPrinter printer, TaskExecutor executor, I18n i18n, String jobName) {
    this.document = document;
    this.printer = printer;
    this.executor = executor;
    this.i18n = i18n;
    this.jobName = jobName;
    warningText.set(warnings(i18n, document.warnings()));
    updatePageText();
    page.addListener((obs, was, now) -> updatePageText());
  }

  /** "患者氏名 U+1F637、処方（Rp1）薬品名 U+E000" in the bundle's sentence; '' when nothing was substituted. */
  static String warnings(I18n i18n, List<GlyphWarning> warnings) {
    if (warnings.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (GlyphWarning w : warnings) {
      parts.add(fieldLabel(i18n, w.field()) + (w.location().isEmpty() ? "" : "（" + w.location() + "）") + " " + w.codePointLabel());
    }
    return i18n.text("rx.print.warnings", warnings.size(), String.join("、", parts));
  }

  private static String fieldLabel(I18n i18n, String field) {
    try {
      return i18n.text("rx.print.field." + (field.isEmpty() ? "other" : field));
    } catch (MissingResourceException e) {
      return field;
    }
  }

  public int pageCount() {
    return document.pages();
  }

  public IntegerProperty pageProperty() {
    return page;
  }

  public ReadOnlyStringProperty pageTextProperty() {
    return pageText;
  }

  public ReadOnlyStringProperty warningTextProperty() {
    return warningText;
  }

  public ReadOnlyStringProperty statusTextProperty() {
    return statusText;
  }

  public ReadOnlyStringProperty errorTextProperty() {
    return errorText;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public void next() {
    page.set(Math.min(pageCount() - 1, page.get() + 1));
  }

  public void previous() {
    page.set(Math.max(0, page.get() - 1));
  }

  /** Opens the system print dialog and prints, off the FX thread; an error is shown, never thrown. */
  public void print() {
    if (busy.get()) {
      return;
    }
    busy.set(true);
    errorText.set("");
    statusText.set(i18n.text("rx.print.printing"));
    executor.submit(() -> printer.print(document.pdf(), jobName), printed -> {
      busy.set(false);
      statusText.set(printed ? i18n.text("rx.print.printed") : i18n.text("rx.print.cancelled"));
    }, e -> {
      busy.set(false);
      statusText.set("");
      errorText.set(i18n.error(e));
    });
  }

  private void updatePageText() {
    pageText.set(i18n.text("rx.print.page", page.get() + 1, pageCount()));
  }
}
