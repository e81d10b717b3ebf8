package jp.tsumugi.store.master;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * A small, defensive reader of .xlsx workbooks (an xlsx is a zip of XML parts): read in memory, never
 * extracted; entry names with absolute paths, drive letters or ".." refuse the whole file; each part
 * and the sum of all parts are capped (uncompressed, with a bounded read, so a zip bomb stops at the
 * cap); XML is parsed with StAX, DTDs refused and external entities off. Reads shared strings (without
 * their phonetic ルビ runs), inline strings and plain values; cell references (A1) place each value in its
 * column, so skipped cells read as "". Only text is returned: numbers stay the text Excel stored.
 */
final class XlsxWorkbook {
  static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;
  static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;
  static final int MAX_ENTRIES = 2000;
  /** XFD, the last column Excel allows. */
  static final int MAX_COLUMNS = 16384;
  private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  /** One sheet row: its 1-based row number and its cells by column (0 = A), blanks as "". */
  record Row(int number, List<String> cells) {
    String cell(int column) {
      return column >= 0 && column < cells.size() ? cells.get(column) : "";
    }

    boolean blank() {
      return cells.stream().allMatch(String::isBlank);
    }
  }

  /** A worksheet as the workbook names it, and the zip entry holding it. */
  record Sheet(String name, String part) {
  }

  private final String fileName;
  private final Map<String, byte[]> parts;
  private List<String> sharedStrings;

  private XlsxWorkbook(String fileName, Map<String, byte[]> parts) {
    this.fileName = fileName;
    this.parts = parts;
  }

  static XlsxWorkbook read(byte[] bytes, String fileName) {
    return read(bytes, fileName, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES);
  }

