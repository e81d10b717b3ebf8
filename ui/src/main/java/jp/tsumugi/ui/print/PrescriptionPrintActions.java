package jp.tsumugi.ui.print;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;
import jp.tsumugi.app.prescription.print.DocumentKind;
import jp.tsumugi.app.prescription.print.DrugInformationSheet;
import jp.tsumugi.app.prescription.print.PrescriptionSlip;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.print.DocumentPrinter;
import jp.tsumugi.print.PdfPages;
import jp.tsumugi.print.RenderedDocument;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;

/**
 * What the chart calls to print a visit's prescription (docs/adr/0032): {@link #preview} assembles and renders off the FX thread,
 * then opens the {@link PdfPreviewWindow}; printing from there is audited as RX_PRINT_OUTPUT. {@link #render} is the same path
 * for the command line.
 */
public final class PrescriptionPrintActions {
  /** Preview resolution: legible on screen, quick to render. */
  static final float PREVIEW_DPI = 110;

  /** A rendered document with the patient it belongs to (for the audit of its output). */
  public record Output(long patientId, DocumentKind kind, RenderedDocument document) {
  }

  private record Prepared(Output output, List<Image> pages) {
  }

  private final AppServices services;
  private final Session session;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final DocumentPrinter printer;

  public PrescriptionPrintActions(AppServices services, Session session, TaskExecutor executor, I18n i18n, DocumentPrinter printer) {
    this.services = services;
    this.session = session;
    this.executor = executor;
    this.i18n = i18n;
    this.printer = printer;
  }

  /** Assembles (audited) and renders the document of the visit's signed prescription. */
  public static Output render(AppServices services, Session session, long visitId, DocumentKind kind) {
    if (kind == DocumentKind.INFO) {
      DrugInformationSheet sheet = services.prescriptionDocuments().informationSheet(session, visitId);
      return new Output(sheet.patientId(), kind, services.prescriptionPdf().informationSheet(sheet));
    }
    PrescriptionSlip slip = kind == DocumentKind.SLIP ? services.prescriptionDocuments().slip(session, visitId)
        : services.prescriptionDocuments().patientCopy(session, visitId);
    return new Output(slip.patientId(), kind, services.prescriptionPdf().render(kind, slip));
  }

  /**
   * Opens the preview of the document for the visit over {@code owner}; an error (nothing signed, no clinic …) is shown with its
   * TSU code in an alert.
   */
  public void preview(Window owner, long visitId, DocumentKind kind) {
    executor.submit(() -> {
      Output output = render(services, session, visitId, kind);
      return new Prepared(output, PdfPreviewWindow.images(PdfPages.render(output.document().pdf(), PREVIEW_DPI)));
    }, prepared -> open(owner, visitId, prepared), e -> {
      Alert alert = new Alert(Alert.AlertType.ERROR, i18n.error(e));
      alert.setHeaderText(i18n.text("rx.print.failed"));
      if (owner != null) {
        alert.initOwner(owner);
      }
      alert.show();
    });
  }

  private Stage open(Window owner, long visitId, Prepared prepared) {
    Output o = prepared.output();
    String title = i18n.text("rx.print.title." + o.kind().name());
    RenderedDocument doc = o.document();
    DocumentPrinter audited = (pdf, job) -> {
      boolean printed = printer.print(pdf, job);
      if (printed) {
        services.prescriptionDocuments().recordOutput(session, o.patientId(), visitId, o.kind(), "printer", doc.pages(),
            doc.warnings().size());
      }
      return printed;
    };
    PdfPreviewViewModel vm = new PdfPreviewViewModel(doc, audited, executor, i18n, title);
    return new PdfPreviewWindow(vm, prepared.pages(), i18n).show(owner, title);
  }
}
