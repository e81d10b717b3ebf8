package jp.tsumugi.sync.qualification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A small element tree: local name, text and children. Built only under the parser's limits. */
final class XmlNode {
  private final String name;
  private final StringBuilder text = new StringBuilder();
  private final List<XmlNode> children = new ArrayList<>();

  XmlNode(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  StringBuilder textBuilder() {
    return text;
  }

  void add(XmlNode child) {
    children.add(child);
  }

  /** The element's own text, stripped of surrounding white space. */
  String text() {
    return text.toString().strip();
  }

  /** The element's own text as written, for values whose leading spaces mean something. */
  String rawText() {
    return text.toString();
  }

  Optional<XmlNode> child(String childName) {
    for (XmlNode child : children) {
      if (child.name.equals(childName)) {
        return Optional.of(child);
      }
    }
    return Optional.empty();
  }

  List<XmlNode> children(String childName) {
    List<XmlNode> found = new ArrayList<>();
    for (XmlNode child : children) {
      if (child.name.equals(childName)) {
        found.add(child);
      }
    }
    return found;
  }

  /** The stripped text of the first child of that name, "" if there is none. */
  String childText(String childName) {
    return child(childName).map(XmlNode::text).orElse("");
  }
}
