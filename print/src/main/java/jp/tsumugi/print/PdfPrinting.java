package jp.tsumugi.print;

import java.awt.HeadlessException;
import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;

/**
 * Sends a PDF to a printer through {@link PrinterJob} with {@link PDFPageable} (actual size, the page's own paper), after the
 * operating system's print dialog. No printer installed gives TSU-9435, a refused job TSU-9436; neither is a crash.
 */
public final class PdfPrinting implements DocumentPrinter {
  @Override
  public boolean print(byte[] pdf, String jobName) {
    PrinterJob job = PrinterJob.getPrinterJob();
    if (job.getPrintService() == null) {
      throw new TsumugiException(ErrorCode.RX_PRINT_NO_PRINTER, "no print service");
    }
    try (PDDocument d = Loader.loadPDF(pdf)) {
      job.setPageable(new PDFPageable(d));
      job.setJobName(jobName);
      if (!job.printDialog()) {
        return false;
      }
      job.print();
      return true;
    } catch (HeadlessException e) {
      throw new TsumugiException(ErrorCode.RX_PRINT_NO_PRINTER, "headless", e);
    } catch (PrinterException e) {
      throw new TsumugiException(ErrorCode.RX_PRINT_PRINTER_FAILED, e.getClass().getSimpleName(), e);
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.RX_PRINT_FAILED, "print: " + e.getClass().getSimpleName(), e);
    }
  }
}
