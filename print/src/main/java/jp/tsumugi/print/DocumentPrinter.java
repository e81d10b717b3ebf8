package jp.tsumugi.print;

/** Where a rendered PDF is printed: the system printer ({@link PdfPrinting}) or a fake in tests. */
@FunctionalInterface
public interface DocumentPrinter {
  /**
   * Prints the PDF after the person confirms the print dialog.
   *
   * @return false when the person cancelled the dialog
   * @throws jp.tsumugi.app.common.TsumugiException TSU-9435 no printer, TSU-9436 the printer refused the job
   */
  boolean print(byte[] pdf, String jobName);
}
