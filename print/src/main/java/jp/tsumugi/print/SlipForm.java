package jp.tsumugi.print;

import java.io.IOException;
import java.util.List;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.prescription.print.PrescriptionSlip;

/**
 * One page of the 院外処方箋 on A5 (148 × 210 mm) in the arrangement of 様式第二号 (docs/adr/0032): the header boxes (公費, 保険者,
 * 記号・番号), patient and clinic, dates, the 処方 box with 変更不可 and 患者希望 columns and the リフィル可 box, 備考 with the
 * signature line, and the pharmacy's part left blank. Millimetres from the top-left corner.
 */
final class SlipForm {
  static final float LEFT = 8;
  static final float RIGHT = 140;
  static final float MID = 74;
  /** Where the Rp lines start and how much height they have. */
  static final float RX_TOP = 79;
  static final float RX_HEIGHT = 70;
  static final float REMARKS_TOP = 165;
  static final float REMARKS_HEIGHT = 17;
  private static final float LABEL = 5.5f;
  private static final float SMALL = 4.6f;

  private final PdfCanvas c;
  private final PrescriptionSlip slip;

  SlipForm(PdfCanvas c, PrescriptionSlip slip) {
    this.c = c;
    this.slip = slip;
  }

  void draw(List<FlowLine> rx, List<FlowLine> remarks, boolean continues, int page, int pages) throws IOException {
    c.centred(MID, 12.5f, 15, true, "処　方　箋");
    c.centred(MID, 17, 6.5f, false, "（この処方箋は、どの保険薬局でも有効です。）");
    numbers();
    patient();
    clinic();
    dates();
    prescription(rx, continues);
    remarks(remarks);
    pharmacy();
    c.text(RIGHT - 12, 206, 6.5f, false, page + " / " + pages + " 頁");
  }

  private void numbers() throws IOException {
    float top = 20;
    c.rect(LEFT, top, RIGHT - LEFT, 14);
    c.line(LEFT, top + 7, RIGHT, top + 7);
    c.line(MID, top, MID, top + 14);
    c.line(30, top, 30, top + 14);
    c.line(92, top, 92, top + 14);
    c.text(LEFT + 1, top + 4.6f, LABEL, false, "公費負担者番号");
    c.text(LEFT + 1, top + 10, SMALL, false, "公費負担医療の");
    c.text(LEFT + 1, top + 12.6f, SMALL, false, "受給者番号");
    c.text(MID + 1, top + 4.6f, LABEL, false, "保険者番号");
    c.text(MID + 1, top + 10, SMALL, false, "被保険者証・被保険者");
    c.text(MID + 1, top + 12.6f, SMALL, false, "手帳の記号・番号");
    PrescriptionSlip.SlipPublicExpense first = slip.publicExpenses().isEmpty() ? null : slip.publicExpenses().get(0);
    c.digitBoxes(31, top + 1, 5, 5, 8, first == null ? "" : c.safe(first.payerNumber(), "publicExpense.payer", ""), 8);
    c.digitBoxes(31, top + 8, 5, 5, 7, first == null ? "" : c.safe(first.recipientNumber(), "publicExpense.recipient", ""), 8);
    String insurer = slip.insurance().map(i -> i.insurerNumber()).orElse("");
    c.digitBoxes(94, top + 1, 5, 5, 8, c.safe(insurer, "insurance.insurer", ""), 8);
    if (slip.insurance().isPresent()) {
      PrescriptionSlip.SlipInsurance i = slip.insurance().get();
      String symbol = c.safe(i.symbol(), "insurance.symbol", "");
      String number = c.safe(i.number(), "insurance.number", "");
      String text = (symbol.isEmpty() ? "" : symbol + "・") + number + (i.branch().isEmpty() ? "" : "（枝番）" + c.safe(i.branch(),
          "insurance.branch", ""));
      c.text(93.5f, top + 12, fit(text, 46, 8), false, text);
    }
  }

  private void patient() throws IOException {
    float top = 34;
    c.rect(LEFT, top, MID - LEFT, 28);
    c.line(LEFT + 5, top, LEFT + 5, top + 28);
    c.line(LEFT + 16, top, LEFT + 16, top + 28);
    c.line(LEFT + 5, top + 12, MID, top + 12);
    c.line(LEFT + 5, top + 20, MID, top + 20);
    c.text(LEFT + 1.2f, top + 12, 6.5f, false, "患");
    c.text(LEFT + 1.2f, top + 18, 6.5f, false, "者");
    c.text(LEFT + 7, top + 7, LABEL, false, "氏名");
    c.text(LEFT + 6.5f, top + 16.8f, LABEL, false, "生年月日");
    c.text(LEFT + 7.5f, top + 24.8f, LABEL, false, "区分");
    PrescriptionSlip.SlipPatient p = slip.patient();
    String kana = c.safe(p.kana(), "patient.kana", "");
    c.text(LEFT + 17, top + 3.8f, fit(kana, 48, 6), false, kana);
    String name = c.safe(p.name(), "patient.name", "");
    c.text(LEFT + 17, top + 9.8f, fit(name, 48, 11), true, name);
    c.text(LEFT + 17, top + 17.3f, 7.5f, false, PrescriptionPdf.date(p.birthDate()));
    c.text(60, top + 17.3f, 7.5f, false, "男 ・ 女");
    c.circle(p.sex() == Sex.MALE ? 61.3f : 68.6f, top + 16.3f, 2.1f);
    c.text(LEFT + 19, top + 25.3f, 7, false, "被保険者");
    c.text(LEFT + 38, top + 25.3f, 7, false, "被扶養者");
    if (slip.insurance().isPresent()) {
      float x = slip.insurance().get().insured() ? LEFT + 18 : LEFT + 37;
      c.rect(x, top + 21.6f, 12.3f, 5);
    }
  }

