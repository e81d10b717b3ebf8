package jp.tsumugi.sync.qualification;

import java.util.ArrayDeque;
import java.util.Deque;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds an {@link XmlNode} tree and stops the parse as soon as the document breaks a limit (depth,
 * element count, text per element) or its root is not the expected one, so hostile input never
 * grows the tree.
 */
final class LimitedTreeHandler extends DefaultHandler {
  /** Carries a {@link TsumugiException} out of the SAX parser. */
  static final class Abort extends SAXException {
    private static final long serialVersionUID = 1L;
    private final transient TsumugiException reason;

    Abort(TsumugiException reason) {
      super(reason.getMessage());
      this.reason = reason;
    }

    TsumugiException reason() {
      return reason;
    }
  }

  private final String expectedRoot;
  private final QualificationResultParser.Limits limits;
  private final Deque<XmlNode> open = new ArrayDeque<>();
  private XmlNode root;
  private boolean rootClosed;
  private int elements;

  LimitedTreeHandler(String expectedRoot, QualificationResultParser.Limits limits) {
    this.expectedRoot = expectedRoot;
    this.limits = limits;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
    String name = localName == null || localName.isEmpty() ? qName : localName;
    if (root == null && !expectedRoot.equals(name)) {
      throw new Abort(new TsumugiException(ErrorCode.QUALIFICATION_UNKNOWN_ROOT, "root element is not " + expectedRoot));
    }
    if (++elements > limits.maxElements()) {
      throw new Abort(new TsumugiException(ErrorCode.QUALIFICATION_TOO_COMPLEX, "more than " + limits.maxElements() + " elements"));
    }
    if (open.size() + 1 > limits.maxDepth()) {
      throw new Abort(new TsumugiException(ErrorCode.QUALIFICATION_TOO_COMPLEX, "nested deeper than " + limits.maxDepth()));
    }
    XmlNode node = new XmlNode(name);
    if (root == null) {
      root = node;
    } else {
      open.peek().add(node);
    }
    open.push(node);
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    open.pop();
    if (open.isEmpty()) {
      rootClosed = true;
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    XmlNode current = open.peek();
    if (current == null) {
      return;
    }
    StringBuilder text = current.textBuilder();
    if (text.length() + length > limits.maxTextLength()) {
      throw new Abort(new TsumugiException(ErrorCode.QUALIFICATION_TOO_COMPLEX, "element text longer than " + limits.maxTextLength()));
    }
    text.append(ch, start, length);
  }

  XmlNode root() {
    return root;
  }

  boolean rootStarted() {
    return root != null;
  }

  boolean rootClosed() {
    return rootClosed;
  }
}
