package jp.tsumugi.print;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.common.Wareki;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.prescription.RouteKind;
import jp.tsumugi.app.prescription.print.DocumentKind;
import jp.tsumugi.app.prescription.print.DrugInformationSheet;
import jp.tsumugi.app.prescription.print.PrescriptionSlip;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Renders a prescription's documents to PDF with the bundled Noto Sans JP embedded as a subset (docs/adr/0032): the 院外処方箋 on
 * A5 in the layout of 様式第二号, the patient's 処方内容（控え） and the 薬剤情報提供書 on A4. Characters the font cannot show
 * are printed as 〓 and returned as warnings. Form labels are the legal form's own wording, so they live here, not in the UI
 * bundles. Thread-safe: every call draws its own document.
 */
public final class PrescriptionPdf {
  static final String CONTINUED = "（次頁に続く）";
  static final String END_OF_LINES = "以下余白";
  static final String NOT_A_PRESCRIPTION = "これは処方箋ではありません";
  static final String NO_MEMO = "この薬の説明（効能・注意）はまだ登録されていません。医師・薬剤師にお尋ねください。";

  private static final float RX_POINTS = 7.5f;
  private static final float RX_LINE = 4.0f;

  private final FontFiles fonts;

  /** Reads the bundled fonts once. */
  public PrescriptionPdf() {
    this.fonts = FontFiles.bundled();
  }

  /** The document of {@code kind}: the slip and the copy from a slip, the information sheet from a sheet. */
  public RenderedDocument render(DocumentKind kind, PrescriptionSlip slip) {
    if (kind == DocumentKind.SLIP) {
      return slip(slip);
    }
    if (kind == DocumentKind.COPY) {
      return copy(slip);
    }
    throw new TsumugiException(ErrorCode.RX_PRINT_KIND_UNKNOWN, kind.cliName() + " needs a DrugInformationSheet");
  }

