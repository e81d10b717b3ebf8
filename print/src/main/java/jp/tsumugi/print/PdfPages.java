package jp.tsumugi.print;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Pages of a PDF as images, for the on-screen preview (PDFBox's renderer; no native tools). */
public final class PdfPages {
  private PdfPages() {
  }

  /** Every page rendered at {@code dpi} (72 = 1 pixel per point). */
  public static List<BufferedImage> render(byte[] pdf, float dpi) {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(d);
      List<BufferedImage> pages = new ArrayList<>();
      for (int i = 0; i < d.getNumberOfPages(); i++) {
        pages.add(renderer.renderImageWithDPI(i, dpi));
      }
      return pages;
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.RX_PRINT_FAILED, "preview: " + e.getClass().getSimpleName(), e);
    }
  }
}
