package jp.tsumugi.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import jp.tsumugi.app.prescription.print.DocumentKind;
import jp.tsumugi.app.prescription.print.PrescriptionSlip;
import jp.tsumugi.app.testing.SampleSlips;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The printed prescription documents: every field in the extracted text, pages, the embedded font, substitution warnings. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrescriptionPdfTest {
  private static final Path RENDERED = Path.of("target", "rendered");
  private PrescriptionPdf pdf;

  @BeforeAll
  void fonts() {
    pdf = new PrescriptionPdf();
  }

  private static String text(byte[] bytes) throws IOException {
    try (PDDocument d = Loader.loadPDF(bytes)) {
      return new PDFTextStripper().getText(d);
    }
  }

  private static String pageText(byte[] bytes, int page) throws IOException {
    try (PDDocument d = Loader.loadPDF(bytes)) {
      PDFTextStripper s = new PDFTextStripper();
      s.setStartPage(page);
      s.setEndPage(page);
      return s.getText(d);
    }
  }

  /** Text without any white space: digit boxes extract with spaces between the boxes. */
  private static String squeezed(String text) {
    return text.replaceAll("[\\s\u3000]", "");
  }

  private static void png(byte[] bytes, int page, String name) throws IOException {
    Files.createDirectories(RENDERED);
    try (PDDocument d = Loader.loadPDF(bytes)) {
      BufferedImage image = new PDFRenderer(d).renderImageWithDPI(page, 150);
      ImageIO.write(image, "png", RENDERED.resolve(name).toFile());
      assertThat(image.getWidth()).isGreaterThan(800);
    }
  }

  @Test
  void theSlipCarriesEveryFieldOfTheForm() throws IOException {
    RenderedDocument doc = pdf.slip(SampleSlips.full());
    String t = text(doc.pdf());
    String s = squeezed(t);
    assertThat(doc.pages()).isEqualTo(1);
    assertThat(doc.warnings()).isEmpty();
    assertThat(t).contains("処　方　箋", "どの保険薬局でも有効です");
    // 公費 (first in the boxes, second in 備考), 保険者番号, 記号・番号（枝番）
    assertThat(s).contains("公費負担者番号", "54136015", "受給者番号", "1111111");
    assertThat(s).contains("第2公費公費負担者番号85144004");
    assertThat(s).contains("保険者番号", "01130012", "記号１２・3456（枝番）02");
    // patient: name, kana, birth date in 和暦, sex, 区分 (both words printed, the applicable one framed)
    assertThat(t).contains("山田　花子", "ヤマダ　ハナコ", "昭和55年4月5日", "男 ・ 女", "被保険者", "被扶養者");
    // clinic: address, name, phone, 都道府県番号, 点数表番号, 医療機関コード; doctor
    assertThat(t).contains("東京都新宿区新宿1-2-3", "紡デモクリニック", "03-1234-5678", "都道府県番号", "点数表番号", "医療機関コード");
    assertThat(s).contains("都道府県番号13点数表番号1医療機関コード1234567");
    assertThat(t).contains("保険医氏名", "佐藤　一郎");
    // 交付年月日 and 使用期間 (blank date: the default of 4 days applies)
    assertThat(t).contains("交付年月日", "令和8年11月20日", "使用期間");
    assertThat(s).contains("交付の日を含めて4日以内に保険薬局に提出すること");
    // Rp lines: numbers, names, 【般】, quantities, usage, days/times
    assertThat(s).contains("Rp1)ロキソニン錠６０ｍｇ1回1錠1日3錠", "ムコスタ錠１００ｍｇ1回1錠1日3錠", "（胃薬）", "1日3回毎食後14日分");
    assertThat(s).contains("Rp2)【般】アムロジピン錠５ｍｇ1日1錠", "1日1回朝食後28日分");
    assertThat(s).contains("Rp3)カロナール錠２００２００ｍｇ1回2錠", "疼痛時（38.5度以上）10回分");
    assertThat(s).contains("Rp4)ロキソニンパップ１００ｍｇ１０ｃｍ×１４ｃｍ14枚", "1日1回患部に貼付（腰部）7日分", "以下余白");
    // 変更不可 / 患者希望 columns: one × each, on the lines of ロキソニン (患者希望) and the パップ (変更不可)
    assertThat(t).contains("変更不可", "患者希望");
    assertThat(lineOf(t, "ロキソニン錠６０ｍｇ")).contains("×");
    assertThat(lineOf(t, "ロキソニンパップ")).contains("×");
    assertThat(lineOf(t, "ムコスタ")).doesNotContain("×");
    // refill box, 備考
    assertThat(s).contains("リフィル可レ（2回）");
    assertThat(t).contains("備", "保険医署名", "残薬確認", "選定療養（長期収載品）：ロキソニン錠６０ｍｇ", "負担割合：3割");
    // the pharmacy's part is there and blank
    assertThat(t).contains("調剤済年月日", "保険薬局の所在地", "保険薬剤師氏名");
    assertThat(s).contains("1/1頁");
    try (PDDocument d = Loader.loadPDF(doc.pdf())) {
      PDRectangle box = d.getPage(0).getMediaBox();
      assertThat(box.getWidth()).isEqualTo(PDRectangle.A5.getWidth());
      assertThat(box.getHeight()).isEqualTo(PDRectangle.A5.getHeight());
    }
    png(doc.pdf(), 0, "slip.png");
  }

  private static String lineOf(String text, String part) {
    return text.lines().filter(l -> l.contains(part)).findFirst().orElse("");
  }

  @Test
  void aSelfPayPatientWithoutPublicExpensesLeavesTheBoxesEmptyAndTheDoctorsDateIsPrinted() throws IOException {
    PrescriptionSlip full = SampleSlips.full();
    PrescriptionSlip selfPay = new PrescriptionSlip(full.patientId(), full.visitId(), 1, full.kind(), java.util.Optional.empty(),
        List.of(), full.patient(), java.util.OptionalInt.empty(), full.clinic(), full.doctorName(), full.issuedOn(),
        java.util.Optional.of(full.issuedOn().plusDays(13)), full.groups(), 0, List.of());
    String t = text(pdf.slip(selfPay).pdf());
    assertThat(squeezed(t)).doesNotContain("01130012", "54136015", "負担割合").contains("リフィル可（回）");
    assertThat(t).contains("令和8年12月3日");
  }

  @Test
  void theCopySaysItIsNotAPrescriptionAndCarriesTheSameContent() throws IOException {
    RenderedDocument doc = pdf.copy(SampleSlips.full());
    String t = text(doc.pdf());
    String s = squeezed(t);
    assertThat(t).contains("処方内容（控え）", "これは処方箋ではありません", "山田　花子", "昭和55年4月5日", "令和8年11月20日",
        "紡デモクリニック", "佐藤　一郎");
    assertThat(s).contains("令和8年11月23日まで（交付の日を含めて4日以内）");
    assertThat(s).contains("Rp1)ロキソニン錠６０ｍｇ1回1錠1日3錠［患者希望］", "Rp2)【般】アムロジピン錠５ｍｇ1日1錠",
        "14枚［変更不可］", "疼痛時（38.5度以上）10回分", "リフィル可（2回まで使用できます）", "残薬確認", "第1公費", "負担割合：3割");
    assertThat(doc.warnings()).isEmpty();
    assertThat(pdf.render(DocumentKind.COPY, SampleSlips.full()).pages()).isEqualTo(1);
    png(doc.pdf(), 0, "copy.png");
  }

  @Test
  void theInformationSheetShowsEachDrugsMemoAndSaysPlainlyWhenNoneIsWritten() throws IOException {
    RenderedDocument doc = pdf.informationSheet(SampleSlips.sheet());
    String t = text(doc.pdf());
    String s = squeezed(t);
    assertThat(t).contains("薬剤情報提供書", "山田　花子", "令和8年11月20日", "紡デモクリニック");
    assertThat(s).contains("1.ロキソニン錠６０ｍｇ", "【用法・用量】", "1日3回毎食後1回1錠1日3錠14日分", "【主な効能】",
        "痛みや炎症、熱をおさえるお薬です。", "【注意事項】", "空腹時を避けて飲んでください。");
    assertThat(s).contains("2.ムコスタ錠１００ｍｇ", "胃の粘膜を守るお薬です。", "（記載なし）");
    assertThat(s).contains("3.【般】アムロジピン錠５ｍｇ", "めまいや足のむくみが続くときはご相談ください。");
    assertThat(s).contains("4.カロナール錠２００２００ｍｇ", squeezed(PrescriptionPdf.NO_MEMO));
    png(doc.pdf(), 0, "info.png");
  }

  @Test
  void aMemoKeepsItsLineBreaksAndItsSpaces() throws IOException {
    var sheet = SampleSlips.sheet();
    var drugs = new ArrayList<>(sheet.drugs());
    drugs.set(0, new jp.tsumugi.app.prescription.print.DrugInformationSheet.Drug("620098801", "ロキソニン", "1日 3回",
        java.util.Optional.of("Take with water\n痛みをおさえます"), java.util.Optional.empty()));
    RenderedDocument info = pdf.informationSheet(new jp.tsumugi.app.prescription.print.DrugInformationSheet(1, 1, 1,
        sheet.patientName(), sheet.patientKana(), sheet.issuedOn(), sheet.clinic(), sheet.doctorName(), drugs));
    String t = text(info.pdf());
    assertThat(t).contains("Take with water\n", "痛みをおさえます", "1日 3回");
  }

  @Test
  void rpLinesThatOverflowContinueOnNumberedPages() throws IOException {
    RenderedDocument doc = pdf.slip(SampleSlips.withPatientName("山田　花子", SampleSlips.many(20)));
    assertThat(doc.pages()).isGreaterThanOrEqualTo(2);
    String first = pageText(doc.pdf(), 1);
    String last = pageText(doc.pdf(), doc.pages());
    assertThat(first).contains("次頁に続く", "Rp1)").doesNotContain("以下余白", "Rp20)");
    assertThat(squeezed(first)).contains("1/" + doc.pages() + "頁");
    assertThat(last).contains("Rp20)", "以下余白", "山田　花子", "令和8年11月20日").doesNotContain("次頁に続く");
    assertThat(squeezed(last)).contains(doc.pages() + "/" + doc.pages() + "頁");
    String all = squeezed(text(doc.pdf()));
    for (int i = 1; i <= 20; i++) {
      assertThat(all).contains("Rp" + i + ")テスト薬" + i + "錠");
    }
    png(doc.pdf(), 1, "slip-page2.png");
    RenderedDocument copy = pdf.copy(SampleSlips.withPatientName("山田　花子", SampleSlips.many(40)));
    assertThat(copy.pages()).isGreaterThanOrEqualTo(2);
    assertThat(pageText(copy.pdf(), 1)).contains("次頁に続く");
  }

  @Test
  void charactersOutsideTheFontBecomeGetaMarksWithWarningsThatNameTheFieldAndCodePointOnly() throws IOException {
    int rare = missingFromFont();
    String name = "山田" + new String(Character.toChars(rare)) + "子😷\uE000\uD800";
    RenderedDocument doc = pdf.slip(SampleSlips.withPatientName(name, SampleSlips.groups()));
    String t = text(doc.pdf());
    assertThat(t).contains("山田〓子〓〓〓");
    assertThat(doc.warnings()).extracting(GlyphWarning::field).containsOnly("patient.name");
    assertThat(doc.warnings()).extracting(GlyphWarning::codePointLabel)
        .containsExactly(String.format("U+%04X", rare), "U+1F637", "U+E000", "U+D800");
    assertThat(doc.warnings()).extracting(GlyphWarning::toString).noneMatch(w -> w.contains("山田"));
    png(doc.pdf(), 0, "slip-substituted.png");
    RenderedDocument copy = pdf.copy(SampleSlips.withPatientName(name, SampleSlips.groups()));
    assertThat(copy.warnings()).hasSize(4);
    assertThat(text(copy.pdf())).contains("山田〓子〓〓〓");
  }

  @Test
  void aDrugNameAndAMemoWithMissingGlyphsAreReportedWithTheirRpAndDrugNumbers() throws IOException {
    PrescriptionSlip.SlipGroup g = new PrescriptionSlip.SlipGroup(1, jp.tsumugi.app.prescription.RouteKind.ORAL, "1日1回\uE123", 7,
        null, "", List.of(new PrescriptionSlip.SlipItem("612170710", "薬😀", false, "", "1", "錠", false, false, false, "")));
    RenderedDocument doc = pdf.slip(SampleSlips.withPatientName("山田　花子", List.of(g)));
    assertThat(doc.warnings()).extracting(GlyphWarning::toString).containsExactly("rp.drug (Rp1) U+1F600", "rp.usage (Rp1) U+E123");
    var sheet = SampleSlips.sheet();
    var drugs = new ArrayList<>(sheet.drugs());
    drugs.set(0, new jp.tsumugi.app.prescription.print.DrugInformationSheet.Drug("620098801", "ロキソニン", "用法",
        java.util.Optional.of("効能😷"), java.util.Optional.empty()));
    RenderedDocument info = pdf.informationSheet(new jp.tsumugi.app.prescription.print.DrugInformationSheet(1, 1, 1,
        sheet.patientName(), sheet.patientKana(), sheet.issuedOn(), sheet.clinic(), sheet.doctorName(), drugs));
    assertThat(info.warnings()).extracting(GlyphWarning::toString).containsExactly("memo.effects (drug1) U+1F637");
  }

  @Test
  void theFontIsEmbeddedAsASubsetInEveryDocument() throws IOException {
    for (RenderedDocument doc : List.of(pdf.slip(SampleSlips.full()), pdf.copy(SampleSlips.full()),
        pdf.informationSheet(SampleSlips.sheet()))) {
      try (PDDocument d = Loader.loadPDF(doc.pdf())) {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : d.getPages()) {
          for (COSName n : page.getResources().getFontNames()) {
            fonts.add(page.getResources().getFont(n));
          }
        }
        assertThat(fonts).isNotEmpty().allSatisfy(f -> {
          assertThat(f.isEmbedded()).isTrue();
          assertThat(f.getName()).matches("[A-Z]{6}\\+NotoSansJP.*");
        });
      }
      assertThat(doc.pdf().length).isLessThan(400_000);
    }
  }

  /** A CJK Extension B ideograph the bundled font has no glyph for (found, not assumed). */
  private static int missingFromFont() throws IOException {
    try (InputStream in = Fonts.openRegular();
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()))) {
      CmapLookup cmap = ttf.getUnicodeCmapLookup();
      for (int cp = 0x2A700; cp < 0x2B73F; cp++) {
        if (cmap.getGlyphId(cp) == 0) {
          return cp;
        }
      }
    }
    throw new IllegalStateException("no missing ideograph found");
  }
}