  private void clinic() throws IOException {
    float top = 34;
    float x = MID;
    c.rect(x, top, RIGHT - MID, 28);
    c.line(92, top, 92, top + 22);
    c.line(x, top + 13, RIGHT, top + 13);
    c.line(x, top + 17.5f, RIGHT, top + 17.5f);
    c.line(x, top + 22, RIGHT, top + 22);
    c.text(x + 1, top + 5, SMALL, false, "保険医療機関の");
    c.text(x + 1, top + 7.6f, SMALL, false, "所在地及び名称");
    c.text(x + 1, top + 16.3f, SMALL, false, "電話番号");
    c.text(x + 1, top + 20.8f, SMALL, false, "保険医氏名");
    PrescriptionSlip.SlipClinic k = slip.clinic();
    List<String> address = c.wrap("〒" + k.postalCode() + " " + c.safe(k.address(), "clinic.address", ""), 46, 6.2f, false);
    for (int i = 0; i < Math.min(2, address.size()); i++) {
      c.text(93, top + 3.6f + i * 3, 6.2f, false, address.get(i));
    }
    String name = c.safe(k.name(), "clinic.name", "");
    c.text(93, top + 11.5f, fit(name, 46, 8.5f), true, name);
    c.text(93, top + 16.3f, 7, false, k.phone());
    String doctor = c.safe(slip.doctorName(), "doctor.name", "");
    c.text(93, top + 21, fit(doctor, 38, 8), false, doctor);
    c.text(RIGHT - 4, top + 21, SMALL, false, "印");
    float row = top + 22;
    c.text(x + 0.8f, row + 4, 4.2f, false, "都道府県番号");
    c.digitBoxes(85, row + 0.8f, 4, 4.4f, 2, k.prefectureCode(), 7);
    c.text(93.5f, row + 4, 4.2f, false, "点数表番号");
    c.digitBoxes(102, row + 0.8f, 4, 4.4f, 1, k.feeTable(), 7);
    c.text(106.8f, row + 4, 4.2f, false, "医療機関コード");
    c.digitBoxes(118.5f, row + 0.8f, 3, 4.4f, 7, k.institutionCode(), 6.5f);
  }

  private void dates() throws IOException {
    float top = 62;
    c.rect(LEFT, top, RIGHT - LEFT, 8);
    c.line(MID, top, MID, top + 8);
    c.line(LEFT + 16, top, LEFT + 16, top + 8);
    c.line(92, top, 92, top + 8);
    c.text(LEFT + 1.5f, top + 5, LABEL, false, "交付年月日");
    c.text(LEFT + 18, top + 5.3f, 8, false, PrescriptionPdf.date(slip.issuedOn()));
    c.text(MID + 1, top + 3.6f, SMALL, false, "処方箋の");
    c.text(MID + 1, top + 6.4f, SMALL, false, "使用期間");
    if (slip.validUntil().isPresent()) {
      c.text(93, top + 5.3f, 7.5f, false, PrescriptionPdf.date(slip.validUntil().get()));
    } else {
      c.text(93, top + 5.3f, 7, false, "令和　 年　 月　 日");
    }
    List<String> note = c.wrap("特に記載のある場合を除き、交付の日を含めて4日以内に保険薬局に提出すること。", 22, 3.9f, false);
    for (int i = 0; i < Math.min(3, note.size()); i++) {
      c.text(117.5f, top + 2.6f + i * 2, 3.9f, false, note.get(i));
    }
  }

