package jp.tsumugi.store.master;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Tiny xlsx workbooks written with java.util.zip, shaped like the MHLW lists. */
final class XlsxFixture {
  static final String WORKBOOK = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
      <sheets><sheet name="ＨＰ用" sheetId="2" r:id="rId1"/></sheets></workbook>""";
  static final String RELS = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
      Target="worksheets/sheet1.xml"/></Relationships>""";

  private XlsxFixture() {
  }

  /**
   * A workbook whose sheet has the given rows. Each row is a list of cells by column; a null cell is left out
   * (a gap in the cell references). Texts starting with "#" go to shared strings (with a phonetic run that must
   * not leak into the value), other texts are inline strings, and "=n" writes a number n.
   */
  static byte[] workbook(List<List<String>> rows) throws IOException {
    StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
    StringBuilder shared = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
    int strings = 0;
    for (int r = 0; r < rows.size(); r++) {
      sheet.append("<row r=\"").append(r + 1).append("\">");
      List<String> cells = rows.get(r);
      for (int c = 0; c < cells.size(); c++) {
        String text = cells.get(c);
        if (text == null) {
          continue;
        }
        String ref = (char) ('A' + c) + String.valueOf(r + 1);
        if (text.startsWith("=")) {
          sheet.append("<c r=\"").append(ref).append("\"><v>").append(text.substring(1)).append("</v></c>");
        } else if (text.startsWith("#")) {
          shared.append("<si><t>").append(escape(text.substring(1))).append("</t><rPh sb=\"0\" eb=\"1\"><t>フリガナ</t></rPh></si>");
          sheet.append("<c r=\"").append(ref).append("\" t=\"s\"><v>").append(strings++).append("</v></c>");
        } else {
          sheet.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(escape(text)).append("</t></is></c>");
        }
      }
      sheet.append("</row>");
    }
    sheet.append("</sheetData></worksheet>");
    shared.append("</sst>");
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
    entries.put("xl/workbook.xml", WORKBOOK.getBytes(StandardCharsets.UTF_8));
    entries.put("xl/_rels/workbook.xml.rels", RELS.getBytes(StandardCharsets.UTF_8));
    entries.put("xl/sharedStrings.xml", shared.toString().getBytes(StandardCharsets.UTF_8));
    entries.put("xl/worksheets/sheet1.xml", sheet.toString().getBytes(StandardCharsets.UTF_8));
    return zip(entries);
  }

  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
