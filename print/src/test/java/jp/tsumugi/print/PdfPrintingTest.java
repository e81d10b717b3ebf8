package jp.tsumugi.print;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.testing.SampleSlips;
import org.junit.jupiter.api.Test;

/** Printing where no printer can be used (the headless test machine) is TSU-9435, not a crash. */
class PdfPrintingTest {
  @Test
  void withoutAUsablePrinterPrintingFailsWithTheNoPrinterCode() {
    byte[] pdf = new PrescriptionPdf().slip(SampleSlips.full()).pdf();
    assertThatThrownBy(() -> new PdfPrinting().print(pdf, "処方箋")).isInstanceOf(TsumugiException.class)
        .extracting(e -> ((TsumugiException) e).errorCode()).isEqualTo(ErrorCode.RX_PRINT_NO_PRINTER);
  }
}