  private void prescription(List<FlowLine> rx, boolean continues) throws IOException {
    float top = 70;
    float bottom = 157;
    float noSub = LEFT + 5;
    float wish = noSub + 9;
    float body = wish + 8;
    c.rect(LEFT, top, RIGHT - LEFT, bottom - top);
    c.line(noSub, top, noSub, bottom);
    c.line(wish, top, wish, bottom - 7);
    c.line(body, top, body, bottom - 7);
    c.line(noSub, top + 8, RIGHT, top + 8);
    c.line(noSub, bottom - 7, RIGHT, bottom - 7);
    c.text(LEFT + 1.2f, top + 40, 6.5f, false, "処");
    c.text(LEFT + 1.2f, top + 46, 6.5f, false, "方");
    c.text(noSub + 1, top + 3.4f, 4.4f, false, "変更不可");
    c.text(noSub + 0.4f, top + 6.2f, 3.6f, false, "(医療上必要)");
    c.text(wish + 0.8f, top + 4.8f, 4.4f, false, "患者希望");
    List<String> note = c.wrap("個々の処方薬について、医療上の必要性があるため、後発医薬品（ジェネリック医薬品）への変更に差し支えがあると判断した"
        + "場合には、「変更不可」欄に「レ」又は「×」を記載し、「保険医署名」欄に署名又は記名・押印すること。また、患者の希望を踏まえ、先発"
        + "医薬品を処方した場合には、「患者希望」欄に「レ」又は「×」を記載すること。", RIGHT - body - 2, 3.6f, false);
    for (int i = 0; i < Math.min(4, note.size()); i++) {
      c.text(body + 1, top + 2 + i * 1.8f, 3.6f, false, note.get(i));
    }
    float y = RX_TOP;
    for (FlowLine l : rx) {
      y += l.heightMm();
      float base = y - l.heightMm() / 5;
      if (l.noSubstitution()) {
        c.centred(noSub + 4.5f, base, 8, true, "×");
      }
      if (l.patientRequest()) {
        c.centred(wish + 4, base, 8, true, "×");
      }
      c.text(body + 1, base, l.points(), true, l.label());
      c.text(body + 1 + l.indentMm(), base, l.points(), l.heavy(), l.text());
    }
    if (continues) {
      c.text(body + 30, bottom - 8.5f, RX_POINTS_NOTE, true, PrescriptionPdf.CONTINUED);
    }
    float refillY = bottom - 2.2f;
    c.text(body + 2, refillY, 7, false, "リフィル可");
    c.rect(body + 16, refillY - 3.2f, 3.6f, 3.6f);
    boolean refill = slip.refills() > 0;
    if (refill) {
      c.centred(body + 17.8f, refillY - 0.3f, 7, true, "レ");
    }
    c.text(body + 21, refillY, 7, false, "（　" + (refill ? Integer.toString(slip.refills()) : "　") + "　回）");
  }

  private static final float RX_POINTS_NOTE = 7;

  private void remarks(List<FlowLine> remarks) throws IOException {
    float top = 157;
    float bottom = 183;
    c.rect(LEFT, top, RIGHT - LEFT, bottom - top);
    c.line(LEFT + 5, top, LEFT + 5, bottom);
    c.text(LEFT + 1.2f, top + 11, 6.5f, false, "備");
    c.text(LEFT + 1.2f, top + 17, 6.5f, false, "考");
    c.text(LEFT + 7, top + 3.6f, 5.5f, false, "保険医署名");
    c.line(LEFT + 20, top + 4.2f, LEFT + 60, top + 4.2f);
    c.text(LEFT + 62, top + 3.6f, 3.8f, false, "「変更不可」欄に「レ」又は「×」を記載した場合は、署名又は記名・押印すること。");
    float y = REMARKS_TOP - 1;
    for (FlowLine l : remarks) {
      y += l.heightMm();
      c.text(LEFT + 7 + l.indentMm(), y - l.heightMm() / 5, l.points(), l.heavy(), l.text());
    }
  }

  private void pharmacy() throws IOException {
    float top = 183;
    c.rect(LEFT, top, RIGHT - LEFT, 20);
    c.line(LEFT, top + 7, RIGHT, top + 7);
    c.line(MID, top, MID, top + 20);
    c.text(LEFT + 1.5f, top + 4.6f, LABEL, false, "調剤済年月日");
    c.text(LEFT + 24, top + 4.6f, 6.5f, false, "令和　 年　 月　 日");
    c.text(MID + 1, top + 4.6f, LABEL, false, "公費負担者番号");
    c.digitBoxes(99, top + 1, 5, 5, 8, "", 8);
    c.text(LEFT + 1.5f, top + 11, SMALL, false, "保険薬局の所在地");
    c.text(LEFT + 1.5f, top + 13.6f, SMALL, false, "及び名称");
    c.text(LEFT + 1.5f, top + 16.4f, SMALL, false, "保険薬剤師氏名");
    c.text(RIGHT - 4, top + 16.4f, SMALL, false, "印");
    c.text(MID + 1, top + 11, SMALL, false, "公費負担医療の");
    c.text(MID + 1, top + 13.6f, SMALL, false, "受給者番号");
    c.digitBoxes(99, top + 9.5f, 5, 5, 7, "", 8);
  }

  /** A size at most {@code points} at which safe text fits {@code widthMm}. */
  private float fit(String safeText, float widthMm, float points) throws IOException {
    float w = c.width(safeText, points, false);
    return w <= widthMm ? points : Math.max(4, points * widthMm / w);
  }
}
