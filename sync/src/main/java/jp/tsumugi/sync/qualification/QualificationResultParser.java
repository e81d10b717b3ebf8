package jp.tsumugi.sync.qualification;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.qualification.QualificationResult;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * Reads an オンライン資格確認 result file (XmlMsg) into a {@link QualificationResult}, treating the file
 * as hostile (docs/adr/0014): a size cap checked before reading, UTF-8 or Shift_JIS only, no DTD of any
 * kind (so no external entity, no entity expansion), no XInclude, caps on depth, element count and
 * text length. Every rejection is a {@link TsumugiException} with its own code and nothing partial is
 * returned. Instances are immutable and thread-safe.
 */
public final class QualificationResultParser {
  /** The root element of every result. */
  public static final String ROOT = "XmlMsg";

  /**
   * Caps on a result file.
   *
   * @param maxBytes file size; a single-person result is a few kilobytes
   * @param maxDepth element nesting
   * @param maxElements elements in the whole file
   * @param maxTextLength characters of text inside one element
   */
  public record Limits(long maxBytes, int maxDepth, int maxElements, int maxTextLength) {
    /** 2 MiB, depth 16, 20,000 elements, 4,096 characters per element. */
    public static final Limits DEFAULT = new Limits(2L * 1024 * 1024, 16, 20_000, 4_096);

    public Limits {
      if (maxBytes < 1 || maxDepth < 1 || maxElements < 1 || maxTextLength < 1) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }
  }

  private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
  private static final Pattern EXTERNAL = Pattern.compile("<!ENTITY\\s+(%\\s+)?\\S+\\s+(SYSTEM|PUBLIC)\\b"
      + "|<!DOCTYPE\\s+\\S+\\s+(SYSTEM|PUBLIC)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern ENTITY = Pattern.compile("<!ENTITY", Pattern.CASE_INSENSITIVE);

  private final Limits limits;
  private final SAXParserFactory factory;

  public QualificationResultParser() {
    this(Limits.DEFAULT);
  }

  public QualificationResultParser(Limits limits) {
    this.limits = limits;
    this.factory = hardenedFactory();
  }

  /** The caps this parser enforces. */
  public Limits limits() {
    return limits;
  }

  /** Parses a result file; a file over the size cap is rejected without reading it. */
  public QualificationResult parse(Path file) {
    try {
      if (Files.size(file) > limits.maxBytes()) {
        throw new TsumugiException(ErrorCode.QUALIFICATION_FILE_TOO_LARGE, "over " + limits.maxBytes() + " bytes");
      }
      try (InputStream in = Files.newInputStream(file)) {
        // The file may grow between size() and reading: read at most one byte over the cap.
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
        return parse(bytes);
      }
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_FILE_UNREADABLE, e.getClass().getSimpleName(), e);
    }
  }

  /** Parses the bytes of a result file. */
  public QualificationResult parse(byte[] bytes) {
    return ResultMapper.map(tree(bytes));
  }

  /** The element tree of an {@code XmlMsg} document (a request too), decoded, hardened and capped as results are. */
  XmlNode tree(byte[] bytes) {
    if (bytes.length > limits.maxBytes()) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_FILE_TOO_LARGE, "over " + limits.maxBytes() + " bytes");
    }
    String text = ResultEncoding.decode(bytes);
    rejectDoctype(text);
    return tree(text);
  }

  private XmlNode tree(String text) {
    LimitedTreeHandler handler = new LimitedTreeHandler(ROOT, limits);
    try {
      SAXParser parser = factory.newSAXParser();
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      InputSource source = new InputSource(new StringReader(text));
      parser.parse(source, handler);
    } catch (LimitedTreeHandler.Abort abort) {
      throw abort.reason();
    } catch (SAXException e) {
      if (handler.rootStarted() && !handler.rootClosed() && !text.contains("</" + ROOT)) {
        throw new TsumugiException(ErrorCode.QUALIFICATION_TRUNCATED, "ends inside " + ROOT, e);
      }
      throw new TsumugiException(ErrorCode.QUALIFICATION_MALFORMED, "not well-formed", e);
    } catch (ParserConfigurationException | IOException e) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_MALFORMED, e.getClass().getSimpleName(), e);
    }
    if (!handler.rootStarted()) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_NOT_XML, "no root element");
    }
    return handler.root();
  }

  /**
   * Results never carry a DTD. The parser refuses any DOCTYPE anyway (disallow-doctype-decl); this
   * text check runs first only to name the attack in the error code.
   */
  private static void rejectDoctype(String text) {
    if (!DOCTYPE.matcher(text).find()) {
      return;
    }
    if (EXTERNAL.matcher(text).find()) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_EXTERNAL_ENTITY, "external entity or DTD declared");
    }
    if (ENTITY.matcher(text).find()) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_ENTITY_EXPANSION, "entities declared");
    }
    throw new TsumugiException(ErrorCode.QUALIFICATION_DOCTYPE_FORBIDDEN, "DOCTYPE present");
  }

  /** The SAX factory with every hardening feature on; package-private for tests. */
  static SAXParserFactory hardenedFactory() {
    SAXParserFactory f = SAXParserFactory.newInstance();
    f.setNamespaceAware(true);
    f.setValidating(false);
    f.setXIncludeAware(false);
    try {
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (ParserConfigurationException | SAXNotRecognizedException | SAXNotSupportedException e) {
      // Fail fast: a parser that cannot be hardened must never read a result file.
      throw new IllegalStateException("the XML parser cannot be hardened: " + f.getClass().getName().toLowerCase(Locale.ROOT), e);
    }
    return f;
  }
}