  static XlsxWorkbook read(byte[] bytes, String fileName, long maxEntryBytes, long maxTotalBytes) {
    if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
      throw new TsumugiException(ErrorCode.PRICE_LIST_UNREADABLE, fileName + ": not a zip (xlsx) file");
    }
    Map<String, byte[]> parts = new HashMap<>();
    long total = 0;
    int entries = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = nextEntry(zip, fileName)) != null) {
        if (++entries > MAX_ENTRIES) {
          throw new TsumugiException(ErrorCode.PRICE_LIST_TOO_LARGE, fileName + ": more than " + MAX_ENTRIES + " entries");
        }
        String name = entry.getName();
        checkSafe(name, fileName);
        byte[] content = boundedRead(zip, maxEntryBytes, fileName, name);
        total += content.length;
        if (total > maxTotalBytes) {
          throw new TsumugiException(ErrorCode.PRICE_LIST_TOO_LARGE, fileName + ": more than " + maxTotalBytes
              + " bytes uncompressed in all");
        }
        if (!entry.isDirectory() && (name.endsWith(".xml") || name.endsWith(".rels"))) {
          parts.put(name, content);
        }
      }
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.PRICE_LIST_UNREADABLE, fileName + ": " + e.getClass().getSimpleName(), e);
    }
    if (entries == 0) {
      throw new TsumugiException(ErrorCode.PRICE_LIST_UNREADABLE, fileName + ": an empty zip");
    }
    return new XlsxWorkbook(fileName, parts);
  }

  private static ZipEntry nextEntry(ZipInputStream zip, String fileName) throws IOException {
    try {
      return zip.getNextEntry();
    } catch (ZipException | IllegalArgumentException e) {
      throw new TsumugiException(ErrorCode.PRICE_LIST_UNREADABLE, fileName + ": a damaged zip", e);
    }
  }

  private static void checkSafe(String entryName, String fileName) {
    String normalised = entryName.replace('\\', '/');
    boolean unsafe = normalised.startsWith("/") || normalised.matches("^[A-Za-z]:.*") || normalised.indexOf('\0') >= 0;
    for (String part : normalised.split("/")) {
      unsafe |= "..".equals(part);
    }
    if (unsafe) {
      throw new TsumugiException(ErrorCode.PRICE_LIST_ZIP_UNSAFE, fileName + ": entry " + printable(entryName));
    }
  }

  private static String printable(String name) {
    String cut = name.length() > 80 ? name.substring(0, 80) + "…" : name;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  private static byte[] boundedRead(InputStream in, long cap, String fileName, String entry) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
    if (bytes.length > cap) {
      throw new TsumugiException(ErrorCode.PRICE_LIST_TOO_LARGE, fileName + ": entry " + printable(entry)
          + " is larger than " + cap + " bytes");
    }
    return bytes;
  }

  /** The worksheets in workbook order. */
  List<Sheet> sheets() {
    byte[] workbook = parts.get("xl/workbook.xml");
    if (workbook == null) {
      throw new TsumugiException(ErrorCode.PRICE_LIST_NO_SHEET, fileName + ": no xl/workbook.xml");
    }
    Map<String, String> targets = relationships();
    List<Sheet> sheets = new ArrayList<>();
    parse("xl/workbook.xml", workbook, r -> {
      while (r.hasNext()) {
        if (next(r) == XMLStreamConstants.START_ELEMENT && "sheet".equals(r.getLocalName())) {
          String name = attribute(r, "name");
          String id = r.getAttributeValue(REL_NS, "id");
          String part = id == null ? null : targets.get(id);
          sheets.add(new Sheet(name == null ? "" : name, part));
        }
      }
    });
    List<Sheet> found = new ArrayList<>();
    for (int i = 0; i < sheets.size(); i++) {
      Sheet s = sheets.get(i);
      String part = s.part() != null ? s.part() : "xl/worksheets/sheet" + (i + 1) + ".xml";
      if (parts.containsKey(part)) {
        found.add(new Sheet(s.name(), part));
      }
    }
    if (found.isEmpty()) {
      throw new TsumugiException(ErrorCode.PRICE_LIST_NO_SHEET, fileName + ": the workbook names no worksheet that the file holds");
    }
    return found;
  }

  private Map<String, String> relationships() {
    byte[] rels = parts.get("xl/_rels/workbook.xml.rels");
    Map<String, String> targets = new HashMap<>();
    if (rels == null) {
      return targets;
    }
    parse("xl/_rels/workbook.xml.rels", rels, r -> {
      while (r.hasNext()) {
        if (next(r) == XMLStreamConstants.START_ELEMENT && "Relationship".equals(r.getLocalName())) {
          String id = attribute(r, "Id");
          String target = attribute(r, "Target");
          if (id != null && target != null) {
            String path = target.startsWith("/") ? target.substring(1) : "xl/" + target;
            targets.put(id, path);
          }
        }
      }
    });
    return targets;
  }

  /** Every row of a sheet that has a {@code <row>} element, in sheet order. */
  List<Row> rows(Sheet sheet) {
    byte[] xml = parts.get(sheet.part());
    if (xml == null) {
      throw new TsumugiException(ErrorCode.PRICE_LIST_NO_SHEET, fileName + ": no " + sheet.part());
    }
    List<String> strings = sharedStrings();
    List<Row> rows = new ArrayList<>();
    parse(sheet.part(), xml, r -> readRows(r, strings, rows));
    return rows;
  }

  private void readRows(XMLStreamReader r, List<String> strings, List<Row> rows) throws XMLStreamException {
    int rowNumber = 0;
    List<String> cells = null;
    int column = -1;
    String type = null;
    StringBuilder value = new StringBuilder();
    StringBuilder inline = new StringBuilder();
    boolean inValue = false;
    int inInlineText = 0;
    int inPhonetic = 0;
    while (r.hasNext()) {
      int event = next(r);
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (r.getLocalName()) {
          case "row" -> {
            String ref = attribute(r, "r");
            rowNumber = ref == null ? rowNumber + 1 : rowNumberOf(ref, rowNumber);
            cells = new ArrayList<>();
            column = -1;
          }
          case "c" -> {
            if (cells == null) {
              throw malformed(sheetRow(rowNumber) + ": a cell outside a row");
            }
            String ref = attribute(r, "r");
            column = ref == null ? column + 1 : columnOf(ref, rowNumber);
            if (column >= MAX_COLUMNS) {
              throw malformed(sheetRow(rowNumber) + ": column beyond XFD");
            }
            type = attribute(r, "t");
            value.setLength(0);
            inline.setLength(0);
          }
          case "v" -> inValue = true;
          case "rPh" -> inPhonetic++;
          case "t" -> inInlineText++;
          default -> {
          }
        }
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
          || event == XMLStreamConstants.SPACE) {
        if (inValue) {
          value.append(r.getText());
        } else if (inInlineText > 0 && inPhonetic == 0) {
          inline.append(r.getText());
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        switch (r.getLocalName()) {
          case "v" -> inValue = false;
          case "rPh" -> inPhonetic--;
          case "t" -> inInlineText--;
          case "c" -> {
            while (cells.size() <= column) {
              cells.add("");
            }
            cells.set(column, cellText(type, value.toString(), inline.toString(), strings, rowNumber));
          }
          case "row" -> {
            rows.add(new Row(rowNumber, Collections.unmodifiableList(cells)));
            cells = null;
          }
          default -> {
          }
        }
      }
    }
  }

  private String cellText(String type, String value, String inline, List<String> strings, int rowNumber) {
    if ("s".equals(type)) {
      String index = value.trim();
      if (!index.matches("\\d{1,9}") || Integer.parseInt(index) >= strings.size()) {
        throw malformed(sheetRow(rowNumber) + ": shared string index " + printable(index));
      }
      return strings.get(Integer.parseInt(index));
    }
    if ("inlineStr".equals(type)) {
      return inline;
    }
    return value;
  }

  private List<String> sharedStrings() {
    if (sharedStrings != null) {
      return sharedStrings;
    }
    byte[] xml = parts.get("xl/sharedStrings.xml");
    List<String> strings = new ArrayList<>();
    if (xml != null) {
      parse("xl/sharedStrings.xml", xml, r -> {
        StringBuilder text = null;
        int inText = 0;
        int inPhonetic = 0;
        while (r.hasNext()) {
          int event = next(r);
          if (event == XMLStreamConstants.START_ELEMENT) {
            switch (r.getLocalName()) {
              case "si" -> text = new StringBuilder();
              case "t" -> inText++;
              case "rPh" -> inPhonetic++;
              default -> {
              }
            }
          } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
              || event == XMLStreamConstants.SPACE) && text != null && inText > 0 && inPhonetic == 0) {
            text.append(r.getText());
          } else if (event == XMLStreamConstants.END_ELEMENT) {
            switch (r.getLocalName()) {
              case "si" -> {
                strings.add(text == null ? "" : text.toString());
                text = null;
              }
              case "t" -> inText--;
              case "rPh" -> inPhonetic--;
              default -> {
              }
            }
          }
        }
      });
    }
    sharedStrings = strings;
    return strings;
  }

  String fileName() {
    return fileName;
  }

  /** "A1" → 0, "AB7" → 27; the row part must match the enclosing row when it has one. */
  static int columnOf(String ref, int rowNumber) {
    int column = 0;
    int i = 0;
    while (i < ref.length() && i < 3 && ref.charAt(i) >= 'A' && ref.charAt(i) <= 'Z') {
      column = column * 26 + (ref.charAt(i) - 'A' + 1);
      i++;
    }
    String digits = ref.substring(i);
    if (i == 0 || !digits.matches("\\d{1,7}") || (rowNumber > 0 && Integer.parseInt(digits) != rowNumber)) {
      throw new IllegalArgumentException(ref);
    }
    return column - 1;
  }

  private int rowNumberOf(String ref, int previous) {
    if (!ref.matches("\\d{1,7}") || Integer.parseInt(ref) <= previous) {
      throw malformed("row number " + printable(ref) + " after row " + previous);
    }
    return Integer.parseInt(ref);
  }

  private static String sheetRow(int rowNumber) {
    return "sheet row " + rowNumber;
  }

  private TsumugiException malformed(String where) {
    return new TsumugiException(ErrorCode.PRICE_LIST_XML_MALFORMED, fileName + " " + where);
  }

  private static String attribute(XMLStreamReader r, String localName) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (localName.equals(r.getAttributeLocalName(i)) && (r.getAttributeNamespace(i) == null
          || r.getAttributeNamespace(i).isEmpty())) {
        return r.getAttributeValue(i);
      }
    }
    return null;
  }

  /** Refuses a DTD wherever the parser reports one. */
  private static int next(XMLStreamReader r) throws XMLStreamException {
    int event = r.next();
    if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
      throw new DtdFound();
    }
    return event;
  }

  /** Raised inside a parse; turned into {@link ErrorCode#PRICE_LIST_XML_UNSAFE} with the part's name. */
  private static final class DtdFound extends XMLStreamException {
    private static final long serialVersionUID = 1L;

    DtdFound() {
      super("DTD");
    }
  }

  @FunctionalInterface
  private interface XmlWork {
    void read(XMLStreamReader reader) throws XMLStreamException;
  }

  private void parse(String part, byte[] xml, XmlWork work) {
    if (declaresDtd(xml)) {
      throw new TsumugiException(ErrorCode.PRICE_LIST_XML_UNSAFE, fileName + ": " + part + " declares a DTD");
    }
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    XMLStreamReader reader = null;
    try {
      reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
      work.read(reader);
    } catch (DtdFound e) {
      throw new TsumugiException(ErrorCode.PRICE_LIST_XML_UNSAFE, fileName + ": " + part + " declares a DTD or entity", e);
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      throw new TsumugiException(ErrorCode.PRICE_LIST_XML_MALFORMED, fileName + ": " + part + " line " + line, e);
    } catch (IllegalArgumentException e) {
      throw new TsumugiException(ErrorCode.PRICE_LIST_XML_MALFORMED, fileName + ": " + part + " cell reference "
          + printable(String.valueOf(e.getMessage())), e);
    } finally {
      close(reader);
    }
  }

  private static void close(XMLStreamReader reader) {
    if (reader == null) {
      return;
    }
    try {
      reader.close();
    } catch (XMLStreamException ignored) {
      // Closing an in-memory reader cannot lose data; the parse result stands.
    }
  }

  /** A "<!DOCTYPE" anywhere (ASCII-compatible encodings); the parser's DTD event catches the rest. */
  private static boolean declaresDtd(byte[] xml) {
    byte[] needle = "<!doctype".getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + needle.length <= xml.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (Character.toLowerCase((char) (xml[i + j] & 0xff)) != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