  /** 院外処方箋 (A5, 様式第二号 layout); a continuation page repeats the form with the next Rp lines. */
  public RenderedDocument slip(PrescriptionSlip slip) {
    try (PdfCanvas c = new PdfCanvas(fonts, PDRectangle.A5, "処方箋")) {
      List<FlowLine> rx = rxLines(c, slip, 108f, true);
      List<FlowLine> remarks = remarkLines(c, slip, 126f, 6.5f, 3.3f, true);
      List<List<FlowLine>> rxPages = Pagination.pages(List.of(rx), SlipForm.RX_HEIGHT, RX_LINE);
      List<List<FlowLine>> remarkPages = Pagination.pages(List.of(remarks), SlipForm.REMARKS_HEIGHT, 0);
      int total = Math.max(rxPages.size(), remarkPages.size());
      for (int p = 0; p < total; p++) {
        c.newPage();
        new SlipForm(c, slip).draw(p < rxPages.size() ? rxPages.get(p) : List.of(),
            p < remarkPages.size() ? remarkPages.get(p) : List.of(), p + 1 < total, p + 1, total);
      }
      return new RenderedDocument(c.finish(), c.pages(), c.warnings());
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.RX_PRINT_FAILED, "slip: " + e.getClass().getSimpleName(), e);
    }
  }

  /** 処方内容（控え） for the patient (A4): the same content, marked as not a prescription. */
  public RenderedDocument copy(PrescriptionSlip slip) {
    try (PdfCanvas c = new PdfCanvas(fonts, PDRectangle.A4, "処方内容（控え）")) {
      float width = c.widthMm() - 30;
      List<List<FlowLine>> blocks = new ArrayList<>();
      blocks.add(List.of(FlowLine.of(0, c.safe("処方内容", "", ""), 10, true, 7)));
      List<FlowLine> rx = new ArrayList<>();
      for (FlowLine l : rxLines(c, slip, width - 10, false)) {
        rx.add(l.resized(l.text() + marks(l), 9.5f, 5.2f));
      }
      blocks.add(rx);
      blocks.add(List.of(FlowLine.of(0, "", 9, false, 3), FlowLine.of(0, refillText(slip), 9.5f, false, 6)));
      List<FlowLine> remarks = new ArrayList<>();
      remarks.add(FlowLine.of(0, "備考", 10, true, 6.5f));
      remarks.addAll(remarkLines(c, slip, width, 9.5f, 5.2f, false));
      blocks.add(remarks);
      List<List<FlowLine>> pages = Pagination.pages(blocks, 297 - 105 - 30, 6);
      for (int p = 0; p < pages.size(); p++) {
        c.newPage();
        copyHeader(c, slip);
        float y = 105;
        for (FlowLine l : pages.get(p)) {
          y += l.heightMm();
          c.text(15, y - l.heightMm() / 5, l.points(), true, l.label());
          c.text(15 + l.indentMm(), y - l.heightMm() / 5, l.points(), l.heavy(), l.text());
        }
        footer(c, p + 1, pages.size(), 297 - 30, "これは処方箋ではありません。お薬は保険薬局で処方箋と引き換えにお受け取りください。");
      }
      return new RenderedDocument(c.finish(), c.pages(), c.warnings());
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.RX_PRINT_FAILED, "copy: " + e.getClass().getSimpleName(), e);
    }
  }

  /** 薬剤情報提供書 (A4): per drug its name, usage, effects and cautions from the clinic's memo, or a plain "not written". */
  public RenderedDocument informationSheet(DrugInformationSheet sheet) {
    try (PdfCanvas c = new PdfCanvas(fonts, PDRectangle.A4, "薬剤情報提供書")) {
      float width = c.widthMm() - 30;
      List<List<FlowLine>> blocks = new ArrayList<>();
      int n = 1;
      for (DrugInformationSheet.Drug d : sheet.drugs()) {
        String at = "drug" + n;
        List<FlowLine> block = new ArrayList<>();
        block.add(FlowLine.of(0, "", 10, false, 3));
        wrapInto(block, c, n + ".　" + c.safe(d.name(), "drug.name", at), 0, width, 11, true, 6.5f);
        labelled(block, c, "用法・用量", d.usage(), "drug.usage", at, width);
        if (d.memoWritten()) {
          labelled(block, c, "主な効能", d.effects().orElse("（記載なし）"), "memo.effects", at, width);
          labelled(block, c, "注意事項", d.cautions().orElse("（記載なし）"), "memo.cautions", at, width);
        } else {
          wrapInto(block, c, NO_MEMO, 4, width - 4, 9.5f, false, 5.5f);
        }
        blocks.add(block);
        n++;
      }
      List<List<FlowLine>> pages = Pagination.pages(blocks, 297 - 75 - 30, 6);
      for (int p = 0; p < pages.size(); p++) {
        c.newPage();
        infoHeader(c, sheet);
        float y = 75;
        for (FlowLine l : pages.get(p)) {
          y += l.heightMm();
          c.text(15 + l.indentMm(), y - l.heightMm() / 5, l.points(), l.heavy(), l.text());
        }
        footer(c, p + 1, pages.size(), 297 - 30, "お薬について分からないことは、医師または薬剤師にお尋ねください。");
      }
      return new RenderedDocument(c.finish(), c.pages(), c.warnings());
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.RX_PRINT_FAILED, "info: " + e.getClass().getSimpleName(), e);
    }
  }

  /** A bold label, then the text's own lines (the memo's line breaks kept), each wrapped. */
  private static void labelled(List<FlowLine> block, PdfCanvas c, String label, String raw, String field, String at, float width)
      throws IOException {
    block.add(FlowLine.of(4, "【" + label + "】", 9, true, 5.2f));
    for (String para : raw.split("\\R", -1)) {
      wrapInto(block, c, c.safe(para, field, at), 8, width - 8, 9.5f, false, 5.2f);
    }
  }

  private static void wrapInto(List<FlowLine> out, PdfCanvas c, String safeText, float indent, float width, float points,
      boolean heavy, float height) throws IOException {
    for (String line : c.wrap(safeText, width, points, heavy)) {
      out.add(FlowLine.of(indent, line, points, heavy, height));
    }
  }

  private static String marks(FlowLine l) {
    return (l.noSubstitution() ? "　［変更不可］" : "") + (l.patientRequest() ? "　［患者希望］" : "");
  }

  static String refillText(PrescriptionSlip slip) {
    return slip.refills() > 0 ? "リフィル可（" + slip.refills() + "回まで使用できます）" : "リフィル：なし";
  }

  /**
   * The Rp lines: per group its number, each drug with its quantity (and comment), then usage with days or times and the group
   * comment; "以下余白" after the last. {@code marksInColumns}: the slip shows 変更不可/患者希望 in its columns.
   */
  static List<FlowLine> rxLines(PdfCanvas c, PrescriptionSlip slip, float widthMm, boolean marksInColumns) throws IOException {
    List<FlowLine> out = new ArrayList<>();
    float body = 8f;
    for (PrescriptionSlip.SlipGroup g : slip.groups()) {
      String at = "Rp" + g.number();
      boolean first = true;
      for (PrescriptionSlip.SlipItem i : g.items()) {
        String text = c.safe(i.printedName(), "rp.drug", at) + "　" + quantity(g, i);
        List<String> wrapped = c.wrap(text, widthMm - body, RX_POINTS, false);
        for (int k = 0; k < wrapped.size(); k++) {
          FlowLine l = FlowLine.of(body + (k == 0 ? 0 : 3), wrapped.get(k), RX_POINTS, false, RX_LINE);
          if (k == 0) {
            l = l.marked(i.noSubstitution(), i.patientRequest());
          }
          if (first && k == 0) {
            l = l.labelled(at + ")");
          }
          out.add(l);
        }
        first = false;
        if (!i.comment().isBlank()) {
          wrapLines(out, c, "（" + c.safe(i.comment(), "rp.comment", at) + "）", body + 3, widthMm - body - 3);
        }
      }
      String usage = c.safe(g.usage(), "rp.usage", at) + (g.days() != null ? "　" + g.days() + "日分" : "")
          + (g.times() != null ? "　" + g.times() + "回分" : "");
      wrapLines(out, c, usage, body + 6, widthMm - body - 6);
      if (!g.comment().isBlank()) {
        wrapLines(out, c, c.safe(g.comment(), "rp.comment", at), body + 6, widthMm - body - 6);
      }
    }
    out.add(FlowLine.of(body + 20, END_OF_LINES, RX_POINTS, false, RX_LINE));
    return out;
  }

  private static void wrapLines(List<FlowLine> out, PdfCanvas c, String safe, float indent, float width) throws IOException {
    for (String line : c.wrap(safe, width, RX_POINTS, false)) {
      out.add(FlowLine.of(indent, line, RX_POINTS, false, RX_LINE));
    }
  }

  /** "1回1錠　1日3錠" for 内服, "1回2錠" for 頓服, the quantity for 外用 and 注射. */
  static String quantity(PrescriptionSlip.SlipGroup g, PrescriptionSlip.SlipItem i) {
    StringBuilder b = new StringBuilder();
    if (!i.dose().isEmpty()) {
      b.append("1回").append(i.dose()).append(i.unit());
    }
    if (!i.perDay().isEmpty()) {
      if (b.length() > 0) {
        b.append("　");
      }
      b.append(g.route() == RouteKind.ORAL ? "1日" : "").append(i.perDay()).append(i.unit());
    }
    return b.toString();
  }

  /** 備考: the 負担割合 when known, a second 公費, then the prescription's remarks. */
  static List<FlowLine> remarkLines(PdfCanvas c, PrescriptionSlip slip, float widthMm, float points, float height,
      boolean slipForm) throws IOException {
    List<String> raw = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    if (slipForm && slip.copaymentTenths().isPresent()) {
      raw.add("負担割合：" + slip.copaymentTenths().getAsInt() + "割");
      fields.add("");
    }
    List<PrescriptionSlip.SlipPublicExpense> pes = slip.publicExpenses();
    for (int i = slipForm ? 1 : 0; i < Math.min(pes.size(), PrescriptionSlip.MAX_PUBLIC_EXPENSES); i++) {
      raw.add("第" + (i + 1) + "公費　公費負担者番号 " + pes.get(i).payerNumber()
          + (pes.get(i).recipientNumber().isEmpty() ? "" : "　受給者番号 " + pes.get(i).recipientNumber()));
      fields.add("publicExpense");
    }
    for (String r : slip.remarks()) {
      raw.add(r);
      fields.add("remarks");
    }
    if (!slipForm && slip.copaymentTenths().isPresent()) {
      raw.add("負担割合：" + slip.copaymentTenths().getAsInt() + "割");
      fields.add("");
    }
    List<FlowLine> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      for (String line : c.wrap(c.safe(raw.get(i), fields.get(i), ""), widthMm, points, false)) {
        out.add(FlowLine.of(0, line, points, false, height));
      }
    }
    return out;
  }

  static String date(LocalDate d) {
    return Wareki.format(d);
  }

  static String sex(Sex s) {
    return s == Sex.MALE ? "男" : "女";
  }

  private static void copyHeader(PdfCanvas c, PrescriptionSlip slip) throws IOException {
    c.text(15, 25, 18, true, "処方内容（控え）");
    c.rect(128, 17, 67, 11);
    c.centred(161.5f, 24.5f, 11, true, NOT_A_PRESCRIPTION);
    PrescriptionSlip.SlipPatient p = slip.patient();
    c.text(15, 38, 7.5f, false, p.kana(), "patient.kana", "");
    c.text(15, 45, 13, true, c.safe(p.name(), "patient.name", "") + "　様");
    c.text(15, 53, 9.5f, false, "生年月日　" + date(p.birthDate()) + "　" + sex(p.sex()));
    c.text(15, 60, 9.5f, false, "交付年月日　" + date(slip.issuedOn()) + "　　処方箋の使用期間　" + date(slip.lastValidDay()) + "まで"
        + (slip.validUntil().isPresent() ? "" : "（交付の日を含めて4日以内）"));
    PrescriptionSlip.SlipClinic k = slip.clinic();
    c.text(15, 70, 9.5f, false, "医療機関　" + c.safe(k.name(), "clinic.name", ""));
    c.text(15, 76, 8.5f, false, "〒" + k.postalCode() + "　" + c.safe(k.address(), "clinic.address", "") + "　電話 " + k.phone());
    c.text(15, 83, 9.5f, false, "医師　" + c.safe(slip.doctorName(), "doctor.name", ""));
    c.line(15, 92, 195, 92);
  }

  private static void infoHeader(PdfCanvas c, DrugInformationSheet s) throws IOException {
    c.centred(105, 25, 18, true, "薬剤情報提供書");
    c.text(15, 36, 7.5f, false, s.patientKana(), "patient.kana", "");
    c.text(15, 43, 13, true, c.safe(s.patientName(), "patient.name", "") + "　様");
    c.text(120, 36, 9, false, "交付日　" + date(s.issuedOn()));
    c.text(120, 42, 9, false, c.safe(s.clinic().name(), "clinic.name", ""));
    c.text(120, 47, 8, false, c.safe(s.clinic().address(), "clinic.address", ""));
    c.text(120, 52, 8, false, "電話 " + s.clinic().phone() + "　医師 " + c.safe(s.doctorName(), "doctor.name", ""));
    c.text(15, 62, 9, false, "本日お出ししたお薬の説明です。飲み方・使い方を守ってください。");
    c.line(15, 66, 195, 66);
  }

  private static void footer(PdfCanvas c, int page, int total, float y, String note) throws IOException {
    if (page < total) {
      c.text(15, y - 2, 9, true, CONTINUED);
    }
    c.line(15, y, 195, y);
    c.text(15, y + 6, 8.5f, false, note);
    c.text(180, y + 12, 8.5f, false, page + " / " + total + " 頁");
  }
}
